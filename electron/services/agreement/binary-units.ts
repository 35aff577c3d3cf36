/**
 * Agreement over discrete units (speaker turns, documents): each unit is coded with a code by a
 * coder or not, giving a two-coder binary table. With two coders and no missing values the
 * table is fully described by its four counts, so percent agreement, Cohen's κ and
 * Krippendorff's α (nominal) are computed from those counts — the same integer sums, in the same
 * order, as the general units × coders functions of shared/agreement use, hence the same doubles
 * (a property test checks this) — instead of from one row per unit: 50,000 turns × 40 codes no
 * longer means two million rows.
 */
import type { BinaryStats } from '../../../shared/agreement/reports.js';
import { cohenKappaFromMatrix } from '../../../shared/agreement/index.js';

export type { BinaryStats } from '../../../shared/agreement/reports.js';

/** The 2×2 table of two coders' decisions over units. */
export interface BinaryCounts {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export const noCounts = (): BinaryCounts => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });

/** Adds one unit's (codedByA, codedByB) decision to `into`. */
export function countDecision(into: BinaryCounts, a: boolean, b: boolean): void {
  if (a && b) into.both += 1;
  else if (a) into.onlyA += 1;
  else if (b) into.onlyB += 1;
  else into.neither += 1;
}

export function addCounts(into: BinaryCounts, more: BinaryCounts): void {
  into.both += more.both;
  into.onlyA += more.onlyA;
  into.onlyB += more.onlyB;
  into.neither += more.neither;
}

/** Statistics of a list of (codedByA, codedByB) unit decisions. */
export function binaryStats(decisions: readonly [boolean, boolean][]): BinaryStats {
  const c = noCounts();
  for (const [a, b] of decisions) countDecision(c, a, b);
  return binaryStatsFromCounts(c);
}

/** Statistics of the 2×2 table of two coders' decisions. */
export function binaryStatsFromCounts(c: BinaryCounts): BinaryStats {
  const units = c.both + c.onlyA + c.onlyB + c.neither;
  const counts = { units, both: c.both, onlyA: c.onlyA, onlyB: c.onlyB, neither: c.neither };
  if (units === 0) return { ...counts, percentAgreement: null, kappa: null, alpha: null, reasons: { percentAgreement: NONE, kappa: NONE, alpha: NONE } };
  // Pairwise agreement with two coders per unit: the share of units where they agree.
  const percentAgreement = 100 * ((c.both + c.neither) / units);
  const kappa = cohenKappaFromMatrix([
    [c.neither, c.onlyB],
    [c.onlyA, c.both],
  ]).value;
  // Krippendorff's α (nominal): coincidences o₀₁ = o₁₀ = onlyA + onlyB, n = 2·units pairable values.
  const split = c.onlyA + c.onlyB;
  const zeros = 2 * c.neither + split;
  const ones = 2 * c.both + split;
  const observed = split + split;
  const expected = zeros * ones + ones * zeros;
  const alpha = expected === 0 ? null : 1 - ((2 * units - 1) * observed) / expected;
  // The only undefined values left (κ, α) come from one value used throughout: say which.
  const plain = c.both + split === 0 ? NOBODY : EVERY;
  const reasons: NonNullable<BinaryStats['reasons']> = {};
  if (kappa === null) reasons.kappa = plain;
  if (alpha === null) reasons.alpha = plain;
  return { ...counts, percentAgreement, kappa, alpha, ...(Object.keys(reasons).length && { reasons }) };
}

const NOBODY = 'neither coder applied this code to any of these units: agreement on it is undefined (0/0)';
const EVERY = 'both coders applied this code to every one of these units: expected disagreement is 0';
const NONE = 'there are no units to compare';
