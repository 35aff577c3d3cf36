/**
 * The unitized α family (shared/agreement/unitized.ts): a hand-computed case, the behaviour the
 * coefficients must have (identical → 1, disjoint → ≤ 0, relabelling and coder order do not
 * matter), and a literal all-pairs-of-sections reference for m = 2–3 coders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitizedAlpha, unitizedAlphaPooled, type CategorizedSpan } from '../../shared/agreement/index.js';
import { MarginaliaError } from '../../shared/errors.js';

/**
 * Literal reference: sections per coder found per character, every ordered pair of sections of
 * different coders adds its overlap / (m − 1); cuα's pairable length p_g is computed the same
 * literal way. Returns uα and cuα (null when D_e = 0).
 */
function literal(n: number, coders: CategorizedSpan[][]): { u: number | null; cu: number | null } {
  const m = coders.length;
  const labels: string[] = ['φ'];
  const secs = coders.map((spans) => {
    const at = (x: number) => spans.find((s) => s.start <= x && x < s.end)?.category ?? 'φ';
    const out: { start: number; end: number; v: string }[] = [];
    for (let x = 0; x < n; x++) {
      const v = String(at(x));
      if (!labels.includes(v)) labels.push(v);
      const last = out[out.length - 1];
      if (last && last.v === v && last.end === x) last.end = x + 1;
      else out.push({ start: x, end: x + 1, v });
    }
    return out;
  });
  const V = labels.length;
  const idx = (v: string) => labels.indexOf(v);
  const zero = () => Array.from({ length: V }, () => new Array<number>(V).fill(0));
  const l = zero();
  const S = new Array<number>(V).fill(0);
  const S2 = new Array<number>(V).fill(0);
  const ov = (g: { start: number; end: number }, h: { start: number; end: number }) => Math.max(0, Math.min(g.end, h.end) - Math.max(g.start, h.start));
  secs.forEach((mine, i) =>
    mine.forEach((g) => {
      const len = g.end - g.start;
      S[idx(g.v)]! += g.v === 'φ' ? len : len * len;
      let p = 0;
      secs.forEach((theirs, j) => {
        if (j === i) return;
        for (const h of theirs) {
          l[idx(g.v)]![idx(h.v)]! += ov(g, h) / (m - 1);
          if (g.v !== 'φ' && h.v !== 'φ') p += ov(g, h) / (m - 1);
        }
      });
      if (g.v !== 'φ') S2[idx(g.v)]! += p * p;
    }),
  );
  const alpha = (ids: number[], Sx: number[]) => {
    const r = ids.map((c) => ids.reduce((s, k) => s + l[c]![k]!, 0));
    const T = r.reduce((s, x) => s + x, 0);
    const den = T * T - ids.reduce((s, c) => s + Sx[c]!, 0);
    if (T === 0 || den <= 0) return null;
    let Do = 0;
    let De = 0;
    ids.forEach((c, a) =>
      ids.forEach((k, b) => {
        if (a === b) return;
        Do += l[c]![k]!;
        De += (T * r[a]! * r[b]!) / den;
      }),
    );
    return De > 1e-9 ? 1 - Do / De : null;
  };
  const all = [...Array(V).keys()];
  return { u: alpha(all, S), cu: alpha(all.slice(1), S2) };
}

/** Random non-overlapping categorized units for one coder. */
const coderArb = (n: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), fc.constantFrom('x', 'y', 'z')), { maxLength: 6 }).map((raw) => {
    const out: CategorizedSpan[] = [];
    for (const [p, q, category] of raw) {
      const start = Math.min(p, q);
      const end = Math.max(p, q);
      if (end > start && out.every((u) => end <= u.start || start >= u.end)) out.push({ start, end, category });
    }
    return out;
  });
const caseArb = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(coderArb(n), { minLength: 2, maxLength: 3 })));

describe('unitized α family: hand-computed', () => {
  it('n = 10, A: x [0,4), B: y [2,6): uα = 13/280, |uα = 31/120, cuα = 0', () => {
    // Sections A: x[0,4) φ[4,10); B: φ[0,2) y[2,6) φ[6,10). Overlaps (both orders, m − 1 = 1):
    //   ℓ_xφ = ℓ_φx = 2, ℓ_xy = ℓ_yx = 2, ℓ_φy = ℓ_yφ = 2, ℓ_φφ = 8;  ℓ.. = 20.
    //   S_φ = 6 + 6 = 12, S_x = 16, S_y = 16 → ℓ..² − ΣS = 356.
    //   ε_φφ = 20(12² − 12)/356, ε_xx = ε_yy = 0 → D_e = 20 − 2640/356 = 4480/356; D_o = 12.
    //   uα = 1 − 12·356/4480 = 13/280.   |uα: D_o = 8, D_e = 2·20·8·12/356 → 1 − 8·356/3840 = 31/120.
    //   cuα: ℓ*_xy = ℓ*_yx = 2, p = 2 for both units → ε*_xy = 4·4/(16 − 8) = 2 = ε*_yx → 1 − 4/4 = 0.
    const r = unitizedAlpha(10, [[{ start: 0, end: 4, category: 'x' }], [{ start: 2, end: 6, category: 'y' }]]);
    expect(r.u.value).toBeCloseTo(13 / 280, 12);
    expect(r.binary.value).toBeCloseTo(31 / 120, 12);
    expect(r.coding.value).toBeCloseTo(0, 12);
    expect(r.perCategory.map((c) => [c.category, c.value])).toEqual([
      ['x', expect.closeTo(0, 12)],
      ['y', expect.closeTo(0, 12)],
    ]);
  });
  it('identical codings give 1 for every coefficient', () => {
    const c = [
      { start: 0, end: 5, category: 'x' },
      { start: 10, end: 15, category: 'y' },
    ];
    const r = unitizedAlpha(20, [c, c]);
    expect([r.u.value, r.binary.value, r.coding.value]).toEqual([1, 1, 1]);
    expect(r.perCategory.map((p) => p.value)).toEqual([1, 1]);
  });
  it('completely disjoint codings: uα and |uα ≤ 0; cuα null (no overlap), with reasons', () => {
    const r = unitizedAlpha(20, [[{ start: 0, end: 10, category: 'x' }], [{ start: 10, end: 20, category: 'x' }]]);
    expect(r.u.value!).toBeLessThanOrEqual(0);
    expect(r.binary.value!).toBeLessThanOrEqual(0);
    expect(r.coding.value).toBeNull();
    expect(r.coding.reason).toMatch(/overlap/);
  });
  it('nobody coded anything: all null with a reason', () => {
    const r = unitizedAlpha(30, [[], []]);
    expect(r.u).toEqual({ value: null, reason: expect.stringMatching(/no coder marked any unit/) });
    expect(r.binary.value).toBeNull();
    expect(r.coding.value).toBeNull();
  });
  it('overlapping units of different codes within one coder are rejected (codes must be mutually exclusive)', () => {
    expect(() =>
      unitizedAlpha(20, [
        [
          { start: 0, end: 10, category: 'x' },
          { start: 5, end: 12, category: 'y' },
        ],
        [],
      ]),
    ).toThrowError(MarginaliaError);
    expect(() => unitizedAlpha(20, [[]])).toThrowError(/at least two coders/);
  });
  it('pooling documents adds their coincidences; a single document pools to itself', () => {
    const d1 = { n: 10, coders: [[{ start: 0, end: 4, category: 'x' }], [{ start: 2, end: 6, category: 'y' }]] };
    expect(unitizedAlphaPooled([d1]).u.value).toBeCloseTo(13 / 280, 12);
    const twice = unitizedAlphaPooled([d1, d1]);
    expect(twice.length).toBe(20);
    expect(twice.u.value).not.toBeNull();
  });
});

describe('unitized α family: properties (fast-check)', () => {
  it('uα and cuα equal the literal all-pairs reference (2–3 coders)', () => {
    fc.assert(
      fc.property(caseArb, ([n, coders]) => {
        const r = unitizedAlpha(n, coders);
        const ref = literal(n, coders);
        if (ref.u === null) expect(r.u.value).toBeNull();
        else expect(r.u.value).toBeCloseTo(ref.u, 9);
        if (ref.cu === null) expect(r.coding.value).toBeNull();
        else expect(r.coding.value).toBeCloseTo(ref.cu, 9);
      }),
      { numRuns: 300 },
    );
  });
  it('swapping coders changes nothing', () => {
    fc.assert(
      fc.property(caseArb, ([n, coders]) => {
        const a = unitizedAlpha(n, coders);
        const b = unitizedAlpha(n, [...coders].reverse());
        for (const k of ['u', 'binary', 'coding'] as const) {
          if (a[k].value === null) expect(b[k].value).toBeNull();
          else expect(b[k].value).toBeCloseTo(a[k].value, 9);
        }
      }),
    );
  });
  it('relabelling categories changes nothing', () => {
    const rename: Record<string, string> = { x: 'beta', y: 'gamma', z: 'alpha' };
    fc.assert(
      fc.property(caseArb, ([n, coders]) => {
        const a = unitizedAlpha(n, coders);
        const b = unitizedAlpha(
          n,
          coders.map((c) => c.map((s) => ({ ...s, category: rename[s.category]! }))),
        );
        for (const k of ['u', 'binary', 'coding'] as const) expect(b[k].value).toBe(a[k].value);
      }),
    );
  });
  it('identical codings give 1 whenever defined, and every value is ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), coderArb(n))),
        ([n, c]) => {
          const r = unitizedAlpha(n, [c, c, c]);
          for (const s of [r.u, r.binary, r.coding, ...r.perCategory]) if (s.value !== null) expect(s.value).toBeCloseTo(1, 12);
        },
      ),
    );
    fc.assert(
      fc.property(caseArb, ([n, coders]) => {
        const r = unitizedAlpha(n, coders);
        for (const s of [r.u, r.binary, r.coding, ...r.perCategory]) if (s.value !== null) expect(s.value).toBeLessThanOrEqual(1 + 1e-9);
      }),
    );
  });
});
