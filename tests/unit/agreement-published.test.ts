/**
 * Published worked examples for the units × coders statistics. Each test names its source.
 * Printed values (console.info) are what the report quotes.
 */
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  brennanPredigerFromCounts,
  cohenKappa,
  cohenKappaFromMatrix,
  fleissKappa,
  fleissKappaFromCounts,
  gwetAC1,
  gwetAC1FromCounts,
  krippendorffAlpha,
  percentAgreement,
  scottPi,
  scottPiFromMatrix,
  type CellValue,
  type Level,
  type ReliabilityTable,
} from '../../shared/agreement/index.js';

const _ = null;

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": coders A–D × units 1–12. */
const K2011: CellValue[][] = (() => {
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3];
  const C = [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _];
  return A.map((a, u) => [a, B[u]!, C[u]!, D[u]!]);
})();
const k2011 = (level: Level): ReliabilityTable => ({ values: K2011, level });

/** Expand a two-coder contingency matrix into a units × coders table. */
function matrixToTable(matrix: number[][]): ReliabilityTable {
  const values: CellValue[][] = [];
  matrix.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let x = 0; x < count; x++) values.push([`c${i}`, `c${j}`]);
    }),
  );
  return { values, level: 'nominal' };
}

/** Expand a units × categories count matrix into a units × coders table (coders anonymous). */
function countsToTable(counts: number[][]): ReliabilityTable {
  const width = Math.max(...counts.map((r) => r.reduce((s, x) => s + x, 0)));
  return {
    level: 'nominal',
    values: counts.map((row) => {
      const cells: CellValue[] = [];
      row.forEach((c, k) => {
        for (let x = 0; x < c; x++) cells.push(`k${k}`);
      });
      while (cells.length < width) cells.push(null);
      return cells;
    }),
  };
}

function show(label: string, value: number | null): number | null {
  console.info(`${label}: ${value}`);
  return value;
}

describe('Krippendorff (2011) "Computing Krippendorff\'s Alpha-Reliability"', () => {
  it('4 coders × 12 units with missing values: nominal α = 0.743', () => {
    expect(show('K2011 nominal', krippendorffAlpha(k2011('nominal')).value)).toBeCloseTo(0.743, 3);
  });
  it('same data: ordinal α = 0.815 (marginal-sum metric)', () => {
    expect(show('K2011 ordinal', krippendorffAlpha(k2011('ordinal')).value)).toBeCloseTo(0.815, 3);
  });
  it('same data: interval α = 0.849', () => {
    expect(show('K2011 interval', krippendorffAlpha(k2011('interval')).value)).toBeCloseTo(0.849, 3);
  });
  it('same data: ratio α = 0.797', () => {
    expect(show('K2011 ratio', krippendorffAlpha(k2011('ratio')).value)).toBeCloseTo(0.797, 3);
  });
  it('same data: unit 12 (one value) is not pairable; 11 units, 40 pairable values', () => {
    const r = krippendorffAlpha(k2011('nominal'));
    expect(r.units).toBe(11);
    expect(r.pairableValues).toBe(40);
  });
  it('binary example, 2 coders × 10 units: α = 0.095', () => {
    const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const value = krippendorffAlpha({ values: A.map((a, u) => [a, B[u]!]), level: 'nominal' }).value;
    expect(show('K2011 binary', value)).toBeCloseTo(0.095, 3);
  });
  it('ordinal with text categories follows the given order', () => {
    const names = ['none', 'low', 'mid', 'high', 'max'];
    const values = K2011.map((row) => row.map((v) => (v === null ? null : names[(v as number) - 1]!)));
    const r = krippendorffAlpha({ values, level: 'ordinal' }, { order: names });
    expect(r.value).toBeCloseTo(0.815, 3);
  });
});

describe('Gwet (2014) Handbook of Inter-Rater Reliability — irrCAC package README outputs', () => {
  // cac.raw4raters is Krippendorff's (2011) data; irrCAC prints pa, pe and the coefficient.
  it('cac.raw4raters: percent agreement 0.8181818, Fleiss κ 0.76117 (pe 0.2387153)', () => {
    expect(show('raw4raters percent', percentAgreement(k2011('nominal')).value)).toBeCloseTo(81.81818, 4);
    const f = fleissKappa(k2011('nominal'));
    expect(f.expected).toBeCloseTo(0.2387153, 7);
    expect(show('raw4raters Fleiss', f.value)).toBeCloseTo(0.76117, 5);
  });
  it('cac.raw4raters: Gwet AC1 0.77544 (pe 0.1903212), Brennan–Prediger (q = 5) 0.77273, α 0.74342', () => {
    const ac1 = gwetAC1(k2011('nominal'));
    expect(ac1.expected).toBeCloseTo(0.1903212, 7);
    expect(show('raw4raters AC1', ac1.value)).toBeCloseTo(0.77544, 5);
    expect(show('raw4raters BP', brennanPrediger(k2011('nominal'), 5).value)).toBeCloseTo(0.77273, 5);
    expect(krippendorffAlpha(k2011('nominal')).value).toBeCloseTo(0.74342, 5);
  });
  const abstractors = [
    [13, 0, 0],
    [0, 20, 7],
    [0, 4, 56],
  ];
  it('cont3x3abstractors: Cohen κ 0.7964094, Scott π 0.7962397, percent 0.89', () => {
    expect(show('abstractors Cohen', cohenKappaFromMatrix(abstractors).value)).toBeCloseTo(0.7964094, 7);
    expect(show('abstractors Scott', scottPiFromMatrix(abstractors).value)).toBeCloseTo(0.7962397, 7);
    const t = matrixToTable(abstractors);
    expect(cohenKappa(t).value).toBeCloseTo(0.7964094, 7);
    expect(scottPi(t).value).toBeCloseTo(0.7962397, 7);
    expect(percentAgreement(t).value).toBeCloseTo(89, 10);
  });
  it('cont3x3abstractors: Gwet AC1 0.8493305, Brennan–Prediger (q = 3) 0.835, Krippendorff α 0.7972585', () => {
    const t = matrixToTable(abstractors);
    expect(show('abstractors AC1', gwetAC1(t).value)).toBeCloseTo(0.8493305, 7);
    expect(show('abstractors BP', brennanPrediger(t, 3).value)).toBeCloseTo(0.835, 10);
    expect(show('abstractors alpha', krippendorffAlpha(t).value)).toBeCloseTo(0.7972585, 7);
  });
  // Fleiss' (1971) psychiatric-diagnosis ratings as shipped with irrCAC (15 subjects × 6 raters).
  const sixRaters = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
  ];
  it('distrib.6raters: Fleiss κ 0.4139265, AC1 0.4448007, BP 0.4388889, α 0.4204384', () => {
    expect(show('6raters Fleiss', fleissKappaFromCounts(sixRaters).value)).toBeCloseTo(0.4139265, 7);
    expect(show('6raters AC1', gwetAC1FromCounts(sixRaters).value)).toBeCloseTo(0.4448007, 7);
    expect(show('6raters BP', brennanPredigerFromCounts(sixRaters, 5).value)).toBeCloseTo(0.4388889, 7);
    expect(show('6raters alpha', krippendorffAlpha(countsToTable(sixRaters)).value)).toBeCloseTo(0.4204384, 7);
  });
});

describe('Fleiss (1971) κ', () => {
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it('10 subjects × 14 raters × 5 categories (the worked example in Wikipedia\'s "Fleiss\' kappa"): P̄ 0.378, P_e 0.213, κ = 0.210', () => {
    const r = fleissKappaFromCounts(table);
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(show('Fleiss 10x14', r.value)).toBeCloseTo(0.21, 3);
    expect(fleissKappa(countsToTable(table)).value).toBeCloseTo(r.value!, 12);
  });
});

describe("Cohen's κ and Scott's π, two-coder tables", () => {
  it('textbook 50-proposal 2×2 example [[20,5],[10,15]] (as in Wikipedia "Cohen\'s kappa"): p_o = 0.70, p_e = 0.50, κ = 0.40', () => {
    const r = cohenKappaFromMatrix([
      [20, 5],
      [10, 15],
    ]);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(show('Cohen 50-unit', r.value)).toBeCloseTo(0.4, 12);
    expect(
      cohenKappa(
        matrixToTable([
          [20, 5],
          [10, 15],
        ]),
      ).value,
    ).toBeCloseTo(0.4, 12);
  });
  it('Artstein & Poesio (2008)-style 100-item STAT/IREQ/CHCK table [[46,6,0],[0,32,0],[0,6,10]] — values HAND-DERIVED here', () => {
    // A_o = (46+32+10)/100 = 0.88. Row marginals A: 52, 32, 16; column marginals B: 46, 44, 10.
    // κ: A_e = .52·.46 + .32·.44 + .16·.10 = .2392 + .1408 + .016 = .396; κ = (.88 − .396)/.604 = 0.801325.
    // π: pooled p = (52+46)/200 = .49, (32+44)/200 = .38, (16+10)/200 = .13;
    //    A_e = .2401 + .1444 + .0169 = .4014; π = (.88 − .4014)/.5986 = 0.799532.
    // We recall this table and π ≈ 0.7995, κ ≈ 0.8013 from A&P §2.4 but have not checked the paper.
    const m = [
      [46, 6, 0],
      [0, 32, 0],
      [0, 6, 10],
    ];
    expect(show('A&P kappa (hand)', cohenKappaFromMatrix(m).value)).toBeCloseTo(0.484 / 0.604, 12);
    expect(show('A&P pi (hand)', scottPiFromMatrix(m).value)).toBeCloseTo(0.4786 / 0.5986, 12);
  });
  it("the brief's 3-category variant [[46,6,0],[6,32,0],[0,6,4]] — HAND-DERIVED: κ = 0.677650, π = 0.676608", () => {
    // A_o = 0.82; rows 52, 38, 10; cols 52, 44, 4. κ: A_e = .2704 + .1672 + .0040 = .4416 → .3784/.5584.
    // π: pooled .52, .41, .07 → A_e = .2704 + .1681 + .0049 = .4434 → .3766/.5566.
    const m = [
      [46, 6, 0],
      [6, 32, 0],
      [0, 6, 4],
    ];
    expect(cohenKappaFromMatrix(m).value).toBeCloseTo(0.3784 / 0.5584, 12);
    expect(scottPiFromMatrix(m).value).toBeCloseTo(0.3766 / 0.5566, 12);
  });
});

describe("Gwet's AC1, two raters", () => {
  it('HAND-DERIVED on [[20,5],[10,15]]: p_a 0.70, π = (.55, .45), p_e = 2·.55·.45 = .495, AC1 = .205/.505 = 0.405941', () => {
    const r = gwetAC1(
      matrixToTable([
        [20, 5],
        [10, 15],
      ]),
    );
    expect(r.expected).toBeCloseTo(0.495, 12);
    expect(show('AC1 2x2 (hand)', r.value)).toBeCloseTo(0.205 / 0.505, 12);
  });
  it('high prevalence paradox, HAND-DERIVED on [[118,5],[2,0]]: κ ≈ −0.024 but AC1 ≈ 0.94', () => {
    // p_o = 118/125 = .944. κ: A_e = (123·120 + 2·5)/125² = .9453 → κ = (.944 − .94528)/(1 − .94528) = −0.0234.
    // AC1: π1 = (123+120)/250 = .972 → p_e = 2·.972·.028 = .054432 → AC1 = (.944 − .054432)/.945568 = 0.940766.
    const m = [
      [118, 5],
      [2, 0],
    ];
    expect(cohenKappaFromMatrix(m).value).toBeCloseTo((0.944 - 14770 / 15625) / (1 - 14770 / 15625), 10);
    expect(gwetAC1(matrixToTable(m)).value).toBeCloseTo((0.944 - 0.054432) / (1 - 0.054432), 10);
  });
});
