/**
 * Everything that goes when a document or a code is deleted (the rows themselves and what the
 * foreign keys and triggers take with them), read as plain rows. Deletions log these snapshots
 * so that undo can put every row back with its id and GUID.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Project } from '../open.js';
import { cases, coders, codes, codingOrphans, codings, consensusDecisions, cues, documents, documentTexts, memos, speakerCases, turns } from '../schema.js';
import { findCodings, type CodingWithMemo } from './codings.js';
import type { CodeRow } from './codes.js';
import type { DecisionRow } from './consensus.js';
import type { DocumentMeta } from './documents.js';
import type { MemoRow } from './memos.js';

export type TurnRow = typeof turns.$inferSelect;
export type CueRow = typeof cues.$inferSelect;
export type OrphanRow = typeof codingOrphans.$inferSelect;
export type SpeakerCaseRow = typeof speakerCases.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type CoderRow = typeof coders.$inferSelect;

/** Where each FTS chunk of a document sat (its rowid keeps search hits in document order). */
export interface ChunkPlace {
  rowid: number;
  start: number;
}

export interface DocumentSnapshot extends DocumentMeta {
  text: string;
  turns: TurnRow[];
  cues: CueRow[];
  codings: CodingWithMemo[];
  /** The document's memo and its codings' memos. */
  memos: MemoRow[];
  speakerCases: SpeakerCaseRow[];
  decisions: DecisionRow[];
  chunks: ChunkPlace[];
  /** Codings a text correction orphaned (absent from log entries written before corrections existed). */
  orphans?: OrphanRow[];
}

export interface CodeSnapshot {
  /** Deepest first (children before parents), the order they are deleted in. */
  codes: CodeRow[];
  codings: CodingWithMemo[];
  /** The codes' memos and their codings' memos. */
  memos: MemoRow[];
  decisions: DecisionRow[];
  /** Orphaned codings of these codes (absent from older log entries). */
  orphans?: OrphanRow[];
}

export function memosOf(db: Db, kind: MemoRow['targetKind'], ids: number[]): MemoRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(memos)
    .where(and(eq(memos.targetKind, kind), inArray(memos.targetId, ids)))
    .orderBy(memos.id)
    .all();
}

export function memoByGuid(db: Db, guid: string): MemoRow | undefined {
  return db.select().from(memos).where(eq(memos.guid, guid)).get();
}

export function decisionsWhere(db: Db, f: { codeIds?: number[]; documentIds?: number[]; coderId?: number }): DecisionRow[] {
  const where = [];
  if (f.codeIds) where.push(inArray(consensusDecisions.codeId, f.codeIds));
  if (f.documentIds) where.push(inArray(consensusDecisions.documentId, f.documentIds));
  if (f.coderId !== undefined) {
    const id = f.coderId;
    where.push(sql`(${consensusDecisions.consensusCoderId} = ${id} OR ${consensusDecisions.coderAId} = ${id} OR ${consensusDecisions.coderBId} = ${id})`);
  }
  return db
    .select()
    .from(consensusDecisions)
    .where(and(...where))
    .orderBy(consensusDecisions.id)
    .all();
}

export function chunkPlaces(project: Project, documentId: number): ChunkPlace[] {
  return project.sqlite.prepare('SELECT rowid, start FROM doc_chunks WHERE document_id = ? ORDER BY rowid').all(documentId) as ChunkPlace[];
}

export function documentSnapshot(project: Project, doc: DocumentMeta): DocumentSnapshot {
  const { db } = project;
  const codingRows = findCodings(db, { documentIds: [doc.id] });
  return {
    ...doc,
    text: db.select({ text: documentTexts.text }).from(documentTexts).where(eq(documentTexts.documentId, doc.id)).get()?.text ?? '',
    turns: db.select().from(turns).where(eq(turns.documentId, doc.id)).orderBy(turns.id).all(),
    cues: db.select().from(cues).where(eq(cues.documentId, doc.id)).orderBy(cues.id).all(),
    codings: codingRows,
    memos: [
      ...memosOf(db, 'document', [doc.id]),
      ...memosOf(
        db,
        'coding',
        codingRows.map((c) => c.id),
      ),
    ],
    speakerCases: db.select().from(speakerCases).where(eq(speakerCases.documentId, doc.id)).all(),
    decisions: decisionsWhere(db, { documentIds: [doc.id] }),
    chunks: chunkPlaces(project, doc.id),
    orphans: db.select().from(codingOrphans).where(eq(codingOrphans.documentId, doc.id)).orderBy(codingOrphans.id).all(),
  };
}

/** `ids` as subtreeIds() gives them: deepest first. */
export function codeSnapshot(db: Db, ids: number[]): CodeSnapshot {
  const codeRows = ids.map((id) => db.select().from(codes).where(eq(codes.id, id)).get()).filter((r): r is CodeRow => !!r);
  const codingRows = findCodings(db, { codeIds: ids });
  return {
    codes: codeRows,
    codings: codingRows,
    memos: [
      ...memosOf(db, 'code', ids),
      ...memosOf(
        db,
        'coding',
        codingRows.map((c) => c.id),
      ),
    ],
    decisions: decisionsWhere(db, { codeIds: ids }),
    orphans: ids.length ? db.select().from(codingOrphans).where(inArray(codingOrphans.codeId, ids)).orderBy(codingOrphans.id).all() : [],
  };
}

/**
 * Puts orphaned codings back with their ids, after the rows they belong to are back. A row
 * already present (restored with its document before its code came back) is left as it is.
 */
export function restoreOrphanRows(db: Db, rows: OrphanRow[] | undefined): void {
  for (const r of rows ?? []) db.insert(codingOrphans).values(r).onConflictDoNothing().run();
}

/** Rows by GUID, for the inverse of a logged change (which names its entity by GUID). */
export const documentByGuid = (db: Db, guid: string): DocumentMeta | undefined => db.select().from(documents).where(eq(documents.guid, guid)).get();
export const codeByGuid = (db: Db, guid: string): CodeRow | undefined => db.select().from(codes).where(eq(codes.guid, guid)).get();
export const coderByGuid = (db: Db, guid: string): CoderRow | undefined => db.select().from(coders).where(eq(coders.guid, guid)).get();
export const caseByGuid = (db: Db, guid: string): CaseRow | undefined => db.select().from(cases).where(eq(cases.guid, guid)).get();
export const caseById = (db: Db, id: number): CaseRow | undefined => db.select().from(cases).where(eq(cases.id, id)).get();
export const coderById = (db: Db, id: number): CoderRow | undefined => db.select().from(coders).where(eq(coders.id, id)).get();

/** The current id of a memo's target, found by the target's GUID (the project memo's target is 0). */
export function memoTargetId(db: Db, kind: MemoRow['targetKind'], guid: string): number | undefined {
  if (kind === 'project') return 0;
  const table = { document: documents, code: codes, coding: codings, case: cases }[kind];
  return db.select({ id: table.id }).from(table).where(eq(table.guid, guid)).get()?.id;
}

/** What still refers to a case, to a coder, or to a code (before the undo of its creation deletes it). */
export function caseUses(db: Db, caseId: number): number {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return (
    n(
      db
        .select({ n: sql<number>`count(*)` })
        .from(documents)
        .where(eq(documents.caseId, caseId))
        .get(),
    ) +
    n(
      db
        .select({ n: sql<number>`count(*)` })
        .from(speakerCases)
        .where(eq(speakerCases.caseId, caseId))
        .get(),
    ) +
    n(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_values WHERE case_id = ${caseId}`)) +
    memosOf(db, 'case', [caseId]).length
  );
}

export function coderUses(db: Db, coderId: number): number {
  const codingCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(codings)
      .where(eq(codings.coderId, coderId))
      .get()?.n ?? 0;
  return codingCount + decisionsWhere(db, { coderId }).length;
}

export function childCount(db: Db, codeId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(codes)
      .where(eq(codes.parentId, codeId))
      .get()?.n ?? 0
  );
}

export type { CodingWithMemo, CodeRow, DecisionRow, DocumentMeta, MemoRow };
