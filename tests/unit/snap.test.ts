/** Word snapping (shared/text/snap.ts): a selection grows to whole words and never keeps edge spaces. */
import { describe, expect, it } from 'vitest';
import { snapToWords, stepWord } from '../../shared/text/snap.js';

/** The snapped text of the span [start, end) of `text`. */
const snapped = (text: string, start: number, end: number): string => {
  const s = snapToWords(text, { start, end });
  return text.slice(s.start, s.end);
};
/** The span of the `n`th occurrence (0-based) of `part` in `text`, then a sub-span of it by offsets. */
const at = (text: string, part: string, from = 0, to = part.length): [number, number] => {
  const i = text.indexOf(part);
  expect(i).toBeGreaterThanOrEqual(0);
  return [i + from, i + to];
};

describe('snapToWords', () => {
  const text = 'Rapport matters, it’s what we’ve got. A well-known tip-off — then silence.';

  it('at the first character: part of the first word grows to the whole word, never past the start', () => {
    expect(snapToWords(text, { start: 0, end: 1 })).toEqual({ start: 0, end: 7 });
    expect(snapped(text, 0, 3)).toBe('Rapport');
    expect(snapped(text, 0, 7)).toBe('Rapport');
  });

  it('at the last character: part of the last word grows to it, never past the end', () => {
    const end = text.length;
    expect(snapped(text, end - 3, end - 1)).toBe('silence');
    expect(snapped(text, end - 1, end)).toBe('.'); // punctuation is not part of a word
    expect(snapToWords('one word', { start: 5, end: 8 })).toEqual({ start: 4, end: 8 });
    expect(snapToWords('word', { start: 3, end: 4 })).toEqual({ start: 0, end: 4 });
  });

  it('a caret at either end of the text stays a caret, as it does after any word inside the text', () => {
    expect(snapToWords('Hello world', { start: 11, end: 11 })).toEqual({ start: 11, end: 11 });
    expect(snapToWords('Hello world', { start: 5, end: 5 })).toEqual({ start: 5, end: 5 });
    expect(snapToWords('Hello world', { start: 0, end: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('keeps apostrophes inside words, straight and typographic', () => {
    expect(snapped(text, ...at(text, 'it’s', 0, 2))).toBe('it’s');
    expect(snapped(text, ...at(text, 'we’ve', 3, 4))).toBe('we’ve');
    expect(snapped("Don't go", 0, 2)).toBe("Don't");
    expect(snapped("isn't it", 4, 5)).toBe("isn't");
  });

  it('keeps hyphenated words whole, but not across a dash with spaces', () => {
    expect(snapped(text, ...at(text, 'well-known', 0, 3))).toBe('well-known');
    expect(snapped(text, ...at(text, 'tip-off', 5, 6))).toBe('tip-off');
    expect(snapped(text, ...at(text, 'tip-off — then', 6, 12))).toBe('tip-off — then');
    expect(snapped(text, ...at(text, 'tip-off — then', 6, 10))).toBe('tip-off —'); // the trailing space is dropped
    expect(snapped('em—dash', 0, 2)).toBe('em'); // an em dash separates words
  });

  it('drops surrounding spaces, and a span of spaces only becomes empty', () => {
    expect(snapped(text, ...at(text, ' matters, ', 0, 10))).toBe('matters,');
    expect(snapped('a \t\n b', 0, 6)).toBe('a \t\n b');
    expect(snapped('  padded  ', 0, 10)).toBe('padded');
    const spaces = snapToWords('a    b', { start: 2, end: 4 });
    expect(spaces.start).toBe(spaces.end);
  });

  it('leaves a span already on word boundaries exactly as it is', () => {
    for (const w of ['Rapport', 'matters', 'it’s', 'well-known', 'silence']) {
      const [s, e] = at(text, w);
      expect(snapToWords(text, { start: s, end: e })).toEqual({ start: s, end: e });
    }
  });
});

describe('stepWord', () => {
  it('moves to the next word end forward and the previous word start back, stopping at the text ends', () => {
    const t = 'one two-three four';
    expect(stepWord(t, 0, 1)).toBe(3);
    expect(stepWord(t, 3, 1)).toBe(13);
    expect(stepWord(t, 13, 1)).toBe(18);
    expect(stepWord(t, 18, 1)).toBe(18);
    expect(stepWord(t, 18, -1)).toBe(14);
    expect(stepWord(t, 4, -1)).toBe(0);
    expect(stepWord(t, 0, -1)).toBe(0);
  });
});
