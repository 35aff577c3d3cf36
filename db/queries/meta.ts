import { eq } from 'drizzle-orm';
import type { Db } from '../open.js';
import { projectMeta } from '../schema.js';

export function getMeta(db: Db, key: string): string | undefined {
  return db.select({ value: projectMeta.value }).from(projectMeta).where(eq(projectMeta.key, key)).get()?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.insert(projectMeta).values({ key, value }).onConflictDoUpdate({ target: projectMeta.key, set: { value } }).run();
}
