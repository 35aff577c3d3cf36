import { eq, sql } from 'drizzle-orm';
import type { CoderRecord } from '../../shared/types.js';
import type { Db } from '../open.js';
import { coders } from '../schema.js';

export function listCoders(db: Db): CoderRecord[] {
  return db.select({ id: coders.id, guid: coders.guid, name: coders.name }).from(coders).orderBy(coders.name).all();
}

export function coderByName(db: Db, name: string): CoderRecord | undefined {
  return db
    .select({ id: coders.id, guid: coders.guid, name: coders.name })
    .from(coders)
    .where(sql`${coders.name} = ${name} COLLATE NOCASE`)
    .get();
}

export function coderByGuid(db: Db, guid: string): CoderRecord | undefined {
  return db.select({ id: coders.id, guid: coders.guid, name: coders.name }).from(coders).where(eq(coders.guid, guid)).get();
}

export function insertCoder(db: Db, row: typeof coders.$inferInsert): number {
  return db.insert(coders).values(row).returning({ id: coders.id }).get().id;
}
