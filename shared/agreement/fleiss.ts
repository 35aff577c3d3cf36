/**
 * Fleiss' κ for any number of coders, from a units × coders table or from the
 * units × categories count form Fleiss (1971) used.
 *
 * Missing values: each unit u is taken with its own number of values n_u (the generalisation
 * in Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed.). With complete data — the same
 * number of coders on every unit — it is exactly Fleiss' (1971) statistic.
 */
import { fail } from '../errors.js';
import {
  NO_PAIRABLE_UNITS,
  categoryPrevalence,
  pairableRows,
  pairwiseObservedAgreement,
  unitCounts,
  validateCounts,
  validateTable,
  type ReliabilityTable,
  type StatResult,
} from './table.js';

export interface MultiCoderResult extends StatResult {
  /** Observed agreement p_o (0–1), null when no unit has two values. */
  observed: number | null;
  /** Chance agreement p_e (0–1) under the statistic's model. */
  expected: number | null;
  /** Units with at least two values (the only ones that carry agreement). */
  units: number;
  /** Number of categories used in the chance model. */
  categories: number;
}

export const ONE_CATEGORY_USED = 'all coders used one category: expected disagreement is 0';

/**
 * Fleiss' κ from counts[u][k] = number of coders who put unit u in category k:
 *   P_u = Σ_k n_uk(n_uk − 1) / (n_u(n_u − 1)),  P̄ = mean of P_u over units with n_u ≥ 2,
 *   p_k = (1/n) Σ_u n_uk / n_u over units with n_u ≥ 1,  P_e = Σ_k p_k²,
 *   κ = (P̄ − P_e) / (1 − P_e).
 * Source: Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological
 * Bulletin 76(5), eqs. 1–5 (constant n); per-unit n_u as in Gwet (2014). Verified: the
 * 10-subject × 14-rater × 5-category table reproduced in Wikipedia's "Fleiss' kappa" article
 * (κ = 0.210), and irrCAC's distrib.6raters (0.4139265) and cac.raw4raters (0.76117).
 */
export function fleissKappaFromCounts(counts: number[][]): MultiCoderResult {
  validateCounts(counts, 'Fleiss counts');
  const q = counts[0]?.length ?? 0;
  const units = pairableRows(counts).rows.length;
  const observed = pairwiseObservedAgreement(counts);
  if (observed === null) return { value: null, reason: NO_PAIRABLE_UNITS, observed: null, expected: null, units, categories: q };
  const pi = categoryPrevalence(counts);
  let expected = 0;
  for (const p of pi) expected += p * p;
  if (pi.some((p) => p === 1) || expected >= 1) return { value: null, reason: ONE_CATEGORY_USED, observed, expected: 1, units, categories: q };
  return { value: (observed - expected) / (1 - expected), observed, expected, units, categories: q };
}

/**
 * Fleiss' κ over a units × coders table (any number of coders ≥ 2; nominal comparison).
 * Formula and sources: fleissKappaFromCounts.
 */
export function fleissKappa(table: ReliabilityTable): MultiCoderResult {
  validateTable(table);
  const { counts, categories } = unitCounts(table);
  if (categories.length === 0) return { value: null, reason: NO_PAIRABLE_UNITS, observed: null, expected: null, units: 0, categories: 0 };
  return fleissKappaFromCounts(counts);
}

/** Shared by AC1 and Brennan–Prediger: check a caller-given number of available categories. */
export function availableCategories(q: number | undefined, seen: number, statistic: string): number {
  if (q === undefined) return seen;
  if (!Number.isInteger(q) || q < 2) fail('invalid_input', `${statistic}: the number of available categories must be a whole number ≥ 2 (got ${q})`);
  if (q < seen) fail('invalid_input', `${statistic}: ${q} categories available, but the coders used ${seen} different values`);
  return q;
}
