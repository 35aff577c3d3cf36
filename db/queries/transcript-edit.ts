/**
 * Row access for correcting a document's text (issue 13): the gated text update, the derived
 * rows rewritten with it (turns, cues, speaker cases, search chunks), and orphaned codings.
 */
import { and, eq } from 'drizzle-orm';
import type { Cue, Turn } from '../../shared/types.js';
import type { Db, Project } from '../open.js';
import { codingOrphans, cues, documents, documentTextEdits, documentTexts, speakerCases, turns } from '../schema.js';
import { chunkText } from './chunks.js';

export type OrphanRow = typeof codingOrphans.$inferSelect;

/** Replaces the stored text, length and hash; the immutability triggers let only this through. */
export function writeDocumentText(db: Db, documentId: number, text: string, contentHash: string): void {
  db.insert(documentTextEdits).values({ documentId }).run();
  db.update(documentTexts).set({ text }).where(eq(documentTexts.documentId, documentId)).run();
  db.update(documents).set({ length: text.length, contentHash }).where(eq(documents.id, documentId)).run();
  db.delete(documentTextEdits).where(eq(documentTextEdits.documentId, documentId)).run();
}

/** Rows keep their ids where given (a correction reuses them in order; undo puts the old ones back). */
export type WithId<T> = T & { id?: number };

export function turnRows(db: Db, documentId: number): WithId<Turn>[] {
  return db
    .select({ id: turns.id, start: turns.start, end: turns.end, speaker: turns.speaker, speechStart: turns.speechStart })
    .from(turns)
    .where(eq(turns.documentId, documentId))
    .orderBy(turns.start)
    .all();
}

export function cueRows(db: Db, documentId: number): WithId<Cue>[] {
  return db
    .select({ id: cues.id, start: cues.start, end: cues.end, beginMs: cues.beginMs, endMs: cues.endMs })
    .from(cues)
    .where(eq(cues.documentId, documentId))
    .orderBy(cues.start)
    .all();
}

export function replaceTurns(db: Db, documentId: number, list: WithId<Turn>[]): void {
  db.delete(turns).where(eq(turns.documentId, documentId)).run();
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500).map((t, j) => ({
      ...(t.id !== undefined && { id: t.id }),
      documentId,
      ordinal: i + j,
      start: t.start,
      end: t.end,
      speaker: t.speaker,
      speechStart: t.speechStart,
    }));
    if (part.length) db.insert(turns).values(part).run();
  }
}

export function replaceCues(db: Db, documentId: number, list: WithId<Cue>[]): void {
  db.delete(cues).where(eq(cues.documentId, documentId)).run();
  for (let i = 0; i < list.length; i += 500) {
    const part = list
      .slice(i, i + 500)
      .map((c) => ({ ...(c.id !== undefined && { id: c.id }), documentId, start: c.start, end: c.end, beginMs: c.beginMs, endMs: c.endMs }));
    if (part.length) db.insert(cues).values(part).run();
  }
}

export function speakerCasesOf(db: Db, documentId: number): { speaker: string; caseId: number }[] {
  return db
    .select({ speaker: speakerCases.speaker, caseId: speakerCases.caseId })
    .from(speakerCases)
    .where(eq(speakerCases.documentId, documentId))
    .orderBy(speakerCases.speaker)
    .all();
}

export function replaceSpeakerCases(db: Db, documentId: number, list: { speaker: string; caseId: number }[]): void {
  db.delete(speakerCases).where(eq(speakerCases.documentId, documentId)).run();
  for (const s of list) db.insert(speakerCases).values({ documentId, speaker: s.speaker, caseId: s.caseId }).run();
}

/** Re-cuts the search chunks; when the count is unchanged they keep their rowids (search lists hits by rowid). */
export function rewriteChunks(project: Project, documentId: number, text: string): void {
  const old = project.sqlite.prepare('SELECT rowid, start FROM doc_chunks WHERE document_id = ? ORDER BY rowid').all(documentId) as { rowid: number }[];
  project.sqlite.prepare('DELETE FROM doc_chunks WHERE document_id = ?').run(documentId);
  const pieces = chunkText(text);
  const withId = project.sqlite.prepare('INSERT INTO doc_chunks (rowid, body, document_id, start) VALUES (?, ?, ?, ?)');
  const plain = project.sqlite.prepare('INSERT INTO doc_chunks (body, document_id, start) VALUES (?, ?, ?)');
  const same = old.length === pieces.length;
  pieces.forEach((p, i) => (same ? withId.run(old[i]!.rowid, p.body, documentId, p.start) : plain.run(p.body, documentId, p.start)));
}

export function orphansOf(db: Db, documentId: number): OrphanRow[] {
  return db.select().from(codingOrphans).where(eq(codingOrphans.documentId, documentId)).orderBy(codingOrphans.at, codingOrphans.id).all();
}

export function orphanByGuid(db: Db, documentId: number, guid: string): OrphanRow | undefined {
  return db
    .select()
    .from(codingOrphans)
    .where(and(eq(codingOrphans.documentId, documentId), eq(codingOrphans.guid, guid)))
    .get();
}

export function orphanById(db: Db, id: number): OrphanRow | undefined {
  return db.select().from(codingOrphans).where(eq(codingOrphans.id, id)).get();
}

export function insertOrphan(db: Db, row: typeof codingOrphans.$inferInsert): void {
  db.insert(codingOrphans).values(row).run();
}

export function deleteOrphanRow(db: Db, id: number): void {
  db.delete(codingOrphans).where(eq(codingOrphans.id, id)).run();
}

export function countOrphans(db: Db, documentId: number): number {
  return db.select({ id: codingOrphans.id }).from(codingOrphans).where(eq(codingOrphans.documentId, documentId)).all().length;
}
