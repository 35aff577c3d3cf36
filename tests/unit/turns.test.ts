import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns, turnAt } from '../../shared/text/turns.js';

const fixture = (name: string): string => normaliseText(readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8'));
const speakers = (text: string): string[] => detectTurns(text).map((t) => t.speaker);

describe('detectTurns: label styles', () => {
  it('reads Name:, NAME:, multi-word and well-known single letters', () => {
    expect(speakers('Interviewer: Hi.\nCO Martin: Hello.\nInterviewer: Ok.\nCO Martin: Sure.')).toEqual([
      'Interviewer',
      'CO Martin',
      'Interviewer',
      'CO Martin',
    ]);
    expect(speakers('I: Hi.\nR: Hello.')).toEqual(['I', 'R']);
    expect(speakers('Q: Why?\nA: Because.')).toEqual(['Q', 'A']);
    expect(speakers('INTERVIEWER: Hi.\nPARTICIPANT: Hello.')).toEqual(['INTERVIEWER', 'PARTICIPANT']);
    expect(speakers('Officer Berg: Yes.\nInterviewer: And?\nOfficer Berg: No.')).toEqual(['Officer Berg', 'Interviewer', 'Officer Berg']);
    expect(speakers('Participant 3: yes\nP2: no')).toEqual(['Participant 3', 'P2']);
  });

  it('reads [Name] labels with speech on the same line', () => {
    const text = '[Interviewer] How is it?\n[Sam] Fine.\n[Sam] Really.';
    const turns = detectTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Sam', 'Sam']);
    expect(text.slice(turns[1]!.speechStart, turns[1]!.end)).toBe('Fine.');
  });

  it('reads French spacing before the colon', () => {
    expect(speakers('Interviewer : Bonjour.\nR : Oui.')).toEqual(['Interviewer', 'R']);
  });

  it('finds the speakers of every fixture transcript', () => {
    expect(new Set(speakers(fixture('co-01.txt')))).toEqual(new Set(['Interviewer', 'CO Martin']));
    expect(new Set(speakers(fixture('co-02.txt')))).toEqual(new Set(['I', 'R']));
    expect(new Set(speakers(fixture('co-03-norway.txt')))).toEqual(new Set(['Interviewer', 'Officer Berg']));
    expect(new Set(speakers(fixture('ip-01.txt')))).toEqual(new Set(['INTERVIEWER', 'PARTICIPANT']));
    expect(new Set(speakers(fixture('ip-02.txt')))).toEqual(new Set(['Interviewer', 'Sam']));
    expect(new Set(speakers(fixture('ip-03-crlf.txt')))).toEqual(new Set(['Interviewer', 'Participant']));
  });
});

describe('detectTurns: false positives', () => {
  it('ignores a one-off Note: or Example: and sentences with colons', () => {
    const text = [
      'Note: recorded on site.',
      'Interviewer: What happened?',
      'Respondent: He said this: nothing works. Example: the doors.',
      'Example: this line is not a speaker.',
      'Interviewer: Thanks.',
    ].join('\n');
    expect(speakers(text)).toEqual(['Interviewer', 'Respondent', 'Interviewer']);
  });

  it('never treats header words or bracketed transcription notes as speakers', () => {
    const text = 'Date: 3 May\nDate: 4 May\nI: Hi.\n[laughs] Yes, that is right.\n[laughs] Again.\nR: Ok.';
    expect(speakers(text)).toEqual(['I', 'R']);
  });

  it('ignores labels that are too long, start with a digit, or lack a following space', () => {
    const text = [
      'A very long label with more than four words: x',
      'A very long label with more than four words: y',
      '10:30 we started',
      '10:30 we started',
      'https://example.org',
      'https://example.org',
      'Interviewer: ok',
    ].join('\n');
    expect(speakers(text)).toEqual(['Interviewer']);
  });

  it('accepts an unknown label only when it recurs at line start', () => {
    expect(speakers('Sam: Hi.\nInterviewer: Hello.')).toEqual(['Interviewer']);
    expect(speakers('Sam: Hi.\nInterviewer: Hello.\nSam: Bye.')).toEqual(['Sam', 'Interviewer', 'Sam']);
  });
});

describe('detectTurns: ranges', () => {
  it('spans several paragraphs, skips text before the first label, trims trailing blanks', () => {
    const text = 'Transcript header\n\nInterviewer: First?\n\nR: One.\n\nTwo, a second paragraph.   \n\n\nInterviewer: Done.\n';
    const turns = detectTurns(text);
    expect(turns).toHaveLength(3);
    const r = turns[1]!;
    expect(text.slice(r.start, r.end)).toBe('R: One.\n\nTwo, a second paragraph.');
    expect(text.slice(r.speechStart, r.end)).toBe('One.\n\nTwo, a second paragraph.');
    expect(text.slice(turns[2]!.start, turns[2]!.end)).toBe('Interviewer: Done.');
    expect(turns[0]!.start).toBe(text.indexOf('Interviewer: First?'));
  });

  it('handles a label alone on its line (speech starts on the next line)', () => {
    const text = 'Interviewer:\nHow long?\nR:\n';
    const [a, b] = detectTurns(text);
    expect(text.slice(a!.speechStart, a!.end)).toBe('How long?');
    expect(b!.speechStart).toBe(b!.end);
    expect(text.slice(b!.start, b!.end)).toBe('R:');
  });

  it('round-trips offsets on every fixture: slices start with the label and never end in whitespace', () => {
    for (const name of ['co-01.txt', 'co-02.txt', 'co-03-norway.txt', 'ip-01.txt', 'ip-02.txt', 'ip-03-crlf.txt']) {
      const text = fixture(name);
      const turns = detectTurns(text);
      expect(turns.length).toBeGreaterThan(10);
      let prevEnd = 0;
      for (const t of turns) {
        const slice = text.slice(t.start, t.end);
        expect(slice.startsWith(t.speaker) || slice.startsWith(`[${t.speaker}]`)).toBe(true);
        expect(slice).toBe(slice.trimEnd());
        expect(t.start).toBeGreaterThanOrEqual(prevEnd);
        expect(t.start <= t.speechStart && t.speechStart <= t.end).toBe(true);
        expect(/\s/.test(text[t.speechStart] ?? 'x')).toBe(false);
        prevEnd = t.end;
      }
    }
  });

  // Speed is measured in `npm run bench`, not here; this checks a 2-hour-sized transcript is right.
  it('finds all 1,200 turns of a 140,000-character transcript', () => {
    const parts: string[] = [];
    for (let i = 0; i < 1200; i++) {
      parts.push(`${i % 2 ? 'Officer Berg' : 'Interviewer'}: ${'word '.repeat(18)}and a colon: here.\n\nNote: a continuation paragraph ${'x'.repeat(i % 7)}.`);
    }
    const text = parts.join('\n\n');
    expect(text.length).toBeGreaterThan(140_000);
    const turns = detectTurns(text);
    expect(turns).toHaveLength(1200);
    expect(turns.every((t, i) => t.speaker === (i % 2 ? 'Officer Berg' : 'Interviewer'))).toBe(true);
  });
});

describe('turnAt: the turn holding an offset', () => {
  const text = 'Title line\nInterviewer: Hi.\nCO Martin: Hello there.\nInterviewer: Ok.\nCO Martin: Sure.';
  const turns = detectTurns(text);

  it('finds every offset inside a turn, [start, end), and nothing before the first or past the last', () => {
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'CO Martin', 'Interviewer', 'CO Martin']);
    for (let offset = 0; offset <= text.length; offset += 1) {
      const expected = turns.find((t) => t.start <= offset && offset < t.end);
      expect(turnAt(turns, offset), `offset ${offset}`).toBe(expected);
    }
    expect(turnAt(turns, 0)).toBeUndefined();
    expect(turnAt([], 5)).toBeUndefined();
  });
});
