/**
 * Raw (not chance-corrected) percent agreement over a units × coders table, 0–100.
 * Values are compared for identity (nominal), whatever the table's level.
 */
import { NO_PAIRABLE_UNITS, pairwiseObservedAgreement, unitCounts, validateTable, type ReliabilityTable, type StatResult } from './table.js';

export interface PercentResult extends StatResult {
  /** Units with values from at least two coders (the only ones counted). */
  units: number;
}

/**
 * Pairwise percent agreement: 100 · (1/N') Σ_u Σ_k n_uk(n_uk − 1) / (n_u(n_u − 1)), the mean
 * over the N' units with n_u ≥ 2 values of the share of agreeing coder pairs. With two coders and
 * no missing values this is the plain share of units coded alike. Source: the observed
 * agreement P̄ of Fleiss (1971, Psychological Bulletin 76(5), eq. 2–3), generalised to a
 * per-unit n_u as in Gwet (2014, Handbook of Inter-Rater Reliability, 4th ed.); it reproduces
 * irrCAC's pa = 0.8181818 on Krippendorff's (2011) 4-coder × 12-unit data.
 */
export function percentAgreement(table: ReliabilityTable): PercentResult {
  validateTable(table);
  const { counts, present } = unitCounts(table);
  const units = present.filter((m) => m >= 2).length;
  const po = pairwiseObservedAgreement(counts);
  if (po === null) return { value: null, reason: NO_PAIRABLE_UNITS, units };
  return { value: 100 * po, units };
}

/**
 * All-agree percentage: 100 · (units where every present coder gave the same value) / (units
 * with ≥ 2 values). Stricter than pairwise agreement with three or more coders; identical to it
 * with two. A descriptive count, no published formula beyond its definition.
 */
export function percentAllAgree(table: ReliabilityTable): PercentResult {
  validateTable(table);
  const { counts, present } = unitCounts(table);
  let units = 0;
  let agreeing = 0;
  counts.forEach((row, u) => {
    const m = present[u]!;
    if (m < 2) return;
    units++;
    if (row.some((x) => x === m)) agreeing++;
  });
  if (units === 0) return { value: null, reason: NO_PAIRABLE_UNITS, units };
  return { value: (100 * agreeing) / units, units };
}
