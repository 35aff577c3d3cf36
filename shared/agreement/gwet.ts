/**
 * Gwet's AC1, the first-order agreement coefficient, for any number of coders. Its chance model
 * shrinks toward zero when one category dominates, which is why it does not collapse like κ
 * under high prevalence ("the kappa paradoxes").
 */
import { availableCategories, type MultiCoderResult } from './fleiss.js';
import {
  NO_PAIRABLE_UNITS,
  categoryPrevalence,
  pairableRows,
  pairwiseObservedAgreement,
  unitCounts,
  validateCounts,
  validateTable,
  type ReliabilityTable,
} from './table.js';

export interface AC1Options {
  /** Categories available to the coders (default: the number of distinct values seen). */
  categories?: number;
}

/**
 * AC1 = (p_a − p_e) / (1 − p_e) with
 *   p_a = mean over units with n_u ≥ 2 of Σ_k n_uk(n_uk − 1) / (n_u(n_u − 1)),
 *   π_k = (1/n) Σ_u n_uk / n_u over units with n_u ≥ 1,
 *   p_e = (1/(q − 1)) Σ_k π_k (1 − π_k).
 * Source: Gwet (2008), "Computing inter-rater reliability and its variance in the presence of
 * high agreement", Brit. J. Math. Stat. Psychol. 61(1), eqs. for the multiple-rater AC1; missing
 * ratings as in Gwet (2014). Verified: irrCAC's cac.raw4raters (Krippendorff's 2011 data)
 * AC1 = 0.77544, distrib.6raters 0.4448007 and cont3x3abstractors 0.8493305.
 * Undefined (null) when q = 1: p_e divides by q − 1.
 */
export function gwetAC1FromCounts(counts: number[][], options: AC1Options = {}): MultiCoderResult {
  validateCounts(counts, 'AC1 counts');
  const width = counts[0]?.length ?? 0;
  let seen = 0;
  for (let k = 0; k < width; k++) if (counts.some((row) => row[k]! > 0)) seen++;
  const q = availableCategories(options.categories, seen, "Gwet's AC1");
  const units = pairableRows(counts).rows.length;
  const observed = pairwiseObservedAgreement(counts);
  if (observed === null) return { value: null, reason: NO_PAIRABLE_UNITS, observed: null, expected: null, units, categories: q };
  if (q < 2)
    return {
      value: null,
      reason: 'all coders used one category and no other was declared available: AC1 chance agreement divides by q − 1 = 0',
      observed,
      expected: null,
      units,
      categories: q,
    };
  let spread = 0;
  for (const p of categoryPrevalence(counts)) spread += p * (1 - p);
  const expected = spread / (q - 1);
  return { value: (observed - expected) / (1 - expected), observed, expected, units, categories: q };
}

/** AC1 over a units × coders table (nominal comparison). Formula and sources: gwetAC1FromCounts. */
export function gwetAC1(table: ReliabilityTable, options: AC1Options = {}): MultiCoderResult {
  validateTable(table);
  return gwetAC1FromCounts(unitCounts(table).counts, options);
}
