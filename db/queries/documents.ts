import { eq, sql } from 'drizzle-orm';
import type { Cue, DocumentSummary, SourceFormat, Turn } from '../../shared/types.js';
import type { Db, Project } from '../open.js';
import { cases, codings, cues, documents, documentTexts, turns } from '../schema.js';

export type DocumentMeta = typeof documents.$inferSelect;

export function insertDocument(db: Db, row: typeof documents.$inferInsert, text: string): number {
  const id = db.insert(documents).values(row).returning({ id: documents.id }).get().id;
  db.insert(documentTexts).values({ documentId: id, text }).run();
  return id;
}

export function insertTurns(db: Db, documentId: number, list: Turn[]): void {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500).map((t, j) => ({ documentId, ordinal: i + j, ...t }));
    if (chunk.length) db.insert(turns).values(chunk).run();
  }
}

export function insertCues(db: Db, documentId: number, list: Cue[]): void {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500).map((c) => ({ documentId, ...c }));
    if (chunk.length) db.insert(cues).values(chunk).run();
  }
}

export function documentByName(db: Db, name: string): DocumentMeta | undefined {
  return db
    .select()
    .from(documents)
    .where(sql`${documents.name} = ${name} COLLATE NOCASE`)
    .get();
}

export function documentByGuid(db: Db, guid: string): DocumentMeta | undefined {
  return db.select().from(documents).where(eq(documents.guid, guid)).get();
}

export function documentById(db: Db, id: number): DocumentMeta | undefined {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

export function documentsByHash(db: Db, hash: string): DocumentMeta[] {
  return db.select().from(documents).where(eq(documents.contentHash, hash)).all();
}

export function documentText(db: Db, id: number): string {
  return db.select({ text: documentTexts.text }).from(documentTexts).where(eq(documentTexts.documentId, id)).get()?.text ?? '';
}

export function documentTurns(db: Db, id: number): Turn[] {
  return db
    .select({ start: turns.start, end: turns.end, speaker: turns.speaker, speechStart: turns.speechStart })
    .from(turns)
    .where(eq(turns.documentId, id))
    .orderBy(turns.start)
    .all();
}

export function documentCues(db: Db, id: number): Cue[] {
  return db
    .select({ start: cues.start, end: cues.end, beginMs: cues.beginMs, endMs: cues.endMs })
    .from(cues)
    .where(eq(cues.documentId, id))
    .orderBy(cues.start)
    .all();
}

/** The documents list without loading any text: one grouped query each for turns and codings. */
export function listDocuments(project: Project): DocumentSummary[] {
  return project.sqlite
    .prepare(
      `SELECT d.id, d.guid, d.name, d.format, d.length, d.imported_at AS importedAt, c.name AS caseName,
              (SELECT count(*) FROM turns t WHERE t.document_id = d.id) AS turns,
              (SELECT count(*) FROM codings g WHERE g.document_id = d.id) AS codings
       FROM documents d LEFT JOIN cases c ON c.id = d.case_id
       ORDER BY d.name COLLATE NOCASE`,
    )
    .all() as DocumentSummary[];
}

export function renameDocumentRow(db: Db, id: number, name: string): void {
  db.update(documents).set({ name }).where(eq(documents.id, id)).run();
}

export function setDocumentCase(db: Db, id: number, caseId: number | null): void {
  db.update(documents).set({ caseId }).where(eq(documents.id, id)).run();
}

export function deleteDocumentRow(db: Db, id: number): void {
  db.delete(documents).where(eq(documents.id, id)).run();
}

export function countDocumentCodings(db: Db, id: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(codings)
      .where(eq(codings.documentId, id))
      .get()?.n ?? 0
  );
}

export function caseIdOf(db: Db, name: string): number | undefined {
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(sql`${cases.name} = ${name} COLLATE NOCASE`)
    .get()?.id;
}

export type { SourceFormat };

/** Which case each document belongs to (null: none). */
export function documentCases(db: Db): Map<number, number | null> {
  return new Map(
    db
      .select({ id: documents.id, caseId: documents.caseId })
      .from(documents)
      .all()
      .map((r) => [r.id, r.caseId]),
  );
}
