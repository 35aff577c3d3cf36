/**
 * Co-occurrence of codes (issue 11, point 2): which codings of two codes meet — overlapping,
 * in the same speaker turn, or at most N characters apart — by the same coder in one document.
 * Each code counts its own codings here (a parent's row never absorbs its sub-codes'), so a
 * coding is never paired with itself.
 */
import { cooccurrenceMatrix, forEachMeeting, turnIndexAt, type MeetInterval } from '../../../shared/analysis/cooccurrence.js';
import type { CooccurrenceMode, CooccurrenceReport } from '../../../shared/analysis/types.js';
import { fail } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import { loadAnalysisData, type AnalysisCoding, type AnalysisData, type AnalysisScope } from './scope.js';

export interface CooccurrenceOptions {
  mode?: CooccurrenceMode;
  /** For 'near': the most characters between two codings that still meet (default 200). */
  distance?: number;
}

interface Placed {
  items: MeetInterval[];
  /** items[i] came from codings[source[i]]. */
  source: number[];
  documentsWithoutTurns: number;
}

/** The interval each coding meets others on, for the chosen mode; codings of codes out of the list are left out. */
export function placeForMode(data: AnalysisData, codeIndex: Map<number, number>, mode: CooccurrenceMode, distance: number): Placed {
  const items: MeetInterval[] = [];
  const source: number[] = [];
  const noTurns = new Set<number>();
  const none = { starts: [], ends: [] };
  const turnsOf = (doc: number) => data.turnSpans().get(doc) ?? none;
  data.codings.forEach((c: AnalysisCoding, i) => {
    const code = codeIndex.get(c.code);
    if (code === undefined) return;
    let lo = c.start;
    let hi = c.end;
    if (mode === 'near') hi = c.end + distance + 1;
    else if (mode === 'turn') {
      const t = turnsOf(c.doc);
      if (t.ends.length === 0) {
        noTurns.add(c.doc);
        return;
      }
      lo = turnIndexAt(t.ends, c.start);
      const last = turnIndexAt(t.ends, c.end - 1);
      // A coding wholly between turns (a heading, say) touches none.
      if (lo >= t.ends.length || t.starts[lo]! >= c.end) return;
      hi = Math.min(last, t.ends.length - 1) + 1;
      if (t.starts[hi - 1]! >= c.end) hi -= 1;
    }
    items.push({ code, coder: c.coder, doc: c.doc, lo, hi });
    source.push(i);
  });
  return { items, source, documentsWithoutTurns: noTurns.size };
}

function checkOptions(options: CooccurrenceOptions): { mode: CooccurrenceMode; distance: number } {
  const mode = options.mode ?? 'overlap';
  const distance = options.distance ?? 200;
  if (!Number.isInteger(distance) || distance < 0) fail('invalid_input', `distance must be a whole number of characters, 0 or more (got ${distance})`);
  return { mode, distance };
}

export function cooccurrenceOf(data: AnalysisData, options: CooccurrenceOptions = {}): CooccurrenceReport {
  const { mode, distance } = checkOptions(options);
  const codeIndex = new Map(data.codes.map((c, i) => [c.id, i]));
  const placed = placeForMode(data, codeIndex, mode, distance);
  const m = cooccurrenceMatrix(placed.items, data.codes.length);
  return {
    ...data.view,
    subcodes: false,
    mode,
    distance,
    codes: data.codes.map((c, i) => ({ codeGuid: c.guid, code: c.path, codings: m.codings[i]! })),
    counts: m.counts,
    jaccard: m.jaccard,
    documentsWithoutTurns: placed.documentsWithoutTurns,
  };
}

export function cooccurrence(session: Session, scope: AnalysisScope = {}, options: CooccurrenceOptions = {}): CooccurrenceReport {
  return cooccurrenceOf(loadAnalysisData(session, { ...scope, subcodes: false }), options);
}

/** The meeting pairs of two codes, as indexes into data.codings (A's first). */
export function meetingPairs(data: AnalysisData, codeA: number, codeB: number, options: CooccurrenceOptions): [number, number][] {
  const { mode, distance } = checkOptions(options);
  const placed = placeForMode(
    data,
    new Map([
      [codeA, 0],
      [codeB, 1],
    ]),
    mode,
    distance,
  );
  const pairs: [number, number][] = [];
  forEachMeeting(placed.items, (x, y) => {
    const a = placed.items[x]!.code === 0 ? x : y;
    const b = a === x ? y : x;
    pairs.push([placed.source[a]!, placed.source[b]!]);
  });
  return pairs;
}
