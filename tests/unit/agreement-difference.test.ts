import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanDifference } from '../../shared/agreement/difference.js';

const coverage = (n: number, spans: { start: number; end: number }[]) => {
  const c = new Array<boolean>(n).fill(false);
  for (const s of spans) for (let i = s.start; i < s.end; i += 1) c[i] = true;
  return c;
};

describe('span difference', () => {
  it('splits two coders\u2019 spans into only-A, only-B and both stretches', () => {
    expect(
      spanDifference(
        [
          { start: 0, end: 10 },
          { start: 8, end: 15 },
        ],
        [{ start: 5, end: 20 }],
      ),
    ).toEqual({
      onlyA: [{ start: 0, end: 5 }],
      onlyB: [{ start: 15, end: 20 }],
      both: [{ start: 5, end: 15 }],
    });
    expect(spanDifference([], [])).toEqual({ onlyA: [], onlyB: [], both: [] });
  });

  it('matches a per-character reference on random spans', () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 20 })).map(([s, l]) => ({ start: s, end: Math.min(80, s + l) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 8 }), fc.array(span, { maxLength: 8 }), (a, b) => {
        const d = spanDifference(a, b);
        const ca = coverage(80, a);
        const cb = coverage(80, b);
        expect(coverage(80, d.onlyA)).toEqual(ca.map((x, i) => x && !cb[i]));
        expect(coverage(80, d.onlyB)).toEqual(cb.map((x, i) => x && !ca[i]));
        expect(coverage(80, d.both)).toEqual(ca.map((x, i) => x && cb[i]!));
        for (const list of [d.onlyA, d.onlyB, d.both]) for (let i = 1; i < list.length; i += 1) expect(list[i]!.start).toBeGreaterThan(list[i - 1]!.end);
      }),
    );
  });
});
