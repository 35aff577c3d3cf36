/** Pure helpers for the retrieval list: grouping segments by document and the counts line. */
import type { CasesView, SegmentView } from '../../shared/api/types.js';

export interface DocumentGroup {
  documentGuid: string;
  document: string;
  caseName: string | null;
  segments: SegmentView[];
}

/** Items under their key, keys in first-seen order, items in the order given (the server's). */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

export function groupByDocument(segments: readonly SegmentView[]): DocumentGroup[] {
  return groupInOrder(segments, (s) => s.documentGuid).map(([documentGuid, list]) => ({
    documentGuid,
    document: list[0]!.document,
    caseName: list[0]!.caseName,
    segments: list,
  }));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "14 segments in 5 documents"; "No segments" when there are none. */
export function countLine(segments: readonly SegmentView[]): string {
  if (segments.length === 0) return 'No segments';
  const docs = new Set(segments.map((s) => s.documentGuid)).size;
  return `${plural(segments.length, 'segment', 'segments')} in ${plural(docs, 'document', 'documents')}`;
}

/** "line 12" or "lines 12–14" (an en dash, as a reader writes a range). */
export function lineLabel(lineStart: number, lineEnd: number): string {
  return lineStart === lineEnd ? `line ${lineStart}` : `lines ${lineStart}–${lineEnd}`;
}

/** The values each case attribute takes across the cases, sorted, without blanks. */
export function attributeValues(cases: CasesView | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!cases) return out;
  for (const a of cases.attributes) {
    const values = new Set<string>();
    for (const c of cases.cases) {
      const v = c.attributes[a.name];
      if (v !== undefined && v !== '') values.add(v);
    }
    out.set(
      a.name,
      [...values].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })),
    );
  }
  return out;
}
