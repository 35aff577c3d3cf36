/**
 * The FTS5 index holds each document cut into paragraphs ("chunks") with their start offset,
 * so a hit is located by scanning one short paragraph, never a whole transcript.
 */
import type { Project } from '../open.js';

export interface Chunk {
  start: number;
  body: string;
}

/** Paragraphs split on blank lines; long paragraphs are cut at line breaks near 2,000 units. */
export function chunkText(text: string): Chunk[] {
  const out: Chunk[] = [];
  const re = /\n[ \t]*\n/g;
  let pos = 0;
  const push = (from: number, to: number) => {
    let s = from;
    while (s < to) {
      let e = Math.min(to, s + 2000);
      if (e < to) {
        const nl = text.lastIndexOf('\n', e);
        const sp = text.lastIndexOf(' ', e);
        const cut = nl > s + 500 ? nl : sp > s + 500 ? sp : e;
        e = cut;
      }
      const body = text.slice(s, e);
      if (body.trim().length > 0) out.push({ start: s, body });
      s = e;
    }
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, text.length);
  return out;
}

export function insertChunks(project: Project, documentId: number, text: string): void {
  const stmt = project.sqlite.prepare('INSERT INTO doc_chunks (body, document_id, start) VALUES (?, ?, ?)');
  for (const c of chunkText(text)) stmt.run(c.body, documentId, c.start);
}

export interface ChunkHit {
  documentId: number;
  start: number;
  body: string;
}

/** Hits in document order (rowid follows import order and position), which lets FTS5 stop at the limit. */
export function matchChunks(project: Project, ftsQuery: string, limit: number): ChunkHit[] {
  return project.sqlite
    .prepare(
      `SELECT document_id AS documentId, start, body FROM doc_chunks
       WHERE doc_chunks MATCH ? ORDER BY rowid LIMIT ?`,
    )
    .all(ftsQuery, limit) as ChunkHit[];
}
