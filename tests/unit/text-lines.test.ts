import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOf, lineRange, lineStarts } from '../../shared/text/lines.js';
import { normaliseText } from '../../shared/text/normalise.js';

describe('normaliseText', () => {
  it('strips a BOM and turns CRLF and lone CR into LF', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\nd\r\n\r\n')).toBe('a\nb\nc\nd\n\n');
  });

  it('keeps characters as written (no NFC): decomposed é stays two code units', () => {
    const decomposed = 'e\u0301te\u0301';
    expect(normaliseText(decomposed)).toBe(decomposed);
    expect(normaliseText(decomposed).length).toBe(5);
  });

  it('only strips a leading BOM', () => {
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('is idempotent and never leaves a CR', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '\r', '\n', '\uFEFF', '🙂', ' ') }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
        expect(once.includes('\r')).toBe(false);
      }),
    );
  });
});

describe('line numbers', () => {
  const text = 'first\nsecond line\n\nfourth';
  const starts = lineStarts(text);

  it('finds line starts', () => {
    expect(starts).toEqual([0, 6, 18, 19]);
  });

  it('maps offsets to 1-based lines, LF belonging to its own line', () => {
    expect(lineOf(starts, 0)).toBe(1);
    expect(lineOf(starts, 5)).toBe(1); // the LF after "first"
    expect(lineOf(starts, 6)).toBe(2);
    expect(lineOf(starts, 18)).toBe(3);
    expect(lineOf(starts, text.length)).toBe(4);
  });

  it('gives the lines a span touches, end exclusive', () => {
    expect(lineRange(starts, { start: 6, end: 12 })).toEqual({ first: 2, last: 2 });
    expect(lineRange(starts, { start: 0, end: 6 })).toEqual({ first: 1, last: 1 });
    expect(lineRange(starts, { start: 2, end: 20 })).toEqual({ first: 1, last: 4 });
    expect(lineRange(starts, { start: 7, end: 7 })).toEqual({ first: 2, last: 2 });
  });

  it('agrees with counting newlines before the offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '🙂') }), fc.nat(), (s, n) => {
        const off = s.length === 0 ? 0 : n % (s.length + 1);
        const expected = s.slice(0, off).split('\n').length;
        expect(lineOf(lineStarts(s), off)).toBe(expected);
      }),
    );
  });
});
