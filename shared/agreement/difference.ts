/**
 * Where two coders' codings of one code differ, as spans: the stretches only A coded, only B
 * coded, and both coded. One sweep over the sorted boundaries of each coder's union.
 */
import type { Span } from '../types.js';
import { unionSpans } from './spans.js';

export interface SpanDifference {
  onlyA: Span[];
  onlyB: Span[];
  both: Span[];
}

export function spanDifference(a: readonly Span[], b: readonly Span[]): SpanDifference {
  const ua = unionSpans(a);
  const ub = unionSpans(b);
  const cuts = [...new Set([...ua, ...ub].flatMap((s) => [s.start, s.end]))].sort((x, y) => x - y);
  const out: SpanDifference = { onlyA: [], onlyB: [], both: [] };
  let i = 0;
  let j = 0;
  const push = (list: Span[], start: number, end: number) => {
    const last = list[list.length - 1];
    if (last && last.end === start) last.end = end;
    else list.push({ start, end });
  };
  for (let k = 0; k + 1 < cuts.length; k += 1) {
    const start = cuts[k]!;
    const end = cuts[k + 1]!;
    while (i < ua.length && ua[i]!.end <= start) i += 1;
    while (j < ub.length && ub[j]!.end <= start) j += 1;
    const inA = i < ua.length && ua[i]!.start <= start;
    const inB = j < ub.length && ub[j]!.start <= start;
    if (inA && inB) push(out.both, start, end);
    else if (inA) push(out.onlyA, start, end);
    else if (inB) push(out.onlyB, start, end);
  }
  return out;
}
