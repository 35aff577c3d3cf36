/** Search hits grouped by document, keeping the server's order (documents, then position). */
import type { SearchHitView } from '../../shared/api/types.js';
import type { Span } from '../../shared/types.js';
import { groupInOrder } from '../retrieval/group.js';

export interface HitGroup {
  documentGuid: string;
  document: string;
  hits: SearchHitView[];
  /** Every match in this document, in order: the marks shown when it is opened. */
  marks: Span[];
}

export function groupHits(hits: readonly SearchHitView[]): HitGroup[] {
  return groupInOrder(hits, (h) => h.documentGuid).map(([documentGuid, list]) => ({
    documentGuid,
    document: list[0]!.document,
    hits: list,
    marks: list.flatMap((h) => h.matches.map((m) => ({ start: m.start, end: m.end }))).sort((a, b) => a.start - b.start),
  }));
}

/** Matches, not paragraphs: a paragraph with the word twice counts two. */
export function hitCount(g: HitGroup): number {
  return g.marks.length;
}
