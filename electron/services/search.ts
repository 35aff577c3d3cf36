/** Corpus search (SQLite FTS5) and fuzzy search (fuse.js) over code names and coded quotes. */
import Fuse from 'fuse.js';
import { matchChunks } from '../../db/queries/chunks.js';
import { listDocuments } from '../../db/queries/documents.js';
import { codeIndexOf } from './code-index.js';
import { fold, toOriginal } from '../../shared/search/fold.js';
import { parseQuery, termPattern, toFtsQuery } from '../../shared/search/query.js';
import type { CodeRecord, Span } from '../../shared/types.js';
import { retrieve, type RetrieveRequest, type Segment } from './retrieval.js';
import type { Session } from './session.js';

export interface SearchHit {
  documentGuid: string;
  document: string;
  documentId: number;
  /** First match in this paragraph; `matches` has them all. Offsets into the document text. */
  start: number;
  end: number;
  matches: Span[];
  snippet: string;
}

export function search(session: Session, query: string, limit = 100): SearchHit[] {
  const terms = parseQuery(query);
  const chunks = matchChunks(session.project, toFtsQuery(terms), limit);
  const docs = new Map(listDocuments(session.project).map((d) => [d.id, d]));
  const patterns = terms.map(termPattern);
  const hits: SearchHit[] = [];
  for (const c of chunks) {
    const f = fold(c.body);
    const matches: Span[] = [];
    for (const re of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
        if (m[0].length === 0) break;
        const o = toOriginal(f, m.index, m.index + m[0].length);
        matches.push({ start: c.start + o.start, end: c.start + o.end });
      }
    }
    if (matches.length === 0) continue;
    matches.sort((a, b) => a.start - b.start);
    const first = matches[0]!;
    hits.push({
      documentGuid: docs.get(c.documentId)?.guid ?? '',
      document: docs.get(c.documentId)?.name ?? '',
      documentId: c.documentId,
      start: first.start,
      end: first.end,
      matches,
      snippet: snippet(c.body, first.start - c.start, first.end - c.start),
    });
  }
  return hits;
}

/** About 12 words either side of the match, cut at word boundaries, with the match in [brackets]. */
export function snippet(body: string, start: number, end: number, radius = 80): string {
  let s = Math.max(0, start - radius);
  let e = Math.min(body.length, end + radius);
  if (s > 0) s = body.indexOf(' ', s) + 1 || s;
  if (e < body.length) e = body.lastIndexOf(' ', e) > end ? body.lastIndexOf(' ', e) : e;
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  return `${s > 0 ? '…' : ''}${flat(body.slice(s, start))}[${flat(body.slice(start, end))}]${flat(body.slice(end, e))}${e < body.length ? '…' : ''}`;
}

/** Fuzzy search over code names and paths, for the code picker and the CLI. */
export function findCodes(session: Session, query: string, limit = 20): CodeRecord[] {
  const fuse = new Fuse(codeIndexOf(session.project.db).list, {
    keys: [{ name: 'name', weight: 2 }, 'path', 'definition'],
    threshold: 0.4,
    ignoreLocation: true,
    useExtendedSearch: true,
  });
  // Copies: the index's records are shared until the next code-book change.
  return fuse.search(query, { limit }).map((r) => ({ ...r.item }));
}

/** Fuzzy search over the coded quotes of one code (a short list, so fuse.js is fast enough). */
export function findQuotes(session: Session, req: RetrieveRequest, query: string, limit = 50): Segment[] {
  const fuse = new Fuse(retrieve(session, req), { keys: ['quote', 'memo'], threshold: 0.35, ignoreLocation: true, useExtendedSearch: true });
  return fuse.search(query, { limit }).map((r) => r.item);
}
