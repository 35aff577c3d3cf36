import { and, eq, sql } from 'drizzle-orm';
import type { AttributeType } from '../../shared/types.js';
import type { Db } from '../open.js';
import { attributes, cases, caseValues, speakerCases } from '../schema.js';

export type CaseRow = typeof cases.$inferSelect;
export type AttributeRow = typeof attributes.$inferSelect;

export function caseByName(db: Db, name: string): CaseRow | undefined {
  return db
    .select()
    .from(cases)
    .where(sql`${cases.name} = ${name} COLLATE NOCASE`)
    .get();
}

export function caseByGuid(db: Db, guid: string): CaseRow | undefined {
  return db.select().from(cases).where(eq(cases.guid, guid)).get();
}

export function insertCase(db: Db, row: typeof cases.$inferInsert): number {
  return db.insert(cases).values(row).returning({ id: cases.id }).get().id;
}

export function listCases(db: Db): CaseRow[] {
  return db.select().from(cases).orderBy(cases.name).all();
}

export function attributeByName(db: Db, name: string): AttributeRow | undefined {
  return db
    .select()
    .from(attributes)
    .where(sql`${attributes.name} = ${name} COLLATE NOCASE`)
    .get();
}

export function insertAttribute(db: Db, row: { guid: string; name: string; type: AttributeType }): number {
  return db.insert(attributes).values(row).returning({ id: attributes.id }).get().id;
}

export function listAttributes(db: Db): AttributeRow[] {
  return db.select().from(attributes).orderBy(attributes.id).all();
}

export function caseValue(db: Db, caseId: number, attributeId: number): string | undefined {
  return db
    .select({ value: caseValues.value })
    .from(caseValues)
    .where(and(eq(caseValues.caseId, caseId), eq(caseValues.attributeId, attributeId)))
    .get()?.value;
}

export function setCaseValue(db: Db, caseId: number, attributeId: number, value: string | null): void {
  const where = and(eq(caseValues.caseId, caseId), eq(caseValues.attributeId, attributeId));
  if (value === null) {
    db.delete(caseValues).where(where).run();
    return;
  }
  db.insert(caseValues)
    .values({ caseId, attributeId, value })
    .onConflictDoUpdate({ target: [caseValues.caseId, caseValues.attributeId], set: { value } })
    .run();
}

export function allCaseValues(db: Db): { caseId: number; attributeId: number; value: string }[] {
  return db.select().from(caseValues).all();
}

export function setSpeakerCase(db: Db, documentId: number, speaker: string, caseId: number): void {
  db.insert(speakerCases)
    .values({ documentId, speaker, caseId })
    .onConflictDoUpdate({ target: [speakerCases.documentId, speakerCases.speaker], set: { caseId } })
    .run();
}

export function speakerCasesOf(db: Db, documentId: number): { speaker: string; caseId: number }[] {
  return db.select({ speaker: speakerCases.speaker, caseId: speakerCases.caseId }).from(speakerCases).where(eq(speakerCases.documentId, documentId)).all();
}
