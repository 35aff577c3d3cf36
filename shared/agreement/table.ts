/**
 * The units × coders reliability table shared by every table-based statistic, its validation,
 * and the result shape every statistic returns.
 *
 * Rows are units (segments, turns, documents…), columns are coders; `null` marks a value the
 * coder did not give. Messages number unit rows and coders from 1, as a researcher counts them.
 *
 * Nominal identity: a number and a string are different categories even when they print the
 * same (`1` ≠ `'1'`), so a CSV column read as text never silently merges with a numeric one.
 */
import { fail } from '../errors.js';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type CellValue = string | number | null;

export interface ReliabilityTable {
  /** values[unit][coder]; every row has one cell per coder. */
  values: CellValue[][];
  level: Level;
}

/**
 * Every statistic returns this shape (plus its own detail). `value` is null exactly when the
 * statistic is undefined (0/0); `reason` then says why in words a researcher can act on.
 * Never NaN, never a silent 1.
 */
export interface StatResult {
  value: number | null;
  reason?: string;
}

export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/**
 * Check shape and values; returns the same table. Throws MarginaliaError('invalid_input') with
 * one line naming the unit row and coder of the first bad cell. At interval and ratio level
 * every value must be a finite number (ratio: also ≥ 0, its scale has an absolute zero).
 */
export function validateTable(table: ReliabilityTable): ReliabilityTable {
  if (!table || !Array.isArray(table.values)) fail('invalid_input', 'Reliability table: values must be an array of unit rows');
  if (!LEVELS.includes(table.level))
    fail('invalid_input', `Reliability table: unknown level ${describeValue(table.level)}; use nominal, ordinal, interval or ratio`);
  const rows = table.values;
  const width = rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
  const numeric = table.level === 'interval' || table.level === 'ratio';
  for (let u = 0; u < rows.length; u++) {
    const row = rows[u];
    if (!Array.isArray(row)) fail('invalid_input', `Unit row ${u + 1}: expected an array of coder values`);
    if (row.length !== width) fail('invalid_input', `Unit row ${u + 1}: has ${row.length} coder values but unit row 1 has ${width}`);
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (v === null) continue;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) fail('invalid_input', `Unit row ${u + 1}, coder ${c + 1}: ${describeValue(v)} is not a finite number`);
        if (table.level === 'ratio' && v < 0) fail('invalid_input', `Unit row ${u + 1}, coder ${c + 1}: ${v} is negative; ratio-level values must be ≥ 0`);
        continue;
      }
      if (typeof v === 'string') {
        if (numeric)
          fail('invalid_input', `Unit row ${u + 1}, coder ${c + 1}: ${describeValue(v)} is not a number; ${table.level}-level agreement needs numeric values`);
        continue;
      }
      fail('invalid_input', `Unit row ${u + 1}, coder ${c + 1}: ${describeValue(v)} is not a string, number or null`);
    }
  }
  return table;
}

/** Number of coders (columns); 0 for an empty table. */
export function coderCount(table: ReliabilityTable): number {
  return table.values[0]?.length ?? 0;
}

/** Stable identity of a value as a category (see the module note on `1` vs `'1'`). */
export function categoryKey(v: string | number): string {
  return typeof v === 'number' ? `n:${v}` : `s:${v}`;
}

/**
 * Per-unit category counts: the "distribution of raters by subject and category" form
 * (Fleiss 1971's n_ij) that the multi-coder statistics work on.
 */
export interface UnitCounts {
  /** Distinct values seen, in first-seen order (numbers sorted ascending when all numeric). */
  categories: (string | number)[];
  /** counts[u][k]: how many coders gave unit u category k. */
  counts: number[][];
  /** present[u]: how many coders gave unit u any value. */
  present: number[];
}

/** Tabulate a (validated) table into per-unit category counts; values compared by categoryKey. */
export function unitCounts(table: ReliabilityTable): UnitCounts {
  const index = new Map<string, number>();
  const categories: (string | number)[] = [];
  for (const row of table.values)
    for (const v of row)
      if (v !== null && !index.has(categoryKey(v))) {
        index.set(categoryKey(v), categories.length);
        categories.push(v);
      }
  if (categories.every((c) => typeof c === 'number')) {
    categories.sort((a, b) => (a as number) - (b as number));
    categories.forEach((c, i) => index.set(categoryKey(c), i));
  }
  const counts: number[][] = [];
  const present: number[] = [];
  for (const row of table.values) {
    const line = new Array<number>(categories.length).fill(0);
    let m = 0;
    for (const v of row)
      if (v !== null) {
        line[index.get(categoryKey(v))!]! += 1;
        m++;
      }
    counts.push(line);
    present.push(m);
  }
  return { categories, counts, present };
}

/** Throw unless counts is a non-ragged matrix of non-negative integers. */
export function validateCounts(counts: number[][], what: string): void {
  if (!Array.isArray(counts)) fail('invalid_input', `${what}: expected an array of rows`);
  const width = counts[0]?.length ?? 0;
  counts.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== width) fail('invalid_input', `${what}: row ${r + 1} has a different number of columns than row 1`);
    row.forEach((x, c) => {
      if (!Number.isInteger(x) || x < 0)
        fail('invalid_input', `${what}: row ${r + 1}, column ${c + 1} is ${describeValue(x)}; counts must be whole numbers ≥ 0`);
    });
  });
}

/** Units × categories counts → the same for the units that at least two coders rated. */
export function pairableRows(counts: number[][]): { rows: number[][]; totals: number[] } {
  const rows: number[][] = [];
  const totals: number[] = [];
  for (const row of counts) {
    let m = 0;
    for (const x of row) m += x;
    if (m >= 2) {
      rows.push(row);
      totals.push(m);
    }
  }
  return { rows, totals };
}

/**
 * Mean over units of the share of agreeing coder pairs, Σ_k n_uk(n_uk−1) / (n_u(n_u−1)),
 * over units with n_u ≥ 2 (Fleiss 1971 eq. 2 generalised to a per-unit n_u). The shared p_o
 * of Fleiss' κ, Brennan–Prediger and Gwet's AC1; null when no unit has two values.
 */
export function pairwiseObservedAgreement(counts: number[][]): number | null {
  const { rows, totals } = pairableRows(counts);
  if (rows.length === 0) return null;
  let sum = 0;
  rows.forEach((row, i) => {
    const m = totals[i]!;
    let agree = 0;
    for (const x of row) agree += x * (x - 1);
    sum += agree / (m * (m - 1));
  });
  return sum / rows.length;
}

export const NO_PAIRABLE_UNITS = 'no unit has values from two coders: there is nothing to compare';

/**
 * Category prevalence π_k = (1/n) Σ_u n_uk / n_u over the n units with at least one value
 * (Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed.: the chance model of Fleiss' κ and
 * AC1 with missing ratings). With complete data it equals the pooled share Σ_u n_uk / Σ_u n_u of
 * Fleiss (1971, eq. 1). Checked against irrCAC's published p_e on Krippendorff's (2011) data.
 */
export function categoryPrevalence(counts: number[][]): number[] {
  const q = counts[0]?.length ?? 0;
  const pi = new Array<number>(q).fill(0);
  let units = 0;
  for (const row of counts) {
    let m = 0;
    for (const x of row) m += x;
    if (m === 0) continue;
    units++;
    for (let k = 0; k < q; k++) pi[k]! += row[k]! / m;
  }
  return units === 0 ? pi : pi.map((s) => s / units);
}
