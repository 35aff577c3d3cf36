/**
 * Character-level agreement (shared/agreement/character.ts): hand-computed span cases, and the
 * sweep checked against two independent references kept in this file — a per-character count
 * and a literal section-by-section |uα — plus naive.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  characterAgreement,
  characterCounts,
  intersectLength,
  krippendorffAlpha,
  unionSpans,
  unitizedAlpha,
  type CellValue,
} from '../../shared/agreement/index.js';
import { characterAgreementNaive } from '../../shared/agreement/naive.js';
import { MarginaliaError } from '../../shared/errors.js';
import type { Span } from '../../shared/types.js';

/** Per-character reference: a boolean per offset, counted one by one. */
function bruteCounts(n: number, a: Span[], b: Span[]) {
  const inA = (x: number) => a.some((s) => s.start <= x && x < s.end);
  const inB = (x: number) => b.some((s) => s.start <= x && x < s.end);
  const c = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
  for (let x = 0; x < n; x++) {
    if (inA(x) && inB(x)) c.both++;
    else if (inA(x)) c.onlyA++;
    else if (inB(x)) c.onlyB++;
    else c.neither++;
  }
  return c;
}

/**
 * Literal |uα reference for two coders (Krippendorff et al. 2016): cut each coder's continuum
 * into sections (maximal runs of coded / uncoded characters, found per character), sum the
 * overlap of every section pair into the coincidence matrix ℓ, subtract l² (units) or l (gaps)
 * for self-pairing in ε, and take 1 − D_o/D_e. O(sections²); independent of character.ts.
 */
function literalBinaryAlpha(n: number, a: Span[], b: Span[]): number | null {
  const sectionsOf = (spans: Span[]) => {
    const coded = (x: number) => spans.some((s) => s.start <= x && x < s.end);
    const out: { start: number; end: number; v: number }[] = [];
    for (let x = 0; x < n; x++) {
      const v = coded(x) ? 1 : 0;
      const last = out[out.length - 1];
      if (last && last.v === v && last.end === x) last.end = x + 1;
      else out.push({ start: x, end: x + 1, v });
    }
    return out;
  };
  const coders = [sectionsOf(a), sectionsOf(b)];
  const l = [
    [0, 0],
    [0, 0],
  ];
  const S = [0, 0];
  for (let i = 0; i < 2; i++)
    for (const g of coders[i]!) {
      S[g.v]! += g.v === 1 ? (g.end - g.start) ** 2 : g.end - g.start;
      for (const h of coders[1 - i]!) {
        const overlap = Math.max(0, Math.min(g.end, h.end) - Math.max(g.start, h.start));
        l[g.v]![h.v]! += overlap; // m − 1 = 1
      }
    }
  const T = l[0]![0]! + l[0]![1]! + l[1]![0]! + l[1]![1]!;
  const r = [l[0]![0]! + l[0]![1]!, l[1]![0]! + l[1]![1]!];
  const den = T * T - S[0]! - S[1]!;
  const e01 = (T * r[0]! * r[1]!) / den;
  const De = 2 * e01;
  if (T === 0 || De === 0) return null;
  return 1 - (l[0]![1]! + l[1]![0]!) / De;
}

const spansArb = (n: number) =>
  fc.array(
    fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n })).map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) })),
    { maxLength: 8 },
  );
const docArb = fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.constant(n), spansArb(n), spansArb(n)));

describe('spans: union and intersection by sweep', () => {
  it('unions overlapping and touching spans, drops empty ones, sorts', () => {
    expect(
      unionSpans([
        { start: 10, end: 12 },
        { start: 0, end: 5 },
        { start: 3, end: 8 },
        { start: 8, end: 9 },
        { start: 20, end: 20 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 10, end: 12 },
    ]);
  });
  it('intersectLength counts each offset once even when a side overlaps itself', () => {
    expect(
      intersectLength(
        [
          { start: 0, end: 10 },
          { start: 2, end: 6 },
        ],
        [{ start: 5, end: 15 }],
      ),
    ).toBe(5);
  });
  it('rejects a span outside the document with invalid_input naming the coder and span', () => {
    expect(() => characterAgreement(10, [{ start: 2, end: 11 }], [])).toThrowError(MarginaliaError);
    expect(() => characterAgreement(10, [], [{ start: 5, end: 3 }])).toThrowError(/Coder B span 1/);
  });
});

describe('characterAgreement: hand-computed cases', () => {
  it('n = 20, A [2,8), B [4,10): counts 4/2/2/12, 80 %, κ = 88/168, |uα = 31/56', () => {
    // κ = 2(ad − bc)/((a+b)(b+d) + (a+c)(c+d)) = 2(48 − 4)/(6·14 + 6·14) = 88/168.
    // |uα: ℓ.. = 40, ℓ₁. = 12, ℓ₀. = 28, Σ unit l² = 36 + 36 = 72;
    //      1 − (2 + 2)(1600 − 72 − 28)/(40 · 12 · 28) = 1 − 6000/13440 = 31/56.
    const r = characterAgreement(20, [{ start: 2, end: 8 }], [{ start: 4, end: 10 }]);
    expect(r.counts).toMatchObject({ n: 20, both: 4, onlyA: 2, onlyB: 2, neither: 12 });
    expect(r.percentAgreement.value).toBeCloseTo(80, 12);
    expect(r.kappa.value).toBeCloseTo(88 / 168, 12);
    expect(r.alpha.value).toBeCloseTo(31 / 56, 12);
  });
  it("a coder's overlapping codings of one code count once", () => {
    const r = characterAgreement(
      20,
      [
        { start: 2, end: 6 },
        { start: 4, end: 8 },
      ],
      [{ start: 4, end: 10 }],
    );
    expect(r.counts).toMatchObject({ both: 4, onlyA: 2, onlyB: 2, neither: 12 });
    expect(r.alpha.value).toBeCloseTo(31 / 56, 12);
  });
  it('a code only one coder used: κ = 0 (exactly chance), α < 0, with a note', () => {
    const r = characterAgreement(100, [{ start: 10, end: 30 }], []);
    expect(r.kappa.value).toBe(0);
    expect(r.alpha.value).not.toBeNull();
    expect(r.alpha.value!).toBeLessThan(0);
    expect(r.percentAgreement.value).toBe(80);
    expect(r.note).toBe('only coder A applied this code');
  });
  it('a code nobody used: κ and α are null with a reason, percent is 100', () => {
    const r = characterAgreement(100, [], []);
    expect(r.kappa).toEqual({ value: null, reason: expect.stringContaining('neither coder applied this code') });
    expect(r.alpha.value).toBeNull();
    expect(r.alpha.reason).toMatch(/0\/0/);
    expect(r.percentAgreement.value).toBe(100);
  });
  it('both coders coded the whole text: κ and α null (expected disagreement 0)', () => {
    const r = characterAgreement(
      50,
      [{ start: 0, end: 50 }],
      [
        { start: 0, end: 25 },
        { start: 25, end: 50 },
      ],
    );
    expect(r.kappa.value).toBeNull();
    expect(r.alpha.reason).toMatch(/whole text/);
  });
  it('an empty document: everything null, counts all 0', () => {
    const r = characterAgreement(0, [], []);
    expect(r.counts).toMatchObject({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });
    expect(r.percentAgreement.value).toBeNull();
    expect(r.kappa.value).toBeNull();
  });
  it('|uα penalises a long unit more than the same length split in isolated one-character units', () => {
    // Same 2×2 table, different unit structure: unitized α depends on unit lengths, κ does not.
    const long = characterAgreement(40, [{ start: 0, end: 4 }], []);
    const split = characterAgreement(
      40,
      [
        { start: 0, end: 1 },
        { start: 10, end: 11 },
        { start: 20, end: 21 },
        { start: 30, end: 31 },
      ],
      [],
    );
    expect(long.kappa.value).toBe(split.kappa.value);
    expect(long.alpha.value).not.toBe(split.alpha.value);
  });
  it('isolated one-character units: |uα equals Krippendorff (2011) binary α over characters', () => {
    const a = [
      { start: 1, end: 2 },
      { start: 5, end: 6 },
      { start: 9, end: 10 },
    ];
    const b = [
      { start: 1, end: 2 },
      { start: 7, end: 8 },
    ];
    const n = 12;
    const values: CellValue[][] = [];
    for (let x = 0; x < n; x++) values.push([a.some((s) => s.start === x) ? 1 : 0, b.some((s) => s.start === x) ? 1 : 0]);
    expect(characterAgreement(n, a, b).alpha.value).toBeCloseTo(krippendorffAlpha({ values, level: 'nominal' }).value!, 12);
  });
});

describe('characterAgreement against independent references (fast-check)', () => {
  it('counts equal a per-character brute force and always sum to n', () => {
    fc.assert(
      fc.property(docArb, ([n, a, b]) => {
        const c = characterCounts(n, a, b);
        expect(c.both + c.onlyA + c.onlyB + c.neither).toBe(n);
        expect({ both: c.both, onlyA: c.onlyA, onlyB: c.onlyB, neither: c.neither }).toEqual(bruteCounts(n, a, b));
      }),
      { numRuns: 400 },
    );
  });
  it('equals naive.ts (per-character implementation) in every statistic', () => {
    fc.assert(
      fc.property(docArb, ([n, a, b]) => {
        expect(characterAgreement(n, a, b)).toEqual(characterAgreementNaive(n, a, b));
      }),
      { numRuns: 400 },
    );
  });
  it('|uα equals a literal section-by-section implementation of Krippendorff et al. (2016)', () => {
    fc.assert(
      fc.property(docArb, ([n, a, b]) => {
        const fast = characterAgreement(n, a, b).alpha.value;
        const ref = literalBinaryAlpha(n, a, b);
        if (ref === null) expect(fast).toBeNull();
        else expect(fast).toBeCloseTo(ref, 9);
      }),
      { numRuns: 400 },
    );
  });
  it('|uα equals the binary coefficient of the unitized family with a single category', () => {
    fc.assert(
      fc.property(docArb, ([n, a, b]) => {
        const fam = unitizedAlpha(n, [a.map((s) => ({ ...s, category: 'x' })), b.map((s) => ({ ...s, category: 'x' }))]);
        const fast = characterAgreement(n, a, b).alpha.value;
        if (fast === null) expect(fam.binary.value).toBeNull();
        else {
          expect(fam.binary.value).toBeCloseTo(fast, 9);
          expect(fam.u.value).toBeCloseTo(fast, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('swapping coders changes nothing; κ ≤ 1 and α ≤ 1', () => {
    fc.assert(
      fc.property(docArb, ([n, a, b]) => {
        const ab = characterAgreement(n, a, b);
        const ba = characterAgreement(n, b, a);
        expect(ba.kappa.value).toBe(ab.kappa.value);
        expect(ba.alpha.value).toBe(ab.alpha.value);
        if (ab.kappa.value !== null) expect(ab.kappa.value).toBeLessThanOrEqual(1 + 1e-12);
        if (ab.alpha.value !== null) expect(ab.alpha.value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
  it('identical codings give 1 whenever defined', () => {
    fc.assert(
      fc.property(docArb, ([n, a]) => {
        const r = characterAgreement(n, a, a);
        for (const s of [r.kappa, r.alpha]) if (s.value !== null) expect(s.value).toBeCloseTo(1, 12);
        if (n > 0) expect(r.percentAgreement.value).toBe(100);
      }),
    );
  });
});
