import { desc, sql } from 'drizzle-orm';
import type { Db } from '../open.js';
import { events } from '../schema.js';

export type EventRow = typeof events.$inferSelect;

/** The most recent events, newest first (read-only; the log is append-only). */
export function recentEvents(db: Db, limit: number): EventRow[] {
  return db.select().from(events).orderBy(desc(events.id)).limit(limit).all();
}

export function countEvents(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(events).get()?.n ?? 0;
}
