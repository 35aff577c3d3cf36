/**
 * Inverses of coding and memo events. Each checks that the item is still as the event left it
 * (otherwise a later change touched it and the undo is refused), makes the change through the
 * same row functions the services use, and logs it as an ordinary event whose own inverse is
 * the original change.
 */
import { codeById } from '../../../db/queries/codes.js';
import { codingByGuid, codingById, deleteCodingRow, updateCoding, type CodingWithMemo } from '../../../db/queries/codings.js';
import { documentById } from '../../../db/queries/documents.js';
import { deleteMemoRow, memoFor, updateMemo } from '../../../db/queries/memos.js';
import { restoreCodingRow, restoreMemoRow } from '../../../db/queries/restore.js';
import { coderById, memoByGuid, memoTargetId, type MemoRow } from '../../../db/queries/snapshots.js';
import { newGuid } from '../../../shared/ids.js';
import { conflict, guidOf, sameMemo, shaped, type Inverse, type Logged, type UndoContext } from './context.js';

/** A coding as deletions log it: the row, its memo body, and (since undo) its memo row. */
export type CodingSnapshot = CodingWithMemo & { memoRow?: MemoRow | null };

/** Deletes a coding (its memo goes with it) and logs coding.remove with everything redo needs. */
export function removeCodingRow(ctx: UndoContext, cur: CodingWithMemo): void {
  const { db } = ctx.action;
  const memoRow = memoFor(db, 'coding', cur.id) ?? null;
  if (memoRow) ctx.goneMemos.add(memoRow.guid);
  deleteCodingRow(db, cur.id);
  ctx.action.log({ action: 'coding.remove', entity: 'coding', entityGuid: cur.guid, before: { ...cur, memoRow } });
}

/** Checks that a coding can come back into the project as it is now (its document, code and coder exist). */
export function checkCodingFits(ctx: UndoContext, c: CodingWithMemo): void {
  const { db } = ctx.action;
  if (codingByGuid(db, c.guid)) conflict(ctx, `coding ${c.guid} is already in the project`);
  const doc = documentById(db, c.documentId);
  if (!doc) conflict(ctx, 'the document of a coding has been deleted since');
  if (c.end > doc.length) conflict(ctx, `a coding no longer fits in "${doc.name}"`);
  if (!codeById(db, c.codeId)) conflict(ctx, 'the code of a coding has been deleted since');
  if (!coderById(db, c.coderId)) conflict(ctx, 'the coder of a coding is no longer in the project');
}

/** Puts a coding back with its id, GUID and memo; `log` false when the caller logs a larger restore. */
export function restoreCoding(ctx: UndoContext, snap: CodingSnapshot, log = true): void {
  const { db } = ctx.action;
  checkCodingFits(ctx, snap);
  const { memoRow, ...row } = snap;
  // Ids are never reused (AUTOINCREMENT), so the old one is free unless the log is from elsewhere.
  const { id: oldId, ...rest } = row;
  restoreCodingRow(db, codingById(db, oldId) ? rest : row);
  const id = codingByGuid(db, row.guid)!.id;
  let memo: MemoRow | null = null;
  if (memoRow) {
    if (memoByGuid(db, memoRow.guid)) conflict(ctx, `memo ${memoRow.guid} is already in the project`);
    memo = { ...memoRow, targetId: id };
    restoreMemoRow(db, memo);
  } else if (row.memo) {
    // An entry logged before memo rows were recorded: the memo comes back with a new GUID.
    restoreMemoRow(db, { guid: newGuid(), targetKind: 'coding', targetId: id, body: row.memo, createdAt: ctx.action.at, updatedAt: ctx.action.at });
    memo = memoFor(db, 'coding', id) ?? null;
  }
  if (log) ctx.action.log({ action: 'coding.apply', entity: 'coding', entityGuid: row.guid, after: { ...row, id, memo: row.memo ?? null, memoRow: memo } });
}

type Span = Pick<CodingWithMemo, 'start' | 'end' | 'codeId' | 'coderId' | 'documentId'>;

const spanMatches = (cur: CodingWithMemo, after: Span) =>
  cur.start === after.start && cur.end === after.end && cur.codeId === after.codeId && cur.coderId === after.coderId && cur.documentId === after.documentId;

function currentCoding(ctx: UndoContext, guid: string): CodingWithMemo {
  const cur = codingByGuid(ctx.action.db, guid);
  if (!cur) conflict(ctx, 'a coding it made has been removed since');
  return cur;
}

/** coding.apply → remove the coding again. */
const undoApply: Inverse = (ctx, e) => {
  const after = shaped<CodingSnapshot>(e.after ?? {});
  const cur = currentCoding(ctx, guidOf(ctx, e));
  if (!spanMatches(cur, after)) conflict(ctx, 'a coding it made has been changed since');
  if (!sameMemo(cur.memo, after.memo)) conflict(ctx, "a coding's memo has been edited since");
  removeCodingRow(ctx, cur);
};

/** coding.remove and coding.merge-away → the coding comes back. */
const undoRemove: Inverse = (ctx, e) => restoreCoding(ctx, (e.before ?? {}) as CodingSnapshot);

/** coding.update and coding.merge → the span and code it had before (its memo has its own event). */
const undoUpdate: Inverse = (ctx, e) => {
  const before = shaped<CodingWithMemo>(e.before ?? {});
  const cur = currentCoding(ctx, guidOf(ctx, e));
  if (!spanMatches(cur, { ...cur, ...pick(shaped<CodingWithMemo>(e.after ?? {})) })) conflict(ctx, 'a coding it changed has been changed again since');
  if (!codeById(ctx.action.db, before.codeId)) conflict(ctx, 'the code a coding had before has been deleted since');
  const back = { start: before.start, end: before.end, quote: before.quote, codeId: before.codeId, updatedAt: before.updatedAt ?? ctx.action.at };
  updateCoding(ctx.action.db, cur.id, back);
  ctx.action.log({ action: 'coding.update', entity: 'coding', entityGuid: cur.guid, before: cur, after: { ...cur, ...back } });
};

const pick = (a: Pick<CodingWithMemo, 'start' | 'end' | 'codeId'>) => ({ start: a.start, end: a.end, codeId: a.codeId });

/** What memo events log after the change: the text, and the item it is on. */
const memoAfter = (after: Logged | null) => shaped<{ body?: string | null; targetGuid?: string | null }>(after ?? {});

function memoOrConflict(ctx: UndoContext, guid: string): MemoRow {
  const m = memoByGuid(ctx.action.db, guid);
  if (!m) conflict(ctx, 'a memo it wrote has been deleted since');
  return m;
}

/** memo.create → delete the memo (unless it already went with its coding or code in this undo). */
const undoMemoCreate: Inverse = (ctx, e) => {
  const guid = guidOf(ctx, e);
  if (!memoByGuid(ctx.action.db, guid) && ctx.goneMemos.has(guid)) return;
  const m = memoOrConflict(ctx, guid);
  const after = memoAfter(e.after);
  if (!sameMemo(m.body, after.body)) conflict(ctx, 'a memo it wrote has been edited since');
  deleteMemoRow(ctx.action.db, m.id);
  ctx.action.log({ action: 'memo.delete', entity: 'memo', entityGuid: m.guid, before: m, after: { kind: m.targetKind, targetGuid: after.targetGuid ?? null } });
};

/** memo.update → the previous text (and time of the last edit). */
const undoMemoUpdate: Inverse = (ctx, e) => {
  const m = memoOrConflict(ctx, guidOf(ctx, e));
  const after = memoAfter(e.after);
  if (!sameMemo(m.body, after.body)) conflict(ctx, 'a memo it wrote has been edited since');
  const body = String(e.before?.body ?? '');
  const updatedAt = String(e.before?.updatedAt ?? ctx.action.at);
  updateMemo(ctx.action.db, m.id, body, updatedAt);
  ctx.action.log({
    action: 'memo.update',
    entity: 'memo',
    entityGuid: m.guid,
    before: { body: m.body, updatedAt: m.updatedAt },
    after: { body, updatedAt, kind: m.targetKind, targetGuid: after.targetGuid ?? null },
  });
};

/** memo.delete → the memo comes back on its item, with its GUID. */
const undoMemoDelete: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const row = (e.before ?? {}) as MemoRow;
  if (memoByGuid(db, row.guid)) conflict(ctx, 'a memo it deleted is back already');
  const targetGuid = memoAfter(e.after).targetGuid ?? null;
  const targetId = targetGuid || row.targetKind === 'project' ? memoTargetId(db, row.targetKind, targetGuid ?? '') : row.targetId;
  if (targetId === undefined) conflict(ctx, `the ${row.targetKind} a memo belonged to has been deleted since`);
  if (memoFor(db, row.targetKind, targetId)) conflict(ctx, `the ${row.targetKind} has a new memo since`);
  restoreMemoRow(db, { ...row, targetId });
  ctx.action.log({ action: 'memo.create', entity: 'memo', entityGuid: row.guid, after: { ...row, targetId, kind: row.targetKind, targetGuid } });
};

export const codingInverses: Record<string, Inverse> = {
  'coding.apply': undoApply,
  'coding.remove': undoRemove,
  'coding.merge-away': undoRemove,
  'coding.update': undoUpdate,
  'coding.merge': undoUpdate,
  'memo.create': undoMemoCreate,
  'memo.update': undoMemoUpdate,
  'memo.delete': undoMemoDelete,
};
