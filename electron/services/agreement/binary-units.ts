/**
 * Agreement over discrete units (speaker turns, documents): each unit is coded with a code by a
 * coder or not, giving a two-coder binary table; κ, Krippendorff's α (nominal) and percent
 * agreement are computed on it by shared/agreement.
 */
import type { BinaryStats } from '../../../shared/agreement/reports.js';
import { cohenKappa, krippendorffAlpha, percentAgreement, type ReliabilityTable, type StatResult } from '../../../shared/agreement/index.js';

export type { BinaryStats } from '../../../shared/agreement/reports.js';

/** Statistics of a list of (codedByA, codedByB) unit decisions. */
export function binaryStats(decisions: readonly [boolean, boolean][]): BinaryStats {
  const table: ReliabilityTable = { level: 'nominal', values: decisions.map(([a, b]) => [a ? 1 : 0, b ? 1 : 0]) };
  const count = (f: (a: boolean, b: boolean) => boolean) => decisions.filter(([a, b]) => f(a, b)).length;
  const results: Record<'percentAgreement' | 'kappa' | 'alpha', StatResult> =
    decisions.length === 0
      ? { percentAgreement: NONE, kappa: NONE, alpha: NONE }
      : { percentAgreement: percentAgreement(table), kappa: cohenKappa(table), alpha: krippendorffAlpha(table) };
  const reasons: NonNullable<BinaryStats['reasons']> = {};
  // Say it in the unit's words when the cause is that nobody (or everybody) used the code.
  const coded = decisions.filter(([a, b]) => a || b).length;
  const plain = decisions.length === 0 ? undefined : coded === 0 ? NOBODY : decisions.every(([a, b]) => a && b) ? EVERY : undefined;
  for (const [k, r] of Object.entries(results) as [keyof typeof results, StatResult][]) if (r.value === null && r.reason) reasons[k] = plain ?? r.reason;
  return {
    units: decisions.length,
    both: count((a, b) => a && b),
    onlyA: count((a, b) => a && !b),
    onlyB: count((a, b) => !a && b),
    neither: count((a, b) => !a && !b),
    percentAgreement: results.percentAgreement.value,
    kappa: results.kappa.value,
    alpha: results.alpha.value,
    ...(Object.keys(reasons).length && { reasons }),
  };
}

const NOBODY = 'neither coder applied this code to any of these units: agreement on it is undefined (0/0)';
const EVERY = 'both coders applied this code to every one of these units: expected disagreement is 0';
const NONE: StatResult = { value: null, reason: 'there are no units to compare' };
