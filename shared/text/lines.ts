/**
 * Line numbers are never stored; they are derived from the normalised text (LF only) for
 * display and export. Lines are 1-based; a line starts at offset 0 or just after an LF.
 */
import type { Span } from '../types.js';

/** Offsets at which each line starts, ascending; always begins with 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/**
 * The 1-based line holding `offset` (binary search). An offset at a line's LF belongs to that
 * line; offsets past the end clamp to the last line, negative ones to line 1.
 */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  // Find the last start <= offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * First and last line a span touches. A non-empty span ending just after an LF does not
 * count the following line (the end is exclusive).
 */
export function lineRange(starts: readonly number[], span: Span): { first: number; last: number } {
  const first = lineOf(starts, span.start);
  const lastOffset = span.end > span.start ? span.end - 1 : span.start;
  return { first, last: lineOf(starts, lastOffset) };
}
