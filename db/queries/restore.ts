/**
 * Putting deleted rows back exactly as they were: same ids, same GUIDs, same timestamps. Ids of
 * deleted rows are never handed out again (AUTOINCREMENT), so reusing them is safe, and it keeps
 * memo targets, FTS rowids and every listing order as they were before the deletion.
 */
import { eq } from 'drizzle-orm';
import { chunkText } from './chunks.js';
import type { Db, Project } from '../open.js';
import { cases, coders, codes, codings, consensusDecisions, cues, documents, documentTexts, memos, speakerCases, turns } from '../schema.js';
import type { CodingWithMemo } from './codings.js';
import type { CaseRow, ChunkPlace, CodeRow, CoderRow, CueRow, DecisionRow, DocumentMeta, MemoRow, SpeakerCaseRow, TurnRow } from './snapshots.js';

const chunked = <T>(rows: T[], size: number, fn: (part: T[]) => void) => {
  for (let i = 0; i < rows.length; i += size) fn(rows.slice(i, i + size));
};

export function restoreCodeRows(db: Db, rows: CodeRow[]): void {
  for (const r of rows) db.insert(codes).values(r).run();
}

/** Without an id (when the old one is somehow taken) the row gets a new one. */
type MaybeId<T extends { id: number }> = Omit<T, 'id'> & { id?: number };

export function restoreCodingRow(db: Db, c: MaybeId<CodingWithMemo>): void {
  const { memo: _memo, ...row } = c;
  db.insert(codings).values(row).run();
}

export function restoreMemoRow(db: Db, row: MaybeId<MemoRow>): void {
  db.insert(memos).values(row).run();
}

export function restoreDecisionRows(db: Db, rows: DecisionRow[]): void {
  chunked(rows, 200, (part) => db.insert(consensusDecisions).values(part).run());
}

export function restoreCoderRow(db: Db, row: CoderRow): void {
  db.insert(coders).values(row).run();
}

export function restoreCaseRow(db: Db, row: CaseRow): void {
  db.insert(cases).values(row).run();
}

export function deleteCoderRow(db: Db, id: number): void {
  db.delete(coders).where(eq(coders.id, id)).run();
}

export function deleteCaseRow(db: Db, id: number): void {
  db.delete(cases).where(eq(cases.id, id)).run();
}

export function setCodePlace(db: Db, id: number, parentId: number | null, position: number): void {
  db.update(codes).set({ parentId, position }).where(eq(codes.id, id)).run();
}

export interface DocumentRows {
  doc: DocumentMeta;
  text: string;
  /** Full rows (with ids); an older log holds turns and cues without ids, which get new ones. */
  turns: (Omit<TurnRow, 'id' | 'documentId' | 'ordinal'> & Partial<TurnRow>)[];
  cues: (Omit<CueRow, 'id' | 'documentId'> & Partial<CueRow>)[];
  speakerCases: SpeakerCaseRow[];
  chunks: ChunkPlace[] | undefined;
}

/** The document with its text, turns, cues, speaker cases and search chunks (not its codings). */
export function restoreDocumentRows(project: Project, d: DocumentRows): void {
  const { db } = project;
  const { id, guid, name, format, length, contentHash, sourceName, importedAt, caseId } = d.doc;
  db.insert(documents).values({ id, guid, name, format, length, contentHash, sourceName, importedAt, caseId }).run();
  db.insert(documentTexts).values({ documentId: id, text: d.text }).run();
  const turnRows = d.turns.map((t, i) => ({ ...t, documentId: id, ordinal: t.ordinal ?? i }));
  chunked(turnRows, 500, (part) => db.insert(turns).values(part).run());
  chunked(
    d.cues.map((c) => ({ ...c, documentId: id })),
    500,
    (part) => db.insert(cues).values(part).run(),
  );
  for (const s of d.speakerCases)
    db.insert(speakerCases)
      .values({ ...s, documentId: id })
      .run();
  // Same rowids as before when the text still cuts into the same chunks (search lists hits by rowid).
  const pieces = chunkText(d.text);
  const places = d.chunks && d.chunks.length === pieces.length && d.chunks.every((c, i) => c.start === pieces[i]!.start) ? d.chunks : undefined;
  const withId = project.sqlite.prepare('INSERT INTO doc_chunks (rowid, body, document_id, start) VALUES (?, ?, ?, ?)');
  const plain = project.sqlite.prepare('INSERT INTO doc_chunks (body, document_id, start) VALUES (?, ?, ?)');
  pieces.forEach((p, i) => (places ? withId.run(places[i]!.rowid, p.body, id, p.start) : plain.run(p.body, id, p.start)));
}
