/**
 * Undo for bulk actions that only ADD rows (merging a coder's project): the action notes which
 * rows it added (by rowid, per table) and a fingerprint of them; undo deletes exactly those rows
 * if they are unchanged and nothing added since refers to them, logging every deleted row so
 * that redo can put them back with their ids and GUIDs.
 */
import type Database from 'better-sqlite3';
import { insertChunks } from '../../../db/queries/chunks.js';
import { documentText } from '../../../db/queries/documents.js';
import { conflict, type Inverse, type UndoContext } from './context.js';
import { sha256 } from '../sha256.js';

/** Content tables, parents before children (the full-text index follows documents, see restoreRows). */
export const CONTENT_TABLES = [
  'cases',
  'attributes',
  'case_values',
  'documents',
  'document_texts',
  'turns',
  'cues',
  'speaker_cases',
  'codes',
  'coders',
  'codings',
  'memos',
  'consensus_decisions',
] as const;

type Table = (typeof CONTENT_TABLES)[number];
export type RowMarks = Record<string, number>;
/** Rowids per table. */
export type AddedRows = Partial<Record<Table, number[]>>;
type Row = Record<string, string | number | null>;
export type RowSnapshot = Partial<Record<Table, Row[]>>;

const ids = (xs: number[]) => JSON.stringify(xs);

/** The highest rowid of each content table now: rows above it afterwards were added. */
export function markRows(sqlite: Database.Database): RowMarks {
  const marks: RowMarks = {};
  for (const t of CONTENT_TABLES) marks[t] = (sqlite.prepare(`SELECT coalesce(max(rowid), 0) AS m FROM "${t}"`).get() as { m: number }).m;
  return marks;
}

export function rowsAddedSince(sqlite: Database.Database, marks: RowMarks): AddedRows {
  const added: AddedRows = {};
  for (const t of CONTENT_TABLES) {
    const rows = sqlite.prepare(`SELECT rowid AS r FROM "${t}" WHERE rowid > ? ORDER BY rowid`).all(marks[t] ?? 0) as { r: number }[];
    if (rows.length) added[t] = rows.map((x) => x.r);
  }
  return added;
}

function rowsOf(sqlite: Database.Database, t: Table, rowids: number[]): Row[] {
  return sqlite.prepare(`SELECT * FROM "${t}" WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(ids(rowids)) as Row[];
}

/** A digest of the rows as they are now; a missing or edited row changes it. */
export function fingerprintRows(sqlite: Database.Database, added: AddedRows): string {
  const h = sha256();
  for (const t of CONTENT_TABLES) {
    const rowids = added[t];
    if (!rowids?.length) continue;
    const rows = rowsOf(sqlite, t, rowids);
    h.update(`${t}:${rowids.length}:${rows.length}\n`);
    for (const r of rows) h.update(`${JSON.stringify(r)}\n`);
  }
  return h.digest('hex');
}

/** What to note in the event of an adding action, for `deleteAddedRows` to undo it. */
export function addedRowsRecord(sqlite: Database.Database, marks: RowMarks): { added: AddedRows; fingerprint: string } {
  const added = rowsAddedSince(sqlite, marks);
  return { added, fingerprint: fingerprintRows(sqlite, added) };
}

const MEMO_TARGETS: Partial<Record<Table, string>> = { codings: 'coding', codes: 'code', documents: 'document', cases: 'case' };

/** The first row outside `added` that refers to a row inside it, described for a message. */
function outsideReference(sqlite: Database.Database, added: AddedRows): string | null {
  for (const t of CONTENT_TABLES) {
    const fks = sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string; from: string }[];
    for (const fk of fks) {
      const parents = added[fk.table as Table];
      if (!parents?.length) continue;
      const n = sqlite
        .prepare(`SELECT count(*) AS n FROM "${t}" WHERE "${fk.from}" IN (SELECT value FROM json_each(?)) AND rowid NOT IN (SELECT value FROM json_each(?))`)
        .get(ids(parents), ids(added[t] ?? [])) as { n: number };
      if (n.n > 0) return `${n.n} ${t.replace(/_/g, ' ')} added since refer to what it brought in`;
    }
  }
  for (const [t, kind] of Object.entries(MEMO_TARGETS)) {
    const targets = added[t as Table];
    if (!targets?.length) continue;
    const n = sqlite
      .prepare(
        'SELECT count(*) AS n FROM memos WHERE target_kind = ? AND target_id IN (SELECT value FROM json_each(?)) AND rowid NOT IN (SELECT value FROM json_each(?))',
      )
      .get(kind, ids(targets), ids(added.memos ?? [])) as { n: number };
    if (n.n > 0) return `${n.n} memos written since are on what it brought in`;
  }
  return null;
}

/** Deletes exactly the rows an adding action added (children first) and logs them as rows.delete. */
export function deleteAddedRows(ctx: UndoContext, record: { added?: AddedRows; fingerprint?: string }, what: string): void {
  const { sqlite } = ctx.action.project;
  const added = record.added;
  if (!added || !record.fingerprint)
    conflict(ctx, 'it was made by an older Marginalia that did not note what it added (restore the backup taken before it instead)');
  if (fingerprintRows(sqlite, added) !== record.fingerprint) conflict(ctx, 'some of what it added has been changed or removed since');
  const outside = outsideReference(sqlite, added);
  if (outside) conflict(ctx, outside);
  const snapshot: RowSnapshot = {};
  for (const t of CONTENT_TABLES) if (added[t]?.length) snapshot[t] = rowsOf(sqlite, t, added[t]);
  for (const t of [...CONTENT_TABLES].reverse()) {
    // Newest first: a sub-code is always added after its parent.
    const del = sqlite.prepare(`DELETE FROM "${t}" WHERE rowid = ?`);
    for (const r of [...(added[t] ?? [])].reverse()) del.run(r);
  }
  ctx.action.log({ action: 'rows.delete', entity: 'project', entityGuid: null, before: { what, tables: snapshot } });
}

/** Puts logged rows back as they were (ids and GUIDs included) and logs rows.insert. */
function restoreRows(ctx: UndoContext, what: string, snapshot: RowSnapshot): void {
  const { project } = ctx.action;
  const { sqlite } = project;
  const added: AddedRows = {};
  for (const t of CONTENT_TABLES) {
    const rows = snapshot[t];
    if (!rows?.length) continue;
    const cols = Object.keys(rows[0]!);
    const ins = sqlite.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    added[t] = rows.map((r) => Number(ins.run(...cols.map((c) => r[c] ?? null)).lastInsertRowid));
  }
  // The search index is derived from the text: rebuilt for each document that came back.
  for (const id of added.documents ?? []) insertChunks(project, id, documentText(ctx.action.db, id));
  ctx.action.log({ action: 'rows.insert', entity: 'project', entityGuid: null, after: { what, added, fingerprint: fingerprintRows(sqlite, added) } });
}

interface DeletedRows {
  what: string;
  tables: RowSnapshot;
}
interface InsertedRows {
  what: string;
  added: AddedRows;
  fingerprint: string;
}

const undoRowsDelete: Inverse = (ctx, e) => {
  const before = (e.before ?? {}) as unknown as DeletedRows;
  restoreRows(ctx, before.what, before.tables);
};

const undoRowsInsert: Inverse = (ctx, e) => {
  const after = (e.after ?? {}) as unknown as InsertedRows;
  deleteAddedRows(ctx, after, after.what);
};

export const rowInverses: Record<string, Inverse> = {
  'rows.delete': undoRowsDelete,
  'rows.insert': undoRowsInsert,
};
