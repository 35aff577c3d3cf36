// Offsets are UTF-16 code units into the normalised (BOM-less, LF-only) text. These tests find
// phrases with indexOf in that text and check that turns and cues report the same numbers,
// with emoji (two code units), accents (precomposed and combining) and CRLF sources.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../electron/services/import/parsers.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns } from '../../shared/text/turns.js';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-offsets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

const SOURCE = [
  '\uFEFFInterviewer: Ça va ? 🙂 On parle de la sécurité dynamique.',
  '',
  'Betjent Ødegård: Ja, det går bra 👍 — très bien. Vi møter dem med respekt.',
  'Second line of the same turn, with cafe\u0301 (combining accent).',
  '',
  'Interviewer: Takk skal du ha. 🙂',
  'Betjent Ødegård: Bare hyggelig!',
  '',
].join('\r\n');

describe('offsets after normalisation', () => {
  it('a CRLF + BOM .txt gives LF text, and turn offsets equal indexOf in that text', async () => {
    const doc = await parseFile(write('crlf.txt', SOURCE));
    expect(doc.text).not.toMatch(/[\r\uFEFF]/);
    expect(doc.text).toBe(normaliseText(SOURCE));
    const [t1, t2, t3, t4] = doc.turns;
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Betjent Ødegård', 'Interviewer', 'Betjent Ødegård']);
    expect(t1!.start).toBe(0);
    expect(t1!.speechStart).toBe(doc.text.indexOf('Ça va ?'));
    expect(t2!.start).toBe(doc.text.indexOf('Betjent Ødegård: Ja'));
    expect(t2!.speechStart).toBe(doc.text.indexOf('Ja, det går bra 👍'));
    const last = '(combining accent).';
    expect(t2!.end).toBe(doc.text.indexOf(last) + last.length);
    const thanks = 'Takk skal du ha. 🙂';
    expect(t3!.end).toBe(doc.text.indexOf(thanks) + thanks.length);
    expect(t3!.end - t3!.speechStart).toBe(19); // the emoji is two code units
    expect(t4!.end).toBe(doc.text.trimEnd().length); // the trailing newline is not part of the turn
    // The emoji before "On parle" shifts later offsets by 2, not 1.
    expect(doc.text.indexOf('On parle') - doc.text.indexOf('🙂')).toBe(3);
  });

  it('a CRLF .vtt gives LF text, and cue offsets equal indexOf', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00.000 --> 00:02.000',
      '<v Interviewer>Ça va ? 🙂',
      '',
      '00:02.000 --> 00:04.500',
      '<v Betjent Ødegård>Ja, det går bra 👍',
      '— très bien.',
      '',
      '00:04.500 --> 00:06.000',
      '<v Betjent Ødegård>Vi møter dem med respekt.',
      '',
    ].join('\r\n');
    const doc = await parseFile(write('talk.vtt', `\uFEFF${vtt}`));
    expect(doc.text).toBe('Interviewer: Ça va ? 🙂\n\nBetjent Ødegård: Ja, det går bra 👍 — très bien. Vi møter dem med respekt.');
    const phrases = ['Ça va ? 🙂', 'Ja, det går bra 👍 — très bien.', 'Vi møter dem med respekt.'];
    doc.cues.forEach((c, i) => {
      expect(c.start).toBe(doc.text.indexOf(phrases[i]!));
      expect(c.end).toBe(c.start + phrases[i]!.length);
    });
    expect(doc.turns[1]!.speechStart).toBe(doc.cues[1]!.start);
    expect(doc.turns[1]!.end).toBe(doc.cues[2]!.end);
  });

  it('UTF-16 and the Norwegian fixture: offsets after emoji stay in code units', async () => {
    const u16 = await parseFile(fileURLToPath(new URL('../../fixtures/bad/utf16be-bom.txt', import.meta.url)));
    const phrase = 'Être juste, toujours 👍';
    const last = u16.turns[u16.turns.length - 1]!;
    expect(last.end).toBe(u16.text.indexOf(phrase) + phrase.length);

    const file = fileURLToPath(new URL('../../fixtures/transcripts/co-03-norway.txt', import.meta.url));
    const norway = await parseFile(file);
    const thumbs = 'thank you for everything 👍';
    const at = norway.text.indexOf(thumbs);
    const holder = norway.turns.find((t) => t.start <= at && at < t.end)!;
    expect(holder.speaker).toBe('Officer Berg');
    expect(norway.text.slice(holder.start, holder.end)).toContain(thumbs);
    expect(norway.text).toBe(normaliseText(readFileSync(file, 'utf8')));
  });

  it('property: turns found in any line-ending style slice back to the speech as written', () => {
    const word = fc.constantFrom('sécurité', 'møter', 'café', 'cafe\u0301', '🙂', '👍', 'Ødegård', 'ok', 'ja,', 'très', 'ç', 'word');
    const turn = fc.record({
      speaker: fc.constantFrom('Interviewer', 'Participant', 'I', 'R'),
      speech: fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    });
    fc.assert(
      fc.property(
        fc.array(turn, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        (turns, eol, bom, blank) => {
          const source = (bom ? '\uFEFF' : '') + turns.map((t) => `${t.speaker}: ${t.speech}`).join(blank ? eol + eol : eol) + eol;
          const text = normaliseText(source);
          const found = detectTurns(text);
          expect(found.map((t) => t.speaker)).toEqual(turns.map((t) => t.speaker));
          let from = 0;
          found.forEach((t, i) => {
            const line = `${turns[i]!.speaker}: ${turns[i]!.speech}`;
            expect(t.start).toBe(text.indexOf(line, from));
            expect(text.slice(t.speechStart, t.end)).toBe(turns[i]!.speech);
            from = t.end;
          });
        },
      ),
    );
  });
});
