/**
 * Frequencies and prevalence per code: the pure counting, over codings already placed in their
 * document and case. The service (electron/services/analysis/frequencies.ts) loads and scopes them.
 */

/** One counted coding: ids are the project's row ids; caseId is the case its text belongs to, if any. */
export interface CountedCoding {
  code: number;
  coder: number;
  doc: number;
  start: number;
  end: number;
  caseId: number | null;
}

export interface CodeNode {
  id: number;
  parentId: number | null;
}

export interface CodeTally {
  codings: number;
  characters: number;
  documents: number;
  cases: number;
}

/** Length of the union of spans (each [start, end)); sorts `spans` in place. */
export function unionLength(spans: { start: number; end: number }[]): number {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const s of spans) {
    if (s.start > curEnd) {
      total += curEnd - curStart;
      curStart = s.start;
      curEnd = s.end;
    } else if (s.end > curEnd) curEnd = s.end;
  }
  return total + (curEnd - curStart);
}

/** For each code id: itself, and with `descendants` every ancestor too (the rows a coding counts in). */
export function countedIn(codes: readonly CodeNode[], descendants: boolean): Map<number, number[]> {
  const parent = new Map(codes.map((c) => [c.id, c.parentId]));
  const out = new Map<number, number[]>();
  for (const c of codes) {
    const targets = [c.id];
    if (descendants) {
      for (let p = c.parentId; p !== null && p !== undefined; p = parent.get(p) ?? null) targets.push(p);
    }
    out.set(c.id, targets);
  }
  return out;
}

/**
 * Counts per code: codings, characters covered (overlaps once per document), documents and cases
 * with at least one coding. With `descendants` a code's row holds its sub-codes' codings too.
 */
export function tallyCodes(codes: readonly CodeNode[], codings: readonly CountedCoding[], descendants: boolean): Map<number, CodeTally> {
  const targetsOf = countedIn(codes, descendants);
  const groups = new Map<number, CountedCoding[]>();
  for (const c of codings) {
    for (const t of targetsOf.get(c.code) ?? []) {
      let g = groups.get(t);
      if (!g) groups.set(t, (g = []));
      g.push(c);
    }
  }
  const out = new Map<number, CodeTally>();
  for (const code of codes) {
    const list = groups.get(code.id) ?? [];
    const byDoc = new Map<number, { start: number; end: number }[]>();
    const cases = new Set<number>();
    for (const c of list) {
      let spans = byDoc.get(c.doc);
      if (!spans) byDoc.set(c.doc, (spans = []));
      spans.push({ start: c.start, end: c.end });
      if (c.caseId !== null) cases.add(c.caseId);
    }
    let characters = 0;
    for (const spans of byDoc.values()) characters += unionLength(spans);
    out.set(code.id, { codings: list.length, characters, documents: byDoc.size, cases: cases.size });
  }
  return out;
}

/** A share in [0, 1]; 0 when there is nothing to share out. */
export const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** "20 of 34 interviewees (59%)": the line people read; the percentage is rounded here only. */
export function prevalenceLine(units: number, total: number, label: string): string {
  return `${units} of ${total} ${label} (${Math.round(share(units, total) * 100)}%)`;
}
