/**
 * Co-occurrence of codes: which codings of different codes meet, by one coder in one document.
 * "Meet" is decided on an interval per coding, chosen by the mode (the service builds it):
 * overlap — the coded span; near N — the span stretched by N + 1 characters to the right, so two
 * codings at most N characters apart meet; turn — the range of speaker turns the coding touches.
 * Two codings meet when their intervals intersect: a.lo < b.hi and b.lo < a.hi.
 */

export interface MeetInterval {
  /** Index of the code in the report's code list. */
  code: number;
  coder: number;
  doc: number;
  lo: number;
  hi: number;
}

/** Calls `meet(i, j)` once for each pair of intervals (indexes into `items`, different codes) that meet. */
export function forEachMeeting(items: readonly MeetInterval[], meet: (i: number, j: number) => void): void {
  const order = items.map((_, i) => i);
  order.sort((x, y) => {
    const a = items[x]!;
    const b = items[y]!;
    return a.doc - b.doc || a.coder - b.coder || a.lo - b.lo;
  });
  let active: number[] = [];
  let group = '';
  for (const i of order) {
    const a = items[i]!;
    const key = `${a.doc}:${a.coder}`;
    if (key !== group) {
      group = key;
      active = [];
    }
    // Sorted by lo: an active interval still meets `a` exactly when it ends after a.lo.
    const kept: number[] = [];
    for (const j of active) {
      const b = items[j]!;
      if (b.hi > a.lo) {
        kept.push(j);
        if (b.code !== a.code) meet(j, i);
      }
    }
    kept.push(i);
    active = kept;
  }
}

export interface CooccurrenceMatrix {
  /** Codings per code. */
  codings: number[];
  counts: number[][];
  jaccard: number[][];
}

const square = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(0));

/**
 * counts[i][j]: meeting pairs of codes i and j (diagonal: code i's codings). jaccard[i][j]: the
 * codings of i or j that meet at least one coding of the other code, over all codings of i and j.
 */
export function cooccurrenceMatrix(items: readonly MeetInterval[], k: number): CooccurrenceMatrix {
  const codings = new Array<number>(k).fill(0);
  for (const it of items) codings[it.code]! += 1;
  const counts = square(k);
  // withOther[i][j]: codings of code i meeting some coding of code j.
  const withOther = square(k);
  const seen = new Uint8Array(items.length * k);
  const mark = (x: number, otherCode: number) => {
    const slot = x * k + otherCode;
    if (seen[slot]) return;
    seen[slot] = 1;
    withOther[items[x]!.code]![otherCode]! += 1;
  };
  forEachMeeting(items, (x, y) => {
    const a = items[x]!.code;
    const b = items[y]!.code;
    counts[a]![b]! += 1;
    counts[b]![a]! += 1;
    mark(x, b);
    mark(y, a);
  });
  const jaccard = square(k);
  for (let i = 0; i < k; i += 1) {
    counts[i]![i] = codings[i]!;
    jaccard[i]![i] = codings[i]! > 0 ? 1 : 0;
    for (let j = 0; j < k; j += 1) {
      if (i === j) continue;
      const all = codings[i]! + codings[j]!;
      jaccard[i]![j] = all > 0 ? (withOther[i]![j]! + withOther[j]![i]!) / all : 0;
    }
  }
  return { codings, counts, jaccard };
}

/** Index of the first turn whose end is after `offset` (turns sorted, disjoint); turns.length if none. */
export function turnIndexAt(turnEnds: readonly number[], offset: number): number {
  let lo = 0;
  let hi = turnEnds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (turnEnds[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
