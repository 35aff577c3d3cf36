/**
 * The pure edit functions behind transcript correction: the diff reproduces the new text in
 * small hunks that never split a surrogate pair, and a span mapped through any edit keeps
 * exactly its surviving characters (property-based, fast-check), plus the named cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, myers } from '../../shared/text/edit-diff.js';
import { applyHunks, checkHunks, invertHunks, mapOffset, mapSpan, mergeHunks, splitsPair, type Hunk } from '../../shared/text/edit-map.js';

/** Code points that exercise words, spaces, lines, accents and surrogate pairs. */
const unit = fc.constantFrom('a', 'b', 'o', 'n', ' ', ' ', '\n', 'é', '😀', '👍', "'", '.');
const cps = (min: number, max: number) => fc.array(unit, { minLength: min, maxLength: max });

/** Offsets (UTF-16) of every code-point boundary of `cp`. */
function boundaries(cp: string[]): number[] {
  const out = [0];
  for (const c of cp) out.push(out.at(-1)! + c.length);
  return out;
}

/** Random non-overlapping hunks at code-point boundaries, given as choices over the text. */
const editOf = (cp: string[]) =>
  fc.array(fc.tuple(fc.nat(cp.length), fc.nat(3), cps(0, 4)), { maxLength: 4 }).map((raw) => {
    const b = boundaries(cp);
    const hunks: Hunk[] = [];
    let floor = 0;
    for (const [at, len, ins] of [...raw].sort((x, y) => x[0] - y[0])) {
      const s = Math.max(at, floor);
      if (s > cp.length) break;
      const e = Math.min(cp.length, s + len);
      hunks.push({ start: b[s]!, end: b[e]!, text: ins.join('') });
      floor = e + 1;
    }
    return mergeHunks(hunks);
  });

/** For each character of the new text, the old offset it came from (-1 - k: inserted by hunk k). */
function origins(oldLength: number, hunks: Hunk[]): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const [k, h] of hunks.entries()) {
    for (let i = pos; i < h.start; i += 1) out.push(i);
    for (let i = 0; i < h.text.length; i += 1) out.push(-1 - k);
    pos = h.end;
  }
  for (let i = pos; i < oldLength; i += 1) out.push(i);
  return out;
}

const textAndSpan = cps(1, 40).chain((cp) =>
  fc.tuple(fc.constant(cp), fc.nat(cp.length - 1), fc.nat(cp.length - 1), editOf(cp)).map(([c, x, y, hunks]) => {
    const b = boundaries(c);
    const [i, j] = x <= y ? [x, y + 1] : [y, x + 1];
    return { text: c.join(''), span: { start: b[i]!, end: b[j]! }, hunks };
  }),
);

describe('mapping a span through an edit', () => {
  it('keeps exactly the surviving characters of the span, never splits a pair, and orphans only when none survive', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text, span, hunks }) => {
        checkHunks(text, hunks);
        const next = applyHunks(text, hunks);
        const from = origins(text.length, hunks);
        expect(from).toHaveLength(next.length);
        const survivors = from.filter((o) => o >= span.start && o < span.end).length;
        const m = mapSpan(span, hunks);
        if (m.kind === 'orphan') {
          expect(survivors).toBe(0);
          expect(m.at).toBeGreaterThanOrEqual(0);
          expect(m.at).toBeLessThanOrEqual(next.length);
          return;
        }
        expect(m.start).toBeLessThan(m.end);
        expect(splitsPair(next, m.start) || splitsPair(next, m.end)).toBe(false);
        // Every surviving old character of the span is inside the new span, and nothing else old is.
        for (let i = 0; i < next.length; i += 1) {
          const o = from[i]!;
          const inside = i >= m.start && i < m.end;
          if (o >= 0) expect(o >= span.start && o < span.end).toBe(inside);
          else if (inside) {
            // New text enters the span only from an edit within it (a pure insertion at an end stays out).
            const h = hunks[-1 - o]!;
            expect(h.start >= span.start && h.end <= span.end).toBe(true);
            if (h.start === h.end) expect(h.start > span.start && h.start < span.end).toBe(true);
          }
        }
        if (m.kind === 'same' || m.kind === 'moved') expect(next.slice(m.start, m.end)).toBe(text.slice(span.start, span.end));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows the named rules: before shifts, inside grows, across trims, after leaves, all deleted orphans', () => {
    const span = { start: 10, end: 20 };
    expect(mapSpan(span, [{ start: 2, end: 4, text: 'xyz' }])).toEqual({ kind: 'moved', start: 11, end: 21 });
    expect(mapSpan(span, [{ start: 12, end: 13, text: 'abc' }])).toEqual({ kind: 'edited', start: 10, end: 22 });
    expect(mapSpan(span, [{ start: 5, end: 14, text: 'ab' }])).toEqual({ kind: 'trimmed', start: 7, end: 13 });
    expect(mapSpan(span, [{ start: 18, end: 25, text: 'ab' }])).toEqual({ kind: 'trimmed', start: 10, end: 18 });
    expect(mapSpan(span, [{ start: 20, end: 25, text: '' }])).toEqual({ kind: 'same', start: 10, end: 20 });
    expect(mapSpan(span, [{ start: 10, end: 10, text: 'pre ' }])).toEqual({ kind: 'moved', start: 14, end: 24 });
    expect(mapSpan(span, [{ start: 20, end: 20, text: ' post' }])).toEqual({ kind: 'same', start: 10, end: 20 });
    expect(mapSpan(span, [{ start: 8, end: 22, text: 'new words' }])).toEqual({ kind: 'orphan', at: 8 });
    expect(mapSpan(span, [{ start: 10, end: 20, text: '' }])).toEqual({ kind: 'orphan', at: 10 });
    // The coded words replaced exactly by their correction: the coding covers the correction.
    expect(mapSpan(span, [{ start: 10, end: 20, text: 'corrected' }])).toEqual({ kind: 'edited', start: 10, end: 19 });
    expect(mapOffset(10, [{ start: 10, end: 10, text: 'ab' }], 'start')).toBe(12);
    expect(mapOffset(10, [{ start: 10, end: 10, text: 'ab' }], 'end')).toBe(10);
  });
});

describe('diffing a corrected text', () => {
  it('gives hunks that rebuild the new text, invert back, and never split a surrogate pair', () => {
    fc.assert(
      fc.property(cps(0, 60), cps(0, 60), fc.boolean(), (a, b, mutate) => {
        const oldText = a.join('');
        // Half the time a small mutation of the old text (the usual case), otherwise unrelated text.
        const newText = mutate && a.length > 2 ? [...a.slice(0, 2), ...b.slice(0, 3), ...a.slice(2)].join('') : b.join('');
        const hunks = diffTexts(oldText, newText);
        checkHunks(oldText, hunks);
        expect(applyHunks(oldText, hunks)).toBe(newText);
        expect(applyHunks(newText, invertHunks(oldText, hunks))).toBe(oldText);
        for (let i = 1; i < hunks.length; i += 1) expect(hunks[i]!.start).toBeGreaterThan(hunks[i - 1]!.end);
      }),
      { numRuns: 1500 },
    );
  });

  it('touches only the letters of a corrected name, and whole lines elsewhere stay put', () => {
    expect(diffTexts('Jon said hi.\nMary said no.', 'John said hi.\nMarie said no.')).toEqual([
      { start: 2, end: 2, text: 'h' },
      { start: 16, end: 17, text: 'ie' },
    ]);
    expect(diffTexts('a 😀 b', 'a 😃 b')).toEqual([{ start: 2, end: 4, text: '😃' }]);
    expect(diffTexts('same', 'same')).toEqual([]);
  });

  it('gives up past its bound and replaces the region whole, still correctly', () => {
    expect(myers(['a', 'b'], ['c', 'd'], 1)).toBeNull();
    const a = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join('');
    const b = Array.from({ length: 3000 }, (_, i) => `row ${i * 7}\n`).join('');
    expect(applyHunks(a, diffTexts(a, b))).toBe(b);
  });
});
