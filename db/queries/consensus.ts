import { and, eq } from 'drizzle-orm';
import type { Db } from '../open.js';
import { consensusDecisions } from '../schema.js';

export type DecisionRow = typeof consensusDecisions.$inferSelect;

export function decisionsOf(db: Db, consensusCoderId: number): DecisionRow[] {
  return db.select().from(consensusDecisions).where(eq(consensusDecisions.consensusCoderId, consensusCoderId)).all();
}

export function decisionByItem(db: Db, consensusCoderId: number, itemId: string): DecisionRow | undefined {
  return db
    .select()
    .from(consensusDecisions)
    .where(and(eq(consensusDecisions.consensusCoderId, consensusCoderId), eq(consensusDecisions.itemId, itemId)))
    .get();
}

export function insertDecision(db: Db, row: typeof consensusDecisions.$inferInsert): void {
  db.insert(consensusDecisions).values(row).run();
}

export function updateDecision(db: Db, id: number, patch: Partial<typeof consensusDecisions.$inferInsert>): void {
  db.update(consensusDecisions).set(patch).where(eq(consensusDecisions.id, id)).run();
}

export function decisionByGuid(db: Db, guid: string): DecisionRow | undefined {
  return db.select().from(consensusDecisions).where(eq(consensusDecisions.guid, guid)).get();
}

export function deleteDecisionRow(db: Db, id: number): void {
  db.delete(consensusDecisions).where(eq(consensusDecisions.id, id)).run();
}
