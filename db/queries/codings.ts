import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
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
  return db.insert(codings).values(row).returning({ id: codings.id }).get().id;
}

export function codingById(db: Db, id: number): CodingWithMemo | undefined {
  return db.select(withMemo).from(codings).leftJoin(memos, memoJoin).where(eq(codings.id, id)).get();
}

export function codingByGuid(db: Db, guid: string): CodingWithMemo | undefined {
  return db.select(withMemo).from(codings).leftJoin(memos, memoJoin).where(eq(codings.guid, guid)).get();
}

/** Codings of one code by one coder that overlap or touch [start, end). */
export function touchingCodings(db: Db, documentId: number, codeId: number, coderId: number, start: number, end: number) {
  return db
    .select(withMemo)
    .from(codings)
    .leftJoin(memos, memoJoin)
    .where(
      and(
        eq(codings.documentId, documentId),
        eq(codings.codeId, codeId),
        eq(codings.coderId, coderId),
        lte(codings.start, end),
        gte(codings.end, start),
      ),
    )
    .orderBy(codings.start)
    .all();
}

export function updateCoding(db: Db, id: number, patch: Partial<typeof codings.$inferInsert>): void {
  db.update(codings).set(patch).where(eq(codings.id, id)).run();
}

export function deleteCodingRow(db: Db, id: number): void {
  db.delete(codings).where(eq(codings.id, id)).run();
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
  return db.select({ n: sql<number>`count(*)` }).from(codings).get()?.n ?? 0;
}
