/**
 * Inverses of code book events. A deleted or merged-away code comes back with its GUID, id,
 * place, memo, codings and consensus decisions (logged as `code.restore`, whose inverse deletes
 * exactly that again); a created code is deleted only while nothing has been attached to it.
 */
import { childByName, codeById, deleteCodeRow, subtreeIds, updateCode, type CodeRow } from '../../../db/queries/codes.js';
import { deleteCodingRow } from '../../../db/queries/codings.js';
import { documentById } from '../../../db/queries/documents.js';
import { restoreCodeRows, restoreDecisionRows, restoreMemoRow, setCodePlace } from '../../../db/queries/restore.js';
import {
  codeByGuid,
  codeSnapshot,
  coderById,
  memoByGuid,
  restoreOrphanRows,
  type CodeSnapshot,
  type DecisionRow,
  type MemoRow,
} from '../../../db/queries/snapshots.js';
import { conflict, guidOf, sameMemo, shaped, type Inverse, type Logged, type UndoContext } from './context.js';
import { restoreCoding, type CodingSnapshot } from './codings.js';

const FIELDS = ['name', 'color', 'definition', 'inclusion', 'exclusion', 'example'] as const;

const sameFields = (a: Logged, b: Logged) => FIELDS.every((k) => a[k] === b[k]);

/** What must still be attached to a code for its creation or restore to be undone, compared by GUID. */
function fingerprint(s: Pick<CodeSnapshot, 'codings' | 'memos' | 'decisions'> & { codes: Logged[] }): string {
  const sorted = (xs: string[]) => JSON.stringify([...xs].sort());
  return [
    sorted(s.codes.map((c) => `${c.guid}|${FIELDS.map((k) => c[k]).join('|')}`)),
    sorted(s.codings.map((c) => `${c.guid}|${c.start}|${c.end}|${c.coderId}|${c.documentId}`)),
    sorted(s.memos.map((m) => `${m.guid}|${sameMemo(m.body, '') ? '' : m.body.replace(/\r\n?/g, '\n')}`)),
    sorted(s.decisions.map((d) => `${d.guid}|${d.updatedAt}`)),
  ].join('\n');
}

/** Deletes a code and its sub-codes if exactly `expected` is attached to them, logging code.delete. */
function deleteCodes(ctx: UndoContext, guid: string, expected: Pick<CodeSnapshot, 'codings' | 'memos' | 'decisions'> & { codes: Logged[] }): void {
  const { db } = ctx.action;
  const root = codeByGuid(db, guid);
  if (!root) conflict(ctx, 'a code it made has been deleted since');
  const ids = subtreeIds(db, root.id);
  const now = codeSnapshot(db, ids);
  if (fingerprint(now) !== fingerprint(expected)) {
    conflict(ctx, `code "${root.name}" has been changed, coded or given sub-codes since`);
  }
  for (const m of now.memos) ctx.goneMemos.add(m.guid);
  ctx.action.log({ action: 'code.delete', entity: 'code', entityGuid: root.guid, before: now });
  for (const c of now.codings) deleteCodingRow(db, c.id);
  for (const id of ids) deleteCodeRow(db, id);
}

/** Puts codes back (parents first) with their codings, memos and decisions; logs code.restore. */
function restoreCodes(ctx: UndoContext, rootGuid: string, snap: CodeSnapshot): void {
  const { db } = ctx.action;
  const codes = [...snap.codes].reverse();
  const root = codes.find((c) => c.guid === rootGuid) ?? codes[0];
  if (!root) conflict(ctx, 'the log entry holds no code');
  for (const c of codes) if (codeByGuid(db, c.guid) || codeById(db, c.id)) conflict(ctx, `code "${c.name}" is already in the code book`);
  if (root.parentId !== null && !codeById(db, root.parentId)) conflict(ctx, `the parent of "${root.name}" has been deleted since`);
  if (childByName(db, root.parentId, root.name)) conflict(ctx, `another code named "${root.name}" has been made in its place since`);
  restoreCodeRows(db, codes);
  const memosByCoding = new Map((snap.memos ?? []).filter((m) => m.targetKind === 'coding').map((m) => [m.targetId, m]));
  // Older log entries have no memo rows: restoreCoding then falls back to the memo text.
  for (const c of snap.codings) restoreCoding(ctx, { ...c, memoRow: snap.memos ? (memosByCoding.get(c.id) ?? null) : undefined } as CodingSnapshot, false);
  for (const m of (snap.memos ?? []).filter((m) => m.targetKind === 'code')) {
    if (memoByGuid(db, m.guid)) conflict(ctx, `memo ${m.guid} is already in the project`);
    restoreMemoRow(db, m);
  }
  restoreDecisions(ctx, snap.decisions ?? []);
  restoreOrphanRows(
    db,
    (snap.orphans ?? []).filter((o) => documentById(db, o.documentId) && coderById(db, o.coderId)),
  );
  ctx.action.log({
    action: 'code.restore',
    entity: 'code',
    entityGuid: root.guid,
    after: codeSnapshot(
      db,
      snap.codes.map((c) => c.id),
    ),
  });
}

export function restoreDecisions(ctx: UndoContext, rows: DecisionRow[]): void {
  const { db } = ctx.action;
  for (const d of rows) {
    const coders = [d.consensusCoderId, d.coderAId, d.coderBId];
    if (!documentById(db, d.documentId) || !codeById(db, d.codeId) || coders.some((id) => !coderById(db, id))) {
      conflict(ctx, 'a consensus decision refers to a document, code or coder deleted since');
    }
  }
  restoreDecisionRows(db, rows);
}

/** code.update → the fields it had before. */
const undoUpdate: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const cur = codeByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'a code it edited has been deleted since');
  if (!sameFields(cur, e.after ?? {})) conflict(ctx, `code "${cur.name}" has been edited again since`);
  const before = shaped<CodeRow>(e.before ?? {});
  const clash = childByName(db, cur.parentId, before.name);
  if (clash && clash.id !== cur.id) conflict(ctx, `another code named "${before.name}" is beside it now`);
  const back = Object.fromEntries(FIELDS.map((k) => [k, before[k]])) as Partial<CodeRow>;
  updateCode(db, cur.id, back);
  ctx.action.log({ action: 'code.update', entity: 'code', entityGuid: cur.guid, before: cur, after: { ...cur, ...back } });
};

/** Where code.move logs a code (a sibling's parentId is absent in older entries: the moved code's new parent). */
interface CodePlace {
  parentId?: number | null;
  position: number;
}

/** code.move → the old parent and position, and the old positions of the siblings it renumbered. */
const undoMove: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const before = shaped<CodePlace & { siblings?: (CodePlace & { guid: string })[] }>(e.before ?? {});
  const after = shaped<CodePlace>(e.after ?? {});
  const cur = codeByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'a code it moved has been deleted since');
  if (cur.parentId !== after.parentId || cur.position !== after.position) conflict(ctx, `code "${cur.name}" has been moved again since`);
  const parentId = before.parentId ?? null;
  if (parentId !== null && (!codeById(db, parentId) || subtreeIds(db, cur.id).includes(parentId)))
    conflict(ctx, `the old parent of "${cur.name}" is gone or has moved under it`);
  const clash = childByName(db, parentId, cur.name);
  if (clash && clash.id !== cur.id) conflict(ctx, `another code named "${cur.name}" is in its old place now`);
  const renumbered: { guid: string; parentId: number | null; position: number }[] = [];
  for (const s of before.siblings ?? []) {
    const row = codeByGuid(db, s.guid);
    // A sibling moved elsewhere since keeps its new place.
    if (!row || row.parentId !== (s.parentId === undefined ? after.parentId : s.parentId)) continue;
    renumbered.push({ guid: row.guid, parentId: row.parentId, position: row.position });
    setCodePlace(db, row.id, row.parentId, s.position);
  }
  setCodePlace(db, cur.id, parentId, before.position);
  ctx.action.log({
    action: 'code.move',
    entity: 'code',
    entityGuid: cur.guid,
    before: { parentId: cur.parentId, position: cur.position, siblings: renumbered },
    after: { parentId, position: before.position },
  });
};

/** code.create → delete it, while nothing is attached to it (beyond what the event itself restored). */
const undoCreate: Inverse = (ctx, e) => {
  const after = e.after ?? {};
  const memoRow = after.memoRow as MemoRow | undefined;
  deleteCodes(ctx, guidOf(ctx, e), { codes: [after], codings: [], memos: memoRow ? [memoRow] : [], decisions: [] });
};

/** code.restore (an undone delete or merge) → delete exactly what it restored. */
const undoRestore: Inverse = (ctx, e) => deleteCodes(ctx, guidOf(ctx, e), shaped<CodeSnapshot>(e.after));

/** code.delete → the codes, codings, memos and decisions come back. */
const undoDelete: Inverse = (ctx, e) => restoreCodes(ctx, guidOf(ctx, e), shaped<CodeSnapshot>(e.before));

/** code.merge → the merged-away code comes back (its codings and sub-codes return through their own events). */
const undoMerge: Inverse = (ctx, e) => {
  const { memoRow, decisions, ...row } = (e.before ?? {}) as CodeRow & { memoRow?: MemoRow | null; decisions?: DecisionRow[] };
  restoreCodes(ctx, guidOf(ctx, e), { codes: [row], codings: [], memos: memoRow ? [memoRow] : [], decisions: decisions ?? [] });
};

export const codeInverses: Record<string, Inverse> = {
  'code.create': undoCreate,
  'code.update': undoUpdate,
  'code.move': undoMove,
  'code.delete': undoDelete,
  'code.restore': undoRestore,
  'code.merge': undoMerge,
};
