/**
 * Two-coder chance-corrected agreement: Cohen's κ and Scott's π, from a units × coders table
 * or from a square contingency matrix (rows: coder A's category, columns: coder B's).
 * Both are (p_o − p_e)/(1 − p_e); they differ only in the chance model p_e.
 */
import { fail } from '../errors.js';
import { categoryKey, coderCount, validateCounts, validateTable, type ReliabilityTable, type StatResult } from './table.js';

export interface TwoCoderResult extends StatResult {
  /** Observed agreement p_o (0–1); null when no unit was coded by both. */
  observed: number | null;
  /** Chance agreement p_e (0–1) under the statistic's model; null when undefined. */
  expected: number | null;
  /** Units coded by both coders. */
  units: number;
  /** Units dropped because one or both values were missing (table form only). */
  dropped: number;
}

const NONE_SHARED = 'no unit has values from both coders: there is nothing to compare';
const ONE_CATEGORY = 'both coders used one and the same category for every unit: expected disagreement is 0';

/** Build the square contingency matrix of a two-coder table, dropping units missing a value. */
export function contingencyMatrix(
  table: ReliabilityTable,
  statistic = 'This statistic',
): { matrix: number[][]; categories: (string | number)[]; dropped: number } {
  validateTable(table);
  const m = coderCount(table);
  if (m !== 2 && table.values.length > 0)
    fail('invalid_input', `${statistic} compares exactly two coders; this table has ${m} — use Fleiss' kappa or Krippendorff's alpha for more`);
  const index = new Map<string, number>();
  const categories: (string | number)[] = [];
  const pairs: [number, number][] = [];
  let dropped = 0;
  const idx = (v: string | number): number => {
    const key = categoryKey(v);
    let i = index.get(key);
    if (i === undefined) {
      i = categories.length;
      index.set(key, i);
      categories.push(v);
    }
    return i;
  };
  for (const [a, b] of table.values) {
    if (a === null || b === null || a === undefined || b === undefined) {
      dropped++;
      continue;
    }
    pairs.push([idx(a), idx(b)]);
  }
  const q = categories.length;
  const matrix = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (const [i, j] of pairs) matrix[i]![j]! += 1;
  return { matrix, categories, dropped };
}

function marginals(matrix: number[][]): { n: number; diag: number; rows: number[]; cols: number[] } {
  validateCounts(matrix, 'Contingency matrix');
  const q = matrix.length;
  if (matrix.some((r) => r.length !== q)) fail('invalid_input', `Contingency matrix: must be square (${q} rows, so ${q} columns each)`);
  const rows = new Array<number>(q).fill(0);
  const cols = new Array<number>(q).fill(0);
  let n = 0;
  let diag = 0;
  for (let i = 0; i < q; i++)
    for (let j = 0; j < q; j++) {
      const x = matrix[i]![j]!;
      rows[i]! += x;
      cols[j]! += x;
      n += x;
      if (i === j) diag += x;
    }
  return { n, diag, rows, cols };
}

/**
 * Cohen's κ from a q×q contingency matrix: κ = (p_o − p_e)/(1 − p_e) with p_o = Σ_c n_cc / N and
 * p_e = Σ_c (n_c· / N)(n_·c / N), each coder's own marginal distribution. Computed as
 * (N Σ n_cc − Σ n_c· n_·c) / (N² − Σ n_c· n_·c) so that p_e = 1 is detected exactly.
 * Source: Cohen (1960), "A coefficient of agreement for nominal scales", Educ. Psychol. Meas.
 * 20(1), eq. 1. Verified: the 50-proposal 2×2 textbook table [[20,5],[10,15]] (p_o .70, κ .40),
 * and irrCAC's cont3x3abstractors (Gwet 2014) κ = 0.7964094.
 */
export function cohenKappaFromMatrix(matrix: number[][]): TwoCoderResult {
  const { n, diag, rows, cols } = marginals(matrix);
  if (n === 0) return { value: null, reason: NONE_SHARED, observed: null, expected: null, units: 0, dropped: 0 };
  let chance = 0;
  for (let c = 0; c < rows.length; c++) chance += rows[c]! * cols[c]!;
  const den = n * n - chance;
  const observed = diag / n;
  const expected = chance / (n * n);
  if (den === 0) return { value: null, reason: ONE_CATEGORY, observed, expected, units: n, dropped: 0 };
  return { value: (n * diag - chance) / den, observed, expected, units: n, dropped: 0 };
}

/**
 * Scott's π from a q×q contingency matrix: π = (p_o − p_e)/(1 − p_e) with
 * p_e = Σ_c ((n_c· + n_·c) / 2N)², one pooled distribution for both coders; computed as
 * (4N Σ n_cc − Σ (n_c· + n_·c)²) / (4N² − Σ (n_c· + n_·c)²).
 * Source: Scott (1955), "Reliability of content analysis: the case of nominal scale coding",
 * Public Opinion Quarterly 19(3); notation as in Artstein & Poesio (2008, Comput. Linguist.
 * 34(4), §2.4). Verified: irrCAC's cont3x3abstractors (Gwet 2014) π = 0.7962397.
 */
export function scottPiFromMatrix(matrix: number[][]): TwoCoderResult {
  const { n, diag, rows, cols } = marginals(matrix);
  if (n === 0) return { value: null, reason: NONE_SHARED, observed: null, expected: null, units: 0, dropped: 0 };
  let chance = 0;
  for (let c = 0; c < rows.length; c++) chance += (rows[c]! + cols[c]!) ** 2;
  const den = 4 * n * n - chance;
  const observed = diag / n;
  const expected = chance / (4 * n * n);
  if (den === 0) return { value: null, reason: ONE_CATEGORY, observed, expected, units: n, dropped: 0 };
  return { value: (4 * n * diag - chance) / den, observed, expected, units: n, dropped: 0 };
}

/**
 * Cohen's κ over a two-coder units × coders table (see cohenKappaFromMatrix for the formula).
 * Units where either coder gave no value are dropped and counted in `dropped`. Values are
 * compared as nominal categories whatever the table's level.
 */
export function cohenKappa(table: ReliabilityTable): TwoCoderResult {
  const { matrix, dropped } = contingencyMatrix(table, "Cohen's kappa");
  return { ...cohenKappaFromMatrix(matrix), dropped };
}

/** Scott's π over a two-coder units × coders table (formula: scottPiFromMatrix); drops units missing a value. */
export function scottPi(table: ReliabilityTable): TwoCoderResult {
  const { matrix, dropped } = contingencyMatrix(table, "Scott's pi");
  return { ...scottPiFromMatrix(matrix), dropped };
}
