/** The analysis maths against the obvious way of counting (every pair, every character), on random data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cooccurrenceMatrix, type MeetInterval } from '../../shared/analysis/cooccurrence.js';
import { crosstab } from '../../shared/analysis/crosstab.js';
import { prevalenceLine, tallyCodes, unionLength, type CountedCoding } from '../../shared/analysis/frequencies.js';

const interval = fc.record({
  code: fc.integer({ min: 0, max: 3 }),
  coder: fc.integer({ min: 0, max: 1 }),
  doc: fc.integer({ min: 0, max: 2 }),
  lo: fc.integer({ min: 0, max: 60 }),
  len: fc.integer({ min: 1, max: 20 }),
});

describe('co-occurrence matrix', () => {
  it('counts the same pairs as comparing every two codings, with Jaccard in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 40 }), (raw) => {
        const items: MeetInterval[] = raw.map((r) => ({ code: r.code, coder: r.coder, doc: r.doc, lo: r.lo, hi: r.lo + r.len }));
        const k = 4;
        const m = cooccurrenceMatrix(items, k);
        const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
        const meets = (a: MeetInterval, b: MeetInterval) => a.doc === b.doc && a.coder === b.coder && a.code !== b.code && a.lo < b.hi && b.lo < a.hi;
        for (let x = 0; x < items.length; x += 1)
          for (let y = x + 1; y < items.length; y += 1)
            if (meets(items[x]!, items[y]!)) {
              counts[items[x]!.code]![items[y]!.code]! += 1;
              counts[items[y]!.code]![items[x]!.code]! += 1;
            }
        for (let i = 0; i < k; i += 1) counts[i]![i] = items.filter((it) => it.code === i).length;
        expect(m.counts).toEqual(counts);
        for (let i = 0; i < k; i += 1)
          for (let j = 0; j < k; j += 1) {
            const withOther = (a: number, b: number) => items.filter((it) => it.code === a && items.some((o) => o.code === b && meets(it, o))).length;
            const all = counts[i]![i]! + counts[j]![j]!;
            const want = i === j ? (all > 0 ? 1 : 0) : all > 0 ? (withOther(i, j) + withOther(j, i)) / all : 0;
            expect(m.jaccard[i]![j]).toBeCloseTo(want, 12);
            expect(m.jaccard[i]![j]).toBeGreaterThanOrEqual(0);
            expect(m.jaccard[i]![j]).toBeLessThanOrEqual(1);
          }
      }),
    );
  });
});

describe('frequencies', () => {
  it('characters are the union of spans, counted character by character', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 80 }), len: fc.integer({ min: 1, max: 15 }) }), { maxLength: 20 }), (raw) => {
        const spans = raw.map((r) => ({ start: r.start, end: r.start + r.len }));
        const covered = new Set<number>();
        for (const s of spans) for (let c = s.start; c < s.end; c += 1) covered.add(c);
        expect(unionLength(spans)).toBe(covered.size);
      }),
    );
  });

  it('sub-codes count under every ancestor, once per coding', () => {
    const codes = [
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: null },
    ];
    const c = (code: number, doc: number, start: number, end: number, caseId: number | null): CountedCoding => ({ code, coder: 1, doc, start, end, caseId });
    const codings = [c(3, 1, 0, 10, 7), c(2, 1, 5, 15, 7), c(1, 2, 0, 4, null), c(4, 2, 0, 4, 8)];
    const withSub = tallyCodes(codes, codings, true);
    expect(withSub.get(1)).toEqual({ codings: 3, characters: 15 + 4, documents: 2, cases: 1 });
    expect(withSub.get(2)).toEqual({ codings: 2, characters: 15, documents: 1, cases: 1 });
    expect(tallyCodes(codes, codings, false).get(1)).toEqual({ codings: 1, characters: 4, documents: 1, cases: 0 });
    expect(prevalenceLine(20, 34, 'interviewees')).toBe('20 of 34 interviewees (59%)');
  });
});

describe('cross-tab', () => {
  it('counts cases per column and leaves out codings without a case in scope', () => {
    const codes = [{ id: 1, parentId: null }];
    const codings: CountedCoding[] = [
      { code: 1, coder: 1, doc: 1, start: 0, end: 1, caseId: 10 },
      { code: 1, coder: 1, doc: 1, start: 2, end: 3, caseId: 10 },
      { code: 1, coder: 1, doc: 2, start: 0, end: 1, caseId: 11 },
      { code: 1, coder: 1, doc: 3, start: 0, end: 1, caseId: null },
      { code: 1, coder: 1, doc: 4, start: 0, end: 1, caseId: 99 },
    ];
    const column = new Map([
      [10, 0],
      [11, 1],
      [12, 1],
    ]);
    const t = crosstab(codes, codings, [10, 11, 12], (c) => column.get(c)!, 2, true);
    expect(t.columnCases).toEqual([1, 2]);
    expect(t.cells.get(1)).toEqual([
      { cases: 1, share: 1, codings: 2 },
      { cases: 1, share: 0.5, codings: 1 },
    ]);
  });
});
