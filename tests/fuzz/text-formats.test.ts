/**
 * Fuzzing the text importers (.txt .md .vtt .srt) through parseBytes, the function both the file
 * import and browser uploads use: random bytes, text built from each format's own tokens, and
 * mutated copies of the real fixtures. Each answer is a well-formed document no larger than its
 * input allows, or the app's own one-line error.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expect } from 'vitest';
import { parseBytes } from '../../electron/services/import/parsers.js';
import type { ParsedDocument } from '../../electron/services/import/types.js';
import { bounds, cleanly, fixtureBytes, grammarText, mutated, randomBytes } from './fuzz-helpers.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function wellFormed(doc: ParsedDocument | null, input: Uint8Array): void {
  if (!doc) return;
  expect(typeof doc.text).toBe('string');
  expect(doc.text).not.toMatch(/\r/);
  // Decoding never makes more characters than bytes; subtitles add a label and breaks per cue at most.
  expect(doc.text.length).toBeLessThanOrEqual(input.length * 2 + 64);
  for (const t of doc.turns) {
    expect(0 <= t.start && t.start < t.end && t.end <= doc.text.length).toBe(true);
  }
  for (const c of doc.cues) expect(0 <= c.start && c.start <= c.end && c.end <= doc.text.length).toBe(true);
}

const FORMATS = [
  { ext: 'txt', seeds: [fixtureBytes('transcripts', 'co-01.txt'), fixtureBytes('transcripts', 'ip-03-crlf.txt'), fixtureBytes('bad', 'utf16le-bom.txt')] },
  { ext: 'md', seeds: [fixtureBytes('transcripts', 'notes.md')] },
  { ext: 'vtt', seeds: [fixtureBytes('formats', 'ip-01.vtt')] },
  { ext: 'srt', seeds: [fixtureBytes('formats', 'ip-02.srt')] },
];

const TOKENS: Record<string, string[]> = {
  txt: ['Interviewer: ', 'R: ', '[Sam] ', '\n', '\n\n', '\r\n', '  ', 'word ', '- ', 'Page 2', '\f', '\t', '🙂', '’'],
  md: ['# ', '## ', '**', '*', '_', '`', '```\n', '[a](b)', '![i](x.png)', '- ', '1. ', '> ', '---\n', '<b>', '\n', '\n\n', '\\', '|', 'text '],
  vtt: [
    'WEBVTT\n\n',
    '00:00:01.000 --> 00:00:02.000',
    '01:02:03.456 --> 00:00:00.000',
    '\n',
    '\n\n',
    '<v Sam>',
    '</v>',
    'NOTE ',
    'STYLE',
    '&amp;',
    '<i>',
    'Sam: ',
    '-->',
    '1\n',
  ],
  srt: ['1\n', '00:00:01,000 --> 00:00:02,000', '99:59:59,999 --> 00:00:00,000', '\n', '\n\n', '{\\an8}', '<i>', 'Sam: ', '[I] ', '-->', ' '],
};

describe('text importers never crash, never hang', () => {
  for (const { ext, seeds } of FORMATS) {
    const name = `fuzz.${ext}`;
    it(`.${ext}: random bytes and format-shaped text`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(randomBytes(seeds), grammarText(TOKENS[ext]!).map(enc)), async (bytes) => {
          wellFormed(await cleanly(name, () => parseBytes(name, bytes)), bytes);
        }),
        bounds(200),
      );
    });
    it(`.${ext}: mutated fixtures`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(seeds), async (bytes) => {
          wellFormed(await cleanly(name, () => parseBytes(name, bytes)), bytes);
        }),
        bounds(150),
      );
    });
  }
});
