import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open.js';
import { events } from '../schema.js';

export type EventRow = typeof events.$inferSelect;

/** The most recent events, newest first (read-only; the log is append-only). */
export function recentEvents(db: Db, limit: number): EventRow[] {
  return db.select().from(events).orderBy(desc(events.id)).limit(limit).all();
}

export function countEvents(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(events)
      .get()?.n ?? 0
  );
}

/** The events of one batch (one user action), in the order they were logged. */
export function eventsOfBatch(db: Db, batch: string): EventRow[] {
  return db.select().from(events).where(eq(events.batch, batch)).orderBy(asc(events.id)).all();
}
