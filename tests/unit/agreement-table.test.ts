/**
 * Units × coders statistics: undefined cases (null with a reason, never NaN or a silent 1),
 * input validation, and properties checked with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  fleissKappaFromCounts,
  gwetAC1,
  krippendorffAlpha,
  percentAgreement,
  percentAllAgree,
  scottPi,
  type CellValue,
  type Level,
  type ReliabilityTable,
  type StatResult,
} from '../../shared/agreement/index.js';
import { MarginaliaError, type ErrorCode } from '../../shared/errors.js';

const _ = null;
const nominal = (values: CellValue[][]): ReliabilityTable => ({ values, level: 'nominal' });

function thrown(fn: () => unknown, code: ErrorCode): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MarginaliaError);
    expect((err as MarginaliaError).code).toBe(code);
    expect((err as MarginaliaError).message).not.toContain('\n');
    return (err as MarginaliaError).message;
  }
  throw new Error(`expected ${code}`);
}

function allStats(t: ReliabilityTable, levels: Level[] = ['nominal']): Record<string, StatResult> {
  const out: Record<string, StatResult> = {
    percent: percentAgreement(t),
    allAgree: percentAllAgree(t),
    fleiss: fleissKappa(t),
    ac1: gwetAC1(t),
    bp: brennanPrediger(t, 6),
  };
  for (const level of levels) out[`alpha-${level}`] = krippendorffAlpha({ ...t, level });
  if ((t.values[0]?.length ?? 0) === 2) {
    out.cohen = cohenKappa(t);
    out.scott = scottPi(t);
  }
  return out;
}

describe('undefined is not a number', () => {
  it('a single category overall: chance-corrected statistics are null with a reason, never 1', () => {
    const t = nominal([
      ['a', 'a'],
      ['a', 'a'],
      ['a', _],
    ]);
    for (const r of [cohenKappa(t), scottPi(t), fleissKappa(t), krippendorffAlpha(t)]) {
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(/one (and the same )?(category|value)/);
      expect(r.reason).toMatch(/expected disagreement is 0/);
    }
    expect(krippendorffAlpha(t).reason).toBe('all coders used one value: expected disagreement is 0');
    expect(percentAgreement(t).value).toBe(100);
  });
  it('AC1 with one category is null unless more categories are declared available', () => {
    const t = nominal([
      ['a', 'a'],
      ['a', 'a'],
    ]);
    expect(gwetAC1(t).value).toBeNull();
    expect(gwetAC1(t, { categories: 3 }).value).toBe(1);
  });
  it('no pairable units: every statistic null with a reason', () => {
    const t = nominal([
      ['a', _],
      [_, 'b'],
      [_, _],
    ]);
    for (const [name, r] of Object.entries(allStats(t))) {
      expect(r.value, name).toBeNull();
      expect(r.reason, name).toMatch(/nothing to compare/);
    }
  });
  it('an empty table: null, not NaN', () => {
    for (const r of Object.values(allStats(nominal([])))) expect(r.value).toBeNull();
  });
  it('one unit with two different values is defined (α = 0, κ = 0), not null', () => {
    const t = nominal([['a', 'b']]);
    expect(krippendorffAlpha(t).value).toBe(0);
    expect(cohenKappa(t).value).toBe(0);
  });
  it('Cohen drops units missing a value and says how many', () => {
    const r = cohenKappa(
      nominal([
        ['a', 'a'],
        ['b', 'b'],
        ['a', _],
        [_, 'b'],
      ]),
    );
    expect(r.value).toBe(1);
    expect(r.dropped).toBe(2);
    expect(r.units).toBe(2);
  });
  it('percentAllAgree is stricter than pairwise with three coders', () => {
    const t = nominal([
      ['a', 'a', 'b'],
      ['a', 'a', 'a'],
    ]);
    expect(percentAgreement(t).value).toBeCloseTo(((1 / 3 + 1) / 2) * 100, 12);
    expect(percentAllAgree(t).value).toBe(50);
  });
});

describe('validation', () => {
  it('a text value at interval level names the value and the unit row', () => {
    const msg = thrown(
      () =>
        krippendorffAlpha({
          values: [
            [1, 2],
            [3, 'high'],
          ],
          level: 'interval',
        }),
      'invalid_input',
    );
    expect(msg).toMatch(/Unit row 2, coder 2: "high" is not a number/);
  });
  it('negative values at ratio level, NaN anywhere, ragged rows, unknown level', () => {
    expect(thrown(() => krippendorffAlpha({ values: [[1, -2]], level: 'ratio' }), 'invalid_input')).toMatch(/Unit row 1/);
    expect(thrown(() => krippendorffAlpha({ values: [[1, NaN]], level: 'nominal' }), 'invalid_input')).toMatch(/not a finite number/);
    expect(thrown(() => fleissKappa(nominal([[1, 2], [1]])), 'invalid_input')).toMatch(/Unit row 2/);
    expect(thrown(() => krippendorffAlpha({ values: [[1, 2]], level: 'metric' as Level }), 'invalid_input')).toMatch(/unknown level/);
  });
  it('ordinal text values need an explicit order', () => {
    expect(thrown(() => krippendorffAlpha({ values: [['lo', 'hi']], level: 'ordinal' }), 'invalid_input')).toMatch(/order/);
  });
  it('Cohen and Scott need exactly two coders', () => {
    expect(thrown(() => cohenKappa(nominal([['a', 'b', 'c']])), 'invalid_input')).toMatch(/exactly two coders/);
  });
  it('Brennan–Prediger: q must be ≥ 2 and at least the number of categories seen', () => {
    const t = nominal([
      ['a', 'b'],
      ['c', 'c'],
    ]);
    expect(thrown(() => brennanPrediger(t, 1), 'invalid_input')).toMatch(/≥ 2/);
    expect(thrown(() => brennanPrediger(t, 2), 'invalid_input')).toMatch(/used 3 different values/);
    expect(brennanPrediger(t, 4).value).toBeCloseTo((0.5 - 0.25) / 0.75, 12);
  });
  it('count matrices must hold whole numbers ≥ 0', () => {
    expect(thrown(() => fleissKappaFromCounts([[1, -1]]), 'invalid_input')).toMatch(/row 1, column 2/);
  });
});

// ---- properties --------------------------------------------------------------------------

const cell = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) });
const tableArb = (coders: number) => fc.array(fc.array(cell, { minLength: coders, maxLength: coders }), { minLength: 0, maxLength: 25 });
const multiArb = fc.integer({ min: 2, max: 5 }).chain(tableArb);
const LEVELS: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function same(a: StatResult, b: StatResult, label: string): void {
  if (a.value === null) expect(b.value, label).toBeNull();
  else expect(b.value, label).toBeCloseTo(a.value, 9);
}

describe('properties (fast-check)', () => {
  it('no statistic is ever NaN; chance-corrected ones are ≤ 1', () => {
    fc.assert(
      fc.property(multiArb, (values) => {
        for (const [name, r] of Object.entries(allStats(nominal(values), LEVELS))) {
          if (r.value === null) expect(r.reason, name).toBeTruthy();
          else {
            expect(Number.isFinite(r.value), name).toBe(true);
            expect(r.value, name).toBeLessThanOrEqual(name.startsWith('percent') || name === 'allAgree' ? 100 : 1 + 1e-12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
  it('swapping coders (any column permutation) changes nothing', () => {
    fc.assert(
      fc.property(multiArb, (values) => {
        const swapped = values.map((row) => [...row].reverse());
        const a = allStats(nominal(values), LEVELS);
        const b = allStats(nominal(swapped), LEVELS);
        for (const k of Object.keys(a)) same(a[k]!, b[k]!, k);
      }),
      { numRuns: 200 },
    );
  });
  it('relabelling categories changes nothing at nominal level', () => {
    const names = ['', 'ant', 'bee', 'cat', 'dog'];
    fc.assert(
      fc.property(multiArb, (values) => {
        const renamed = values.map((row) => row.map((v) => (v === null ? null : names[v as number]!)));
        const a = allStats(nominal(values));
        const b = allStats(nominal(renamed));
        for (const k of Object.keys(a)) same(a[k]!, b[k]!, k);
      }),
      { numRuns: 200 },
    );
  });
  it('identical codings give 1 whenever defined', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 20 }), (m, units) => {
        const values = units.map((v) => new Array<CellValue>(m).fill(v));
        for (const [name, r] of Object.entries(allStats(nominal(values), LEVELS)))
          if (r.value !== null) expect(r.value, name).toBeCloseTo(name.startsWith('percent') || name === 'allAgree' ? 100 : 1, 12);
      }),
    );
  });
  it('two coders: Fleiss κ equals Scott π, and Krippendorff α = 1 − (1 − 1/2N)(1 − π) (derived: α has D_e over n − 1, π over n)', () => {
    fc.assert(
      fc.property(tableArb(2), (values) => {
        const complete = values.filter((r) => r[0] !== null && r[1] !== null);
        const t = nominal(complete);
        same(scottPi(t), fleissKappa(t), 'fleiss vs scott');
        const pi = scottPi(t).value;
        const alpha = krippendorffAlpha(t).value;
        if (pi !== null && alpha !== null) {
          const n = 2 * complete.length;
          expect(alpha).toBeCloseTo(1 - ((1 - pi) * (n - 1)) / n, 9);
        }
      }),
    );
  });
});
