import { and, eq } from 'drizzle-orm';
import type { MemoTarget } from '../../shared/types.js';
import type { Db } from '../open.js';
import { memos } from '../schema.js';

export type MemoRow = typeof memos.$inferSelect;

export function memoFor(db: Db, kind: MemoTarget, targetId: number): MemoRow | undefined {
  return db
    .select()
    .from(memos)
    .where(and(eq(memos.targetKind, kind), eq(memos.targetId, targetId)))
    .get();
}

export function insertMemo(db: Db, row: typeof memos.$inferInsert): void {
  db.insert(memos).values(row).run();
}

export function updateMemo(db: Db, id: number, body: string, updatedAt: string): void {
  db.update(memos).set({ body, updatedAt }).where(eq(memos.id, id)).run();
}

export function deleteMemoRow(db: Db, id: number): void {
  db.delete(memos).where(eq(memos.id, id)).run();
}

export function listMemos(db: Db): MemoRow[] {
  return db.select().from(memos).orderBy(memos.targetKind, memos.targetId).all();
}
