/**
 * Character-level agreement for one code in one document between two coders: every UTF-16
 * offset of the text is a binary decision (coded / not coded) by each coder. Computed from
 * interval sweeps over sorted span boundaries; no per-character work.
 */
import { fail } from '../errors.js';
import type { Span } from '../types.js';
import { intersectRunsLength, unionRuns } from './spans.js';
import type { StatResult } from './table.js';

/**
 * Sufficient statistics of one code × document (or of several, summed): the 2×2 table over
 * characters, and Σ l² of each coder's coded runs for the unitized α.
 */
export interface CharacterCounts {
  /** Document length (offsets). both + onlyA + onlyB + neither = n. */
  n: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  /** Σ (run length)² over coder A's and B's coded runs (unions; touching spans merged). */
  squaresA: number;
  squaresB: number;
}

export interface CharacterAgreement {
  counts: CharacterCounts;
  /** 100 · (both + neither) / n. */
  percentAgreement: StatResult;
  /** Cohen's κ on the 2×2 character table. */
  kappa: StatResult;
  /** Krippendorff's binary unitized α (|uα) for this code. */
  alpha: StatResult;
  /** Set when the data are lopsided in a way a reader should know (e.g. only one coder used the code). */
  note?: string;
}

const EMPTY = 'the document is empty: there are no characters to compare';
const NOBODY = 'neither coder applied this code here: agreement on it is undefined (0/0)';
const EVERYTHING = 'both coders coded the whole text with this code: expected disagreement is 0';

/** Percent agreement on characters: 100 · (both + neither) / n. */
export function characterPercent(c: CharacterCounts): StatResult {
  if (c.n === 0) return { value: null, reason: EMPTY };
  return { value: (100 * (c.both + c.neither)) / c.n };
}

/**
 * Cohen's κ on the 2×2 table [[both, onlyA], [onlyB, neither]]:
 *   κ = 2(ad − bc) / ((a + b)(b + d) + (a + c)(c + d)),  a = both, b = onlyA, c = onlyB, d = neither,
 * the closed 2×2 form of (p_o − p_e)/(1 − p_e) (Cohen 1960, eq. 1). When only one coder used
 * the code (a = 0 and one of b, c = 0) κ = 0: agreement is exactly what chance predicts.
 */
export function characterKappa(c: CharacterCounts): StatResult {
  if (c.n === 0) return { value: null, reason: EMPTY };
  const a = c.both;
  const b = c.onlyA;
  const cc = c.onlyB;
  const d = c.neither;
  const den = (a + b) * (b + d) + (a + cc) * (cc + d);
  if (den === 0) return { value: null, reason: a === 0 ? NOBODY : EVERYTHING };
  return { value: (2 * (a * d - b * cc)) / den };
}

/**
 * Krippendorff's binary unitized α, |uα, for two coders and one code over a continuum of n
 * offsets. Each coder's continuum is cut into sections: coded runs (units) and the gaps between
 * them. Observed coincidences are section-overlap lengths, so for two coders (m = 2)
 *   ℓ₁₁ = 2·both, ℓ₁₀ = ℓ₀₁ = onlyA + onlyB, ℓ₀₀ = 2·neither, ℓ.. = 2n,
 *   ℓ₁. = lenA + lenB (coded lengths), ℓ₀. = ℓ.. − ℓ₁.
 * Expected coincidences exclude a section pairing with itself — a unit is indivisible, so all
 * l² of its self-pairs; a gap is not, so only its l diagonal pairs:
 *   ε₁₀ = ℓ.. ℓ₁. ℓ₀. / (ℓ..² − Σ_units l² − Σ_gaps l),  and Σ_gaps l = ℓ₀.
 * Then |uα = 1 − D_o/D_e = 1 − (onlyA + onlyB)(ℓ..² − Σ_units l² − ℓ₀.) / (ℓ.. ℓ₁. ℓ₀.).
 * Sanity check: if every unit had length 1 this is exactly the binary α of Krippendorff (2011)
 * over characters, 1 − (2n − 1)(onlyA + onlyB)/(ℓ₁. ℓ₀.).
 * Source: Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability of unitizing
 * textual continua: further developments", Quality & Quantity 50(6), §§ on _uα and |uα
 * (observed coincidences from intersection lengths; expected coincidences with the l² / l
 * self-pairing correction); the same construction as Krippendorff (2019, Content Analysis,
 * 4th ed., §12.6). Summed counts of several documents give the α of their concatenation.
 */
export function characterAlpha(c: CharacterCounts): StatResult {
  if (c.n === 0) return { value: null, reason: EMPTY };
  const total = 2 * c.n;
  const coded = 2 * c.both + c.onlyA + c.onlyB;
  const gaps = total - coded;
  if (coded === 0) return { value: null, reason: NOBODY };
  if (gaps === 0) return { value: null, reason: EVERYTHING };
  const pool = total * total - c.squaresA - c.squaresB - gaps;
  const disagree = c.onlyA + c.onlyB;
  return { value: 1 - (disagree * pool) / (total * coded * gaps) };
}

/** Every character-level statistic from (possibly summed) counts. */
export function characterStatsFromCounts(counts: CharacterCounts): CharacterAgreement {
  const out: CharacterAgreement = {
    counts,
    percentAgreement: characterPercent(counts),
    kappa: characterKappa(counts),
    alpha: characterAlpha(counts),
  };
  const usedA = counts.both + counts.onlyA > 0;
  const usedB = counts.both + counts.onlyB > 0;
  if (usedA !== usedB) out.note = `only coder ${usedA ? 'A' : 'B'} applied this code`;
  return out;
}

/**
 * The 2×2 character counts of one code in one document: both / onlyA / onlyB / neither (sum n)
 * and each coder's Σ l² over coded runs. Each coder's spans are unioned first (overlapping or
 * touching codings count once). O(k log k) in the number of spans; never O(n).
 */
export function characterCounts(n: number, aSpans: readonly Span[], bSpans: readonly Span[]): CharacterCounts {
  if (!Number.isInteger(n) || n < 0) fail('invalid_input', `Character agreement: document length must be a whole number ≥ 0, got ${n}`);
  const a = unionRuns(aSpans, n, 'Coder A');
  const b = unionRuns(bSpans, n, 'Coder B');
  const both = intersectRunsLength(a, b);
  const onlyA = a.covered - both;
  const onlyB = b.covered - both;
  return { n, both, onlyA, onlyB, neither: n - both - onlyA - onlyB, squaresA: a.squares, squaresB: b.squares };
}

/**
 * Character-level agreement of two coders on one code in a document of length n: the counts,
 * percent agreement (0–100), Cohen's κ on the 2×2 table and Krippendorff's |uα. Formulas on
 * characterPercent, characterKappa and characterAlpha.
 */
export function characterAgreement(n: number, aSpans: readonly Span[], bSpans: readonly Span[]): CharacterAgreement {
  return characterStatsFromCounts(characterCounts(n, aSpans, bSpans));
}

/** Sum counts (e.g. over documents) into one table: the "pooled" aggregate. */
export function sumCharacterCounts(list: readonly CharacterCounts[]): CharacterCounts {
  const s: CharacterCounts = { n: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0, squaresA: 0, squaresB: 0 };
  for (const c of list) {
    s.n += c.n;
    s.both += c.both;
    s.onlyA += c.onlyA;
    s.onlyB += c.onlyB;
    s.neither += c.neither;
    s.squaresA += c.squaresA;
    s.squaresB += c.squaresB;
  }
  return s;
}
