/**
 * Inverses of document, case and coder events. A deleted document comes back whole (GUID, id,
 * text, turns, cues, search chunks, speaker cases, codings with their memos, decisions) and is
 * logged as `document.restore`; an imported or restored document is deleted again only while
 * nothing beyond what came with it is attached.
 */
import { caseByName } from '../../../db/queries/cases.js';
import { codeById } from '../../../db/queries/codes.js';
import { coderByName } from '../../../db/queries/coders.js';
import { deleteDocumentRow, documentByName, renameDocumentRow, setDocumentCase } from '../../../db/queries/documents.js';
import { deleteCaseRow, deleteCoderRow, restoreCaseRow, restoreCoderRow, restoreDocumentRows, restoreMemoRow } from '../../../db/queries/restore.js';
import {
  caseByGuid,
  caseById,
  caseUses,
  coderByGuid,
  coderById,
  coderUses,
  documentByGuid,
  documentSnapshot,
  memoByGuid,
  restoreOrphanRows,
  type CaseRow,
  type CoderRow,
  type DocumentSnapshot,
} from '../../../db/queries/snapshots.js';
import { restoreDecisions } from './codes.js';
import { restoreCoding, type CodingSnapshot } from './codings.js';
import { conflict, guidOf, shaped, type Inverse, type Logged, type UndoContext } from './context.js';

/** A document snapshot, or the part of one document.import logs (name and case only). */
interface Attached {
  name?: unknown;
  caseId?: unknown;
  codings?: unknown;
  memos?: unknown;
  speakerCases?: unknown;
  decisions?: unknown;
}

/** What is attached to a document, compared by GUID (and span) when undoing its import or restore. */
function fingerprint(d: Attached): string {
  const sorted = (xs: string[]) => JSON.stringify([...xs].sort());
  return [
    d.name,
    d.caseId ?? null,
    sorted(((d.codings ?? []) as Logged[]).map((c) => `${c.guid}|${c.start}|${c.end}|${c.codeId}|${c.coderId}`)),
    sorted(((d.memos ?? []) as Logged[]).map((m) => `${m.guid}|${m.body}`)),
    sorted(((d.speakerCases ?? []) as Logged[]).map((s) => `${s.speaker}|${s.caseId}`)),
    sorted(((d.decisions ?? []) as Logged[]).map((x) => `${x.guid}|${x.updatedAt}`)),
  ].join('\n');
}

function deleteDocumentExpecting(ctx: UndoContext, guid: string, expected: Attached): void {
  const { project } = ctx.action;
  const cur = documentByGuid(project.db, guid);
  if (!cur) conflict(ctx, 'a document it added has been deleted since');
  const now = documentSnapshot(project, cur);
  if (fingerprint(now) !== fingerprint(expected)) conflict(ctx, `"${cur.name}" has been renamed, coded or given memos since`);
  for (const m of now.memos) ctx.goneMemos.add(m.guid);
  ctx.action.log({ action: 'document.delete', entity: 'document', entityGuid: guid, before: now });
  deleteDocumentRow(project.db, cur.id);
}

function restoreDocument(ctx: UndoContext, snap: DocumentSnapshot): void {
  const { project } = ctx.action;
  const { db } = project;
  if (documentByGuid(db, snap.guid)) conflict(ctx, `"${snap.name}" is already in the project`);
  if (documentByName(db, snap.name)) conflict(ctx, `another document is named "${snap.name}" now`);
  if (snap.caseId !== null && !caseById(db, snap.caseId)) conflict(ctx, `the case of "${snap.name}" has been deleted since`);
  const speakerCases = snap.speakerCases ?? [];
  if (speakerCases.some((s) => !caseById(db, s.caseId))) conflict(ctx, `a case of a speaker in "${snap.name}" has been deleted since`);
  restoreDocumentRows(project, { doc: snap, text: snap.text, turns: snap.turns, cues: snap.cues, speakerCases, chunks: snap.chunks });
  const memos = snap.memos;
  const codingMemos = new Map((memos ?? []).filter((m) => m.targetKind === 'coding').map((m) => [m.targetId, m]));
  for (const c of snap.codings) restoreCoding(ctx, { ...c, memoRow: memos ? (codingMemos.get(c.id) ?? null) : undefined } as CodingSnapshot, false);
  for (const m of (memos ?? []).filter((m) => m.targetKind === 'document')) {
    if (memoByGuid(db, m.guid)) conflict(ctx, `memo ${m.guid} is already in the project`);
    restoreMemoRow(db, { ...m, targetId: snap.id });
  }
  restoreDecisions(ctx, snap.decisions ?? []);
  restoreOrphanRows(
    db,
    (snap.orphans ?? []).filter((o) => codeById(db, o.codeId) && coderById(db, o.coderId)),
  );
  ctx.action.log({ action: 'document.restore', entity: 'document', entityGuid: snap.guid, after: documentSnapshot(project, documentByGuid(db, snap.guid)!) });
}

/** document.import → delete it again, while nothing has been attached to it. */
const undoImport: Inverse = (ctx, e) => deleteDocumentExpecting(ctx, guidOf(ctx, e), { name: e.after?.name, caseId: e.after?.caseId ?? null });

const undoRestore: Inverse = (ctx, e) => deleteDocumentExpecting(ctx, guidOf(ctx, e), e.after ?? {});

const undoDelete: Inverse = (ctx, e) => restoreDocument(ctx, shaped<DocumentSnapshot>(e.before));

const undoRename: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const cur = documentByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'the document has been deleted since');
  if (cur.name !== e.after?.name) conflict(ctx, `"${cur.name}" has been renamed again since`);
  const old = String(e.before?.name ?? '');
  const clash = documentByName(db, old);
  if (clash && clash.id !== cur.id) conflict(ctx, `another document is named "${old}" now`);
  renameDocumentRow(db, cur.id, old);
  ctx.action.log({ action: 'document.rename', entity: 'document', entityGuid: cur.guid, before: { name: cur.name }, after: { name: old } });
};

const undoDocumentCase: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const cur = documentByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'the document has been deleted since');
  if (cur.caseId !== (e.after?.caseId ?? null)) conflict(ctx, `the case of "${cur.name}" has been changed again since`);
  const caseId = shaped<{ caseId?: number | null }>(e.before ?? {}).caseId ?? null;
  const old = caseId === null ? undefined : caseById(db, caseId);
  if (caseId !== null && !old) conflict(ctx, `the former case of "${cur.name}" has been deleted since`);
  setDocumentCase(db, cur.id, caseId);
  ctx.action.log({
    action: 'document.case',
    entity: 'document',
    entityGuid: cur.guid,
    before: { caseId: cur.caseId },
    after: { caseId, caseName: old?.name ?? null },
  });
};

const undoCaseCreate: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const cur = caseByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'a case it made has been deleted since');
  if (caseUses(db, cur.id) > 0) conflict(ctx, `case "${cur.name}" has been used since`);
  deleteCaseRow(db, cur.id);
  ctx.action.log({ action: 'case.delete', entity: 'case', entityGuid: cur.guid, before: cur });
};

const undoCaseDelete: Inverse = (ctx, e) => {
  const row = e.before as CaseRow;
  if (caseByGuid(ctx.action.db, row.guid) || caseByName(ctx.action.db, row.name)) conflict(ctx, `a case named "${row.name}" is in the project now`);
  restoreCaseRow(ctx.action.db, row);
  ctx.action.log({ action: 'case.create', entity: 'case', entityGuid: row.guid, after: row });
};

const undoCoderCreate: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const cur = coderByGuid(db, guidOf(ctx, e));
  if (!cur) conflict(ctx, 'a coder it added is no longer in the project');
  if (coderUses(db, cur.id) > 0) conflict(ctx, `coder "${cur.name}" has coded since`);
  deleteCoderRow(db, cur.id);
  ctx.action.log({ action: 'coder.delete', entity: 'coder', entityGuid: cur.guid, before: cur });
};

const undoCoderDelete: Inverse = (ctx, e) => {
  const row = e.before as CoderRow;
  if (coderByGuid(ctx.action.db, row.guid) || coderByName(ctx.action.db, row.name)) conflict(ctx, `a coder named "${row.name}" is in the project now`);
  restoreCoderRow(ctx.action.db, row);
  ctx.action.log({ action: 'coder.create', entity: 'coder', entityGuid: row.guid, after: row });
};

export const documentInverses: Record<string, Inverse> = {
  'document.import': undoImport,
  'document.restore': undoRestore,
  'document.delete': undoDelete,
  'document.rename': undoRename,
  'document.case': undoDocumentCase,
  'case.create': undoCaseCreate,
  'case.delete': undoCaseDelete,
  'coder.create': undoCoderCreate,
  'coder.delete': undoCoderDelete,
};
