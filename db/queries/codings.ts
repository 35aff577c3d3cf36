import { and, eq, inArray, sql } from 'drizzle-orm';
import { prepared } from '../prepared.js';
import type { Db } from '../open.js';
import { codings, memos } from '../schema.js';

export type CodingRow = typeof codings.$inferSelect;
export type CodingWithMemo = CodingRow & { memo: string | null };

const withMemo = {
  id: codings.id,
  guid: codings.guid,
  documentId: codings.documentId,
  codeId: codings.codeId,
  coderId: codings.coderId,
  start: codings.start,
  end: codings.end,
  quote: codings.quote,
  createdAt: codings.createdAt,
  updatedAt: codings.updatedAt,
  memo: memos.body,
};

const memoJoin = and(eq(memos.targetKind, 'coding'), eq(memos.targetId, codings.id));

export function insertCoding(db: Db, row: typeof codings.$inferInsert): number {
  // Positional binding: measurably cheaper than named parameters on this hot path.
  const r = prepared(
    db,
    `INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", quote, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.guid, row.documentId, row.codeId, row.coderId, row.start, row.end, row.quote, row.createdAt, row.updatedAt ?? row.createdAt);
  return Number(r.lastInsertRowid);
}

export function codingById(db: Db, id: number): CodingWithMemo | undefined {
  return db.select(withMemo).from(codings).leftJoin(memos, memoJoin).where(eq(codings.id, id)).get();
}

export function codingByGuid(db: Db, guid: string): CodingWithMemo | undefined {
  return db.select(withMemo).from(codings).leftJoin(memos, memoJoin).where(eq(codings.guid, guid)).get();
}

/** Codings of one code by one coder that overlap or touch [start, end). Hot path: raw prepared SQL. */
export function touchingCodings(db: Db, documentId: number, codeId: number, coderId: number, start: number, end: number): CodingWithMemo[] {
  return prepared(
    db,
    `SELECT c.id, c.guid, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId, c.start, c."end",
            c.quote, c.created_at AS createdAt, c.updated_at AS updatedAt, m.body AS memo
     FROM codings c LEFT JOIN memos m ON m.target_kind = 'coding' AND m.target_id = c.id
     WHERE c.document_id = ? AND c.code_id = ? AND c.coder_id = ? AND c.start <= ? AND c."end" >= ?
     ORDER BY c.start`,
  ).all(documentId, codeId, coderId, end, start) as CodingWithMemo[];
}

/** Every coding of one (document, code, coder) group, in document order. */
export function codingsOfGroup(db: Db, documentId: number, codeId: number, coderId: number): CodingWithMemo[] {
  return prepared(
    db,
    `SELECT c.id, c.guid, c.document_id AS documentId, c.code_id AS codeId, c.coder_id AS coderId, c.start, c."end",
            c.quote, c.created_at AS createdAt, c.updated_at AS updatedAt, m.body AS memo
     FROM codings c LEFT JOIN memos m ON m.target_kind = 'coding' AND m.target_id = c.id
     WHERE c.document_id = ? AND c.code_id = ? AND c.coder_id = ?
     ORDER BY c.start, c.id`,
  ).all(documentId, codeId, coderId) as CodingWithMemo[];
}

export function updateCoding(db: Db, id: number, patch: Partial<typeof codings.$inferInsert>): void {
  const { start, end, quote, codeId, updatedAt } = patch;
  if (start !== undefined && end !== undefined && quote !== undefined && codeId !== undefined && updatedAt !== undefined && Object.keys(patch).length === 5) {
    prepared(db, 'UPDATE codings SET start = ?, "end" = ?, quote = ?, code_id = ?, updated_at = ? WHERE id = ?').run(start, end, quote, codeId, updatedAt, id);
    return;
  }
  db.update(codings).set(patch).where(eq(codings.id, id)).run();
}

export function deleteCodingRow(db: Db, id: number): void {
  prepared(db, 'DELETE FROM codings WHERE id = ?').run(id);
}

export interface CodingFilter {
  documentIds?: number[];
  codeIds?: number[];
  coderIds?: number[];
}

export function findCodings(db: Db, f: CodingFilter): CodingWithMemo[] {
  const where = [];
  if (f.documentIds) where.push(inArray(codings.documentId, f.documentIds));
  if (f.codeIds) where.push(inArray(codings.codeId, f.codeIds));
  if (f.coderIds) where.push(inArray(codings.coderId, f.coderIds));
  return db
    .select(withMemo)
    .from(codings)
    .leftJoin(memos, memoJoin)
    .where(where.length ? and(...where) : undefined)
    .orderBy(codings.documentId, codings.start, codings.end, codings.id)
    .all();
}

export function countCodings(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(codings)
      .get()?.n ?? 0
  );
}

export interface CodingCount {
  codeId: number;
  coderId: number;
  documentId: number;
  n: number;
}

/** Codings counted per code × coder × document, without reading any quote. */
export function codingCounts(db: Db): CodingCount[] {
  return prepared(
    db,
    'SELECT code_id AS codeId, coder_id AS coderId, document_id AS documentId, count(*) AS n FROM codings GROUP BY code_id, coder_id, document_id',
  ).all() as CodingCount[];
}

export interface SpanRow {
  guid?: string;
  documentId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
}

/**
 * Just the spans of some coders' codings (no quotes, no memos): what agreement needs. Without
 * GUIDs the covering span index answers alone, never reading a row.
 */
export function spansOfCoders(db: Db, coderIds: number[], withGuids = false): SpanRow[] {
  const wanted = new Set(coderIds);
  const stmt = prepared(
    db,
    withGuids
      ? 'SELECT guid, document_id AS documentId, code_id AS codeId, coder_id AS coderId, start, "end" FROM codings'
      : 'SELECT document_id AS documentId, code_id AS codeId, coder_id AS coderId, start, "end" FROM codings INDEXED BY codings_span_idx',
  );
  return (stmt.all() as SpanRow[]).filter((r) => wanted.has(r.coderId));
}
