/**
 * The turn and document units compute percent agreement, Cohen's κ and Krippendorff's α from the
 * four counts of the 2×2 table (fast: no row per unit). They must give exactly the doubles the
 * general units × coders functions give on one row per unit, and the same reasons for undefined
 * values — checked here against those functions on random decision lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryStats } from '../../electron/services/agreement/binary-units.js';
import { cohenKappa, krippendorffAlpha, percentAgreement, type ReliabilityTable } from '../../shared/agreement/index.js';

/** The statistics the slow way: a reliability table with one row per unit. */
function perUnit(decisions: [boolean, boolean][]) {
  const table: ReliabilityTable = { level: 'nominal', values: decisions.map(([a, b]) => [a ? 1 : 0, b ? 1 : 0]) };
  return { percentAgreement: percentAgreement(table).value, kappa: cohenKappa(table).value, alpha: krippendorffAlpha(table).value };
}

const decisions = fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 400 });
/** Lopsided lists too: mostly one decision, where κ and α are near their edge cases. */
const lopsided = fc
  .tuple(fc.constantFrom<[boolean, boolean]>([false, false], [true, true], [true, false]), fc.nat(300), decisions)
  .map(([d, n, rest]) => [...Array.from({ length: n }, () => d), ...rest.slice(0, 3)]);

describe('binary unit statistics from counts', () => {
  it('equal the per-unit computation exactly (same doubles)', () => {
    fc.assert(
      fc.property(fc.oneof(decisions, lopsided), (d) => {
        const fast = binaryStats(d);
        expect({ percentAgreement: fast.percentAgreement, kappa: fast.kappa, alpha: fast.alpha }).toEqual(perUnit(d));
        expect(fast.both + fast.onlyA + fast.onlyB + fast.neither).toBe(d.length);
      }),
      { numRuns: 500 },
    );
  });

  it('say why a value is undefined in the unit’s words', () => {
    const none = binaryStats([
      [false, false],
      [false, false],
    ]);
    expect([none.kappa, none.alpha, none.percentAgreement]).toEqual([null, null, 100]);
    expect(none.reasons).toEqual({
      kappa: 'neither coder applied this code to any of these units: agreement on it is undefined (0/0)',
      alpha: 'neither coder applied this code to any of these units: agreement on it is undefined (0/0)',
    });
    expect(binaryStats([[true, true]]).reasons?.alpha).toBe('both coders applied this code to every one of these units: expected disagreement is 0');
    expect(binaryStats([]).reasons).toEqual({
      percentAgreement: 'there are no units to compare',
      kappa: 'there are no units to compare',
      alpha: 'there are no units to compare',
    });
  });
});
