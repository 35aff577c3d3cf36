/**
 * REFERENCE ONLY — the per-character implementation of characterAgreement, kept for the
 * benchmark's speed ratio and as an independent check. It allocates two arrays of n bytes and
 * walks every character: O(n) per code × document. Production code uses character.ts.
 */
import { fail } from '../errors.js';
import type { Span } from '../types.js';
import { characterStatsFromCounts, type CharacterAgreement } from './character.js';

function mark(n: number, spans: readonly Span[], who: string): Uint8Array {
  const coded = new Uint8Array(n);
  spans.forEach((s, i) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.start > s.end || s.end > n)
      fail('invalid_input', `${who} span ${i + 1}: [${s.start}, ${s.end}) is not within [0, ${n})`);
    for (let x = s.start; x < s.end; x++) coded[x] = 1;
  });
  return coded;
}

/** Σ l² over maximal runs of coded characters, found by walking the array. */
function runSquares(coded: Uint8Array): number {
  let squares = 0;
  let run = 0;
  for (let x = 0; x <= coded.length; x++) {
    if (x < coded.length && coded[x] === 1) run++;
    else if (run > 0) {
      squares += run * run;
      run = 0;
    }
  }
  return squares;
}

/**
 * Per-character reference for characterAgreement(n, a, b): marks each coder's characters in
 * an n-byte array, counts the four cells character by character, and finds coded runs by a
 * linear walk. Same result shape and formulas (character.ts); O(n + Σ span lengths).
 */
export function characterAgreementNaive(n: number, aSpans: readonly Span[], bSpans: readonly Span[]): CharacterAgreement {
  if (!Number.isInteger(n) || n < 0) fail('invalid_input', `Character agreement: document length must be a whole number ≥ 0, got ${n}`);
  const a = mark(n, aSpans, 'Coder A');
  const b = mark(n, bSpans, 'Coder B');
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let neither = 0;
  for (let x = 0; x < n; x++) {
    if (a[x]) {
      if (b[x]) both++;
      else onlyA++;
    } else if (b[x]) onlyB++;
    else neither++;
  }
  return characterStatsFromCounts({ n, both, onlyA, onlyB, neither, squaresA: runSquares(a), squaresB: runSquares(b) });
}
