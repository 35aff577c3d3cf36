/**
 * Interval arithmetic on half-open spans [start, end) of UTF-16 offsets, by sorting and
 * sweeping boundaries — never by walking characters, so cost depends on the number of spans,
 * not on the length of the document.
 */
import { fail } from '../errors.js';
import type { Span } from '../types.js';

/**
 * A coder's coverage as sorted, disjoint runs, in parallel arrays: run r is
 * [starts[r], ends[r]). Runs never touch (touching spans are merged), so each run is one unit.
 */
export interface Runs {
  starts: number[];
  ends: number[];
  /** Σ (end − start): characters covered. */
  covered: number;
  /** Σ (end − start)²: what Krippendorff's unitized α subtracts for self-pairing within units. */
  squares: number;
}

function checkSpan(s: Span, i: number, n: number | undefined, who: string): void {
  const ok = s !== null && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end;
  if (!ok) fail('invalid_input', `${who} span ${i + 1}: [${s?.start}, ${s?.end}) is not a span of whole offsets with 0 ≤ start ≤ end`);
  if (n !== undefined && s.end > n) fail('invalid_input', `${who} span ${i + 1}: [${s.start}, ${s.end}) ends past the document length ${n}`);
}

/**
 * Sort and merge spans into runs: the set union of the spans, with overlapping and touching
 * spans counting once. O(k log k) for k spans; empty spans are dropped. When `n` is given,
 * spans must lie within [0, n).
 */
export function unionRuns(spans: readonly Span[], n?: number, who = 'Coder'): Runs {
  const k = spans.length;
  const order = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    checkSpan(spans[i]!, i, n, who);
    order[i] = i;
  }
  order.sort((x, y) => spans[x]!.start - spans[y]!.start);
  const starts: number[] = [];
  const ends: number[] = [];
  let covered = 0;
  let squares = 0;
  let curStart = -1;
  let curEnd = -1;
  for (let i = 0; i < k; i++) {
    const s = spans[order[i]!]!;
    if (s.start === s.end) continue;
    if (curEnd >= 0 && s.start <= curEnd) {
      if (s.end > curEnd) curEnd = s.end;
      continue;
    }
    if (curEnd >= 0) {
      starts.push(curStart);
      ends.push(curEnd);
      covered += curEnd - curStart;
      squares += (curEnd - curStart) * (curEnd - curStart);
    }
    curStart = s.start;
    curEnd = s.end;
  }
  if (curEnd >= 0) {
    starts.push(curStart);
    ends.push(curEnd);
    covered += curEnd - curStart;
    squares += (curEnd - curStart) * (curEnd - curStart);
  }
  return { starts, ends, covered, squares };
}

/**
 * The union of spans as sorted, disjoint, non-touching spans ([0,5) and [5,9) become [0,9)).
 * A coder's overlapping codings of one code count once.
 */
export function unionSpans(spans: readonly Span[]): Span[] {
  const r = unionRuns(spans);
  return r.starts.map((start, i) => ({ start, end: r.ends[i]! }));
}

/** Length of the intersection of two run sets, by a two-pointer sweep: O(ka + kb). */
export function intersectRunsLength(a: Runs, b: Runs): number {
  let i = 0;
  let j = 0;
  let total = 0;
  const na = a.starts.length;
  const nb = b.starts.length;
  while (i < na && j < nb) {
    const lo = a.starts[i]! > b.starts[j]! ? a.starts[i]! : b.starts[j]!;
    const aEnd = a.ends[i]!;
    const bEnd = b.ends[j]!;
    const hi = aEnd < bEnd ? aEnd : bEnd;
    if (hi > lo) total += hi - lo;
    if (aEnd < bEnd) i++;
    else j++;
  }
  return total;
}

/**
 * Number of offsets covered by both span sets: |∪a ∩ ∪b|. Each side is unioned first, so
 * overlaps within one side count once. O(k log k).
 */
export function intersectLength(a: readonly Span[], b: readonly Span[]): number {
  return intersectRunsLength(unionRuns(a), unionRuns(b));
}
