/**
 * Aggregation across documents (pooled / mean / weighted) and the seeded bootstrap.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateCharacterAgreement,
  aggregateCounts,
  bootstrapCI,
  bootstrapTableCI,
  characterCounts,
  characterStatsFromCounts,
  cohenKappa,
  krippendorffAlpha,
  mulberry32,
  quantile,
  sumCharacterCounts,
  type CharacterCounts,
} from '../../shared/agreement/index.js';
import { MarginaliaError } from '../../shared/errors.js';

// Three documents for one code, chosen so the three summaries disagree:
//   d1 n = 10: A [0,5), B [0,5)     → κ = 1,    percent 100
//   d2 n = 30: A [0,10), B [5,15)   → 5/5/5/15, κ = 2(75 − 25)/(10·20 + 10·20) = 0.25, percent 66.67
//   d3 n = 20: nobody used the code → κ null,  percent 100
const docs: CharacterCounts[] = [
  characterCounts(10, [{ start: 0, end: 5 }], [{ start: 0, end: 5 }]),
  characterCounts(30, [{ start: 0, end: 10 }], [{ start: 5, end: 15 }]),
  characterCounts(20, [], []),
];

describe('aggregate across documents', () => {
  it('mean, weighted and pooled κ differ, and each says what it is', () => {
    const agg = aggregateCounts(docs);
    // mean: (1 + 0.25)/2, d3 skipped.
    expect(agg.mean.kind).toBe('mean');
    expect(agg.mean.kappa).toEqual({ value: 0.625, used: 2, skipped: 1 });
    // weighted by length: (10·1 + 30·0.25)/(10 + 30).
    expect(agg.weighted.kind).toBe('weighted');
    expect(agg.weighted.kappa.value).toBeCloseTo(17.5 / 40, 12);
    expect(agg.weighted.kappa.skipped).toBe(1);
    // pooled: both 10, onlyA 5, onlyB 5, neither 40 → 2(400 − 25)/(15·45 + 15·45) = 750/1350.
    expect(agg.pooled.kind).toBe('pooled');
    expect(agg.pooled.counts).toMatchObject({ n: 60, both: 10, onlyA: 5, onlyB: 5, neither: 40 });
    expect(agg.pooled.kappa.value).toBeCloseTo(750 / 1350, 12);
    expect(agg.pooled.documents).toBe(3);
  });
  it('percent agreement: mean (100 + 66.67 + 100)/3; weighted = pooled = 50/60', () => {
    const agg = aggregateCounts(docs);
    expect(agg.mean.percentAgreement.value).toBeCloseTo((100 + 200 / 3 + 100) / 3, 10);
    expect(agg.weighted.percentAgreement.value).toBeCloseTo((100 * 50) / 60, 10);
    expect(agg.pooled.percentAgreement.value).toBeCloseTo((100 * 50) / 60, 10);
  });
  it('pooled |uα is the α of the documents laid end to end', () => {
    const joined = characterCounts(
      60,
      [
        { start: 0, end: 5 },
        { start: 10, end: 20 },
      ],
      [
        { start: 0, end: 5 },
        { start: 15, end: 25 },
      ],
    );
    expect(aggregateCounts(docs).pooled.alpha.value).toBeCloseTo(characterStatsFromCounts(joined).alpha.value!, 12);
  });
  it('all documents undefined → null with a reason naming how many', () => {
    const agg = aggregateCounts([characterCounts(5, [], []), characterCounts(7, [], [])]);
    expect(agg.mean.kappa.value).toBeNull();
    expect(agg.mean.kappa.reason).toMatch(/undefined in all 2 documents/);
    expect(agg.weighted.alpha.skipped).toBe(2);
    expect(agg.pooled.kappa.value).toBeNull();
  });
  it('per code and overall', () => {
    const rows = [
      { document: 1, code: 'trust', counts: docs[0]! },
      { document: 2, code: 'trust', counts: docs[1]! },
      { document: 1, code: 'risk', counts: docs[2]! },
    ];
    const out = aggregateCharacterAgreement(rows);
    expect(out.byCode.map((c) => c.code)).toEqual(['trust', 'risk']);
    expect(out.byCode[0]!.mean.kappa.value).toBeCloseTo(0.625, 12);
    expect(out.byCode[1]!.pooled.kappa.value).toBeNull();
    expect(out.overall.pooled.counts).toEqual(sumCharacterCounts(docs));
  });
});

describe('bootstrap', () => {
  it('mulberry32 is reproducible and uniform-ish in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
  it('quantile type 7 interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
  });
  it('resampling documents: same seed, same interval; the estimate lies inside', () => {
    const many = Array.from({ length: 30 }, (_, i) => characterCounts(100 + i, [{ start: i, end: 40 + i }], [{ start: 2 * i, end: 45 + i }]));
    const pooledKappa = (sample: CharacterCounts[]) => characterStatsFromCounts(sumCharacterCounts(sample)).kappa;
    const r1 = bootstrapCI(many, pooledKappa, { seed: 7, resamples: 300 });
    const r2 = bootstrapCI(many, pooledKappa, { seed: 7, resamples: 300 });
    expect(r1).toEqual(r2);
    expect(r1.kind).toBe('percentile');
    expect(r1.lower!).toBeLessThanOrEqual(r1.value!);
    expect(r1.upper!).toBeGreaterThanOrEqual(r1.value!);
    expect(r1.nullReplicates).toBe(0);
  });
  it('skips and counts null replicates', () => {
    // Two documents: one where only A coded, one where nobody did. Resamples of only the second are null.
    const two = [characterCounts(10, [{ start: 0, end: 3 }], []), characterCounts(10, [], [])];
    const r = bootstrapCI(two, (s) => characterStatsFromCounts(sumCharacterCounts(s)).kappa, { seed: 1, resamples: 200 });
    expect(r.nullReplicates).toBeGreaterThan(0);
    expect(r.nullReplicates).toBeLessThan(200);
    expect(r.lower).toBe(0);
  });
  it('resampling units of a table (Krippendorff 2011 data, nominal α)', () => {
    const _ = null;
    const values = [
      [1, 1, _, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [_, 5, 5, 5],
      [_, _, 1, 1],
      [_, _, 3, _],
    ];
    const r = bootstrapTableCI({ values, level: 'nominal' }, krippendorffAlpha, { seed: 2011, resamples: 500, level: 0.9 });
    expect(r.value).toBeCloseTo(0.743, 3);
    expect(r.lower!).toBeLessThan(r.value!);
    expect(r.upper!).toBeLessThanOrEqual(1);
    expect(r.level).toBe(0.9);
  });
  it('rejects a bad level or resample count with invalid_input', () => {
    expect(() => bootstrapCI([1], () => 1, { seed: 1, level: 95 })).toThrowError(MarginaliaError);
    expect(() => bootstrapCI([1], () => 1, { seed: 1, resamples: 0 })).toThrowError(/resamples/);
  });
  it('empty input: null with a reason', () => {
    const r = bootstrapTableCI({ values: [], level: 'nominal' }, cohenKappa, { seed: 3 });
    expect(r.value).toBeNull();
    expect(r.reason).toBeTruthy();
  });
});
