import { eq, isNull, sql } from 'drizzle-orm';
import type { CodeRecord } from '../../shared/types.js';
import type { Db } from '../open.js';
import { codes, codings } from '../schema.js';

export type CodeRow = typeof codes.$inferSelect;

/** All codes with their paths, in tree order (parents before children, siblings by position). */
export function listCodes(db: Db): CodeRecord[] {
  const rows = db.select().from(codes).orderBy(codes.position, codes.id).all();
  const byParent = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const out: CodeRecord[] = [];
  const walk = (parentId: number | null, prefix: string) => {
    for (const r of byParent.get(parentId) ?? []) {
      const path = prefix ? `${prefix}/${r.name}` : r.name;
      const { createdAt: _created, ...rest } = r;
      out.push({ ...rest, path });
      walk(r.id, path);
    }
  };
  walk(null, '');
  return out;
}

export function codeById(db: Db, id: number): CodeRow | undefined {
  return db.select().from(codes).where(eq(codes.id, id)).get();
}

/** Sibling names compare like nameKey(): NFC and full Unicode case (SQLite's NOCASE is ASCII-only). */
export function childByName(db: Db, parentId: number | null, name: string): CodeRow | undefined {
  const key = name.normalize('NFC').toLowerCase();
  return siblings(db, parentId).find((c) => c.name.normalize('NFC').toLowerCase() === key);
}

export function nextPosition(db: Db, parentId: number | null): number {
  const parent = parentId === null ? isNull(codes.parentId) : eq(codes.parentId, parentId);
  const row = db
    .select({ p: sql<number | null>`max(${codes.position})` })
    .from(codes)
    .where(parent)
    .get();
  return (row?.p ?? -1) + 1;
}

export function insertCode(db: Db, row: typeof codes.$inferInsert): number {
  return db.insert(codes).values(row).returning({ id: codes.id }).get().id;
}

export function updateCode(db: Db, id: number, patch: Partial<typeof codes.$inferInsert>): void {
  db.update(codes).set(patch).where(eq(codes.id, id)).run();
}

export function siblings(db: Db, parentId: number | null): CodeRow[] {
  const parent = parentId === null ? isNull(codes.parentId) : eq(codes.parentId, parentId);
  return db.select().from(codes).where(parent).orderBy(codes.position, codes.id).all();
}

/** The code and all its descendants, deepest first (safe order for deleting). */
export function subtreeIds(db: Db, id: number): number[] {
  const rows = db.select({ id: codes.id, parentId: codes.parentId }).from(codes).all();
  const kids = new Map<number, number[]>();
  for (const r of rows) if (r.parentId !== null) kids.set(r.parentId, [...(kids.get(r.parentId) ?? []), r.id]);
  const out: number[] = [];
  const walk = (n: number) => {
    for (const k of kids.get(n) ?? []) walk(k);
    out.push(n);
  };
  walk(id);
  return out;
}

export function countCodingsOfCodes(db: Db, ids: number[]): number {
  if (ids.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(codings)
      .where(
        sql`${codings.codeId} IN (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      )
      .get()?.n ?? 0
  );
}

export function deleteCodeRow(db: Db, id: number): void {
  db.delete(codes).where(eq(codes.id, id)).run();
}
