/**
 * Brennan–Prediger κ_BP: chance agreement from a uniform distribution over the categories
 * the coders could have used — a number the caller knows from the code book, not the number
 * that happens to be seen in the data.
 */
import { fail } from '../errors.js';
import { availableCategories, type MultiCoderResult } from './fleiss.js';
import { NO_PAIRABLE_UNITS, pairableRows, pairwiseObservedAgreement, unitCounts, validateCounts, validateTable, type ReliabilityTable } from './table.js';

/**
 * κ_BP = (p_o − 1/q) / (1 − 1/q), p_o the pairwise observed agreement (mean over units with
 * n_u ≥ 2 of Σ_k n_uk(n_uk−1)/(n_u(n_u−1)); with two coders the share of units coded alike).
 * q = number of categories available (≥ 2 and ≥ the number of distinct values seen).
 * Source: Brennan & Prediger (1981), "Coefficient kappa: some uses, misuses, and alternatives",
 * Educ. Psychol. Meas. 41(3); the same form as Bennett, Alpert & Goldstein's (1954) S.
 * Multi-coder p_o as in Gwet (2014). Verified: irrCAC's cont3x3abstractors (q = 3) 0.835 and
 * cac.raw4raters (q = 5) 0.77273.
 */
export function brennanPredigerFromCounts(counts: number[][], q: number): MultiCoderResult {
  validateCounts(counts, 'Brennan–Prediger counts');
  const width = counts[0]?.length ?? 0;
  let seen = 0;
  for (let k = 0; k < width; k++) if (counts.some((row) => row[k]! > 0)) seen++;
  if (typeof q !== 'number') fail('invalid_input', 'Brennan–Prediger: give the number of categories available to the coders');
  const categories = availableCategories(q, seen, 'Brennan–Prediger');
  const units = pairableRows(counts).rows.length;
  const observed = pairwiseObservedAgreement(counts);
  const expected = 1 / categories;
  if (observed === null) return { value: null, reason: NO_PAIRABLE_UNITS, observed: null, expected, units, categories };
  return { value: (observed - expected) / (1 - expected), observed, expected, units, categories };
}

/** κ_BP over a units × coders table (any number of coders; nominal). Formula: brennanPredigerFromCounts. */
export function brennanPrediger(table: ReliabilityTable, q: number): MultiCoderResult {
  validateTable(table);
  return brennanPredigerFromCounts(unitCounts(table).counts, q);
}
