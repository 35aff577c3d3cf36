/**
 * Undoing a merge of a coder's project: the merge notes which rows it added (see rows.ts), so
 * undo takes exactly those away again as one step. The merge's other events (merge.document,
 * code.create, merge.coding…) only describe it: its `merge.project` event undoes the whole batch.
 */
import type Database from 'better-sqlite3';
import { addedRowsRecord, deleteAddedRows, markRows, type AddedRows, type RowMarks } from './rows.js';
import type { Inverse } from './context.js';

/** Call before the merge adds anything, in its transaction. */
export const markBeforeMerge = (sqlite: Database.Database): RowMarks => markRows(sqlite);

/** What the merge.project event must carry for the merge to be undoable. */
export const mergeUndoRecord = (sqlite: Database.Database, marks: RowMarks): { added: AddedRows; fingerprint: string } => addedRowsRecord(sqlite, marks);

interface MergeLogged {
  from?: string;
  added?: AddedRows;
  fingerprint?: string;
}

const undoMergeProject: Inverse = (ctx, e) => {
  const after = (e.after ?? {}) as MergeLogged;
  deleteAddedRows(ctx, after, `merge of ${after.from ?? 'a coder’s project'}`);
};

/** Events whose inverse undoes their whole batch (the batch's other events are then skipped). */
export const wholeBatchInverses: Record<string, Inverse> = { 'merge.project': undoMergeProject };

/** A merge logged before merges noted what they added cannot be undone. */
export const mergeIsReversible = (after: Record<string, unknown> | null): boolean => !!after && 'added' in after && 'fingerprint' in after;
