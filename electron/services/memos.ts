/** Memos on the project, documents, codes, codings and cases: one per target, empty body removes it. */
import { runAction, type Action } from '../../db/action.js';
import type { Db } from '../../db/open.js';
import { memoFor, deleteMemoRow, insertMemo, listMemos, updateMemo } from '../../db/queries/memos.js';
import { getMeta } from '../../db/queries/meta.js';
import { caseByName } from '../../db/queries/cases.js';
import { newGuid } from '../../shared/ids.js';
import { fail } from '../../shared/errors.js';
import type { MemoTarget } from '../../shared/types.js';
import { requireCode, requireDocument } from './lookup.js';
import type { Session } from './session.js';

/** Writes (or clears) the memo of one target inside an action, logging before/after. */
export function writeMemo(action: Action, kind: MemoTarget, targetId: number, targetGuid: string | null, body: string): void {
  const existing = memoFor(action.db, kind, targetId);
  const text = body.replace(/\r\n?/g, '\n');
  if (existing && existing.body === text) return;
  if (!text.trim()) {
    if (!existing) return;
    deleteMemoRow(action.db, existing.id);
    action.log({ action: 'memo.delete', entity: 'memo', entityGuid: existing.guid, before: existing, after: { kind, targetGuid } });
    return;
  }
  if (existing) {
    updateMemo(action.db, existing.id, text, action.at);
    action.log({
      action: 'memo.update',
      entity: 'memo',
      entityGuid: existing.guid,
      before: { body: existing.body, updatedAt: existing.updatedAt },
      after: { body: text, kind, targetGuid },
    });
    return;
  }
  const guid = newGuid();
  insertMemo(action.db, { guid, targetKind: kind, targetId, body: text, createdAt: action.at, updatedAt: action.at });
  action.log({ action: 'memo.create', entity: 'memo', entityGuid: guid, after: { body: text, kind, targetGuid } });
}

export interface MemoTargetRef {
  kind: MemoTarget;
  /** Document name, code path or case name; ignored for the project memo. Codings use their own service. */
  name?: string;
}

function resolve(db: Db, ref: MemoTargetRef): { id: number; guid: string | null } {
  switch (ref.kind) {
    case 'project':
      return { id: 0, guid: getMeta(db, 'guid') ?? null };
    case 'document': {
      const d = requireDocument(db, ref.name ?? '');
      return { id: d.id, guid: d.guid };
    }
    case 'code': {
      const c = requireCode(db, ref.name ?? '');
      return { id: c.id, guid: c.guid };
    }
    case 'case': {
      const c = caseByName(db, ref.name ?? '');
      if (!c) fail('not_found', `case "${ref.name}" is not in this project`);
      return { id: c.id, guid: c.guid };
    }
    default:
      return fail('invalid_input', `memos on ${ref.kind} are set through their own command`);
  }
}

export function setMemo(session: Session, ref: MemoTargetRef, body: string): void {
  runAction(session.project, session.actor, (action) => {
    const t = resolve(action.db, ref);
    writeMemo(action, ref.kind, t.id, t.guid, body);
  });
}

export function getMemo(session: Session, ref: MemoTargetRef): string | null {
  const t = resolve(session.project.db, ref);
  return memoFor(session.project.db, ref.kind, t.id)?.body ?? null;
}

export function memos(session: Session) {
  return listMemos(session.project.db);
}
