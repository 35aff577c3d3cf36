/**
 * Applying, removing, resizing and recoding codings. A coding of a code that overlaps or
 * touches another coding of the same code by the same coder is merged into it (as NVivo does);
 * different codes overlap freely.
 */
import { runAction, type Action } from '../../db/action.js';
import { coderByName, insertCoder } from '../../db/queries/coders.js';
import {
  codingByGuid,
  deleteCodingRow,
  insertCoding,
  touchingCodings,
  updateCoding,
  type CodingWithMemo,
} from '../../db/queries/codings.js';
import { documentById, documentText } from '../../db/queries/documents.js';
import { memoFor } from '../../db/queries/memos.js';
import { fail } from '../../shared/errors.js';
import { newGuid } from '../../shared/ids.js';
import type { CoderRecord } from '../../shared/types.js';
import { codeIndex, requireCode, requireCoder, requireDocument } from './lookup.js';
import { writeMemo } from './memos.js';
import { joinMemos } from './placement.js';
import type { Session } from './session.js';

export interface ApplyRequest {
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
  memo?: string | null;
}

export interface ApplyResult {
  guid: string;
  start: number;
  end: number;
  /** GUIDs of existing codings this one was merged with (they are gone; the first one's GUID is kept). */
  mergedWith: string[];
}

export function checkSpan(docName: string, length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail('invalid_input', `${docName}: offsets must be whole numbers (got ${start}, ${end})`);
  if (start < 0 || end > length) fail('invalid_input', `${docName}: span ${start}–${end} is outside the document (length ${length})`);
  if (start >= end) fail('invalid_input', `${docName}: start (${start}) must be less than end (${end})`);
}


/** Core of apply/resize/recode: writes [start,end) for (doc, code, coder), absorbing touching codings. */
export function placeCoding(
  action: Action,
  p: { documentId: number; codeId: number; coderId: number; start: number; end: number; memo?: string | null; keep?: CodingWithMemo },
  text: string,
): ApplyResult {
  const { db } = action;
  const touching = touchingCodings(db, p.documentId, p.codeId, p.coderId, p.start, p.end).filter((c) => c.id !== p.keep?.id);
  let start = p.start;
  let end = p.end;
  for (const c of touching) {
    start = Math.min(start, c.start);
    end = Math.max(end, c.end);
  }
  const survivor = p.keep ?? touching[0];
  const absorbed = touching.filter((c) => c.id !== survivor?.id);
  const memo = joinMemos([survivor?.memo, ...absorbed.map((c) => c.memo), p.memo]);
  for (const c of absorbed) {
    // memoRow: the memo row goes with the coding (trigger); undo puts it back with its GUID.
    action.log({ action: 'coding.merge-away', entity: 'coding', entityGuid: c.guid, before: { ...c, memoRow: memoFor(db, 'coding', c.id) ?? null }, after: { mergedInto: survivor?.guid } });
    deleteCodingRow(db, c.id);
  }
  const quote = text.slice(start, end);
  if (survivor) {
    updateCoding(db, survivor.id, { start, end, quote, codeId: p.codeId, updatedAt: action.at });
    if ((memo ?? null) !== (survivor.memo ?? null)) writeMemo(action, 'coding', survivor.id, survivor.guid, memo ?? '');
    action.log({
      action: p.keep ? 'coding.update' : 'coding.merge',
      entity: 'coding',
      entityGuid: survivor.guid,
      before: survivor,
      after: { ...survivor, codeId: p.codeId, start, end, quote, memo },
    });
    return { guid: survivor.guid, start, end, mergedWith: touching.map((c) => c.guid) };
  }
  const guid = newGuid();
  const row = { guid, documentId: p.documentId, codeId: p.codeId, coderId: p.coderId, start, end, quote, createdAt: action.at, updatedAt: action.at };
  const id = insertCoding(db, row);
  if (memo) writeMemo(action, 'coding', id, guid, memo);
  action.log({ action: 'coding.apply', entity: 'coding', entityGuid: guid, after: { ...row, memo } });
  return { guid, start, end, mergedWith: [] };
}

export function ensureCoder(action: Action, name: string): CoderRecord {
  const trimmed = name.trim();
  if (!trimmed) fail('invalid_input', 'a coder name cannot be empty');
  const existing = coderByName(action.db, trimmed);
  if (existing) return existing;
  const guid = newGuid();
  const id = insertCoder(action.db, { guid, name: trimmed, createdAt: action.at });
  action.log({ action: 'coder.create', entity: 'coder', entityGuid: guid, after: { name: trimmed } });
  return { id, guid, name: trimmed };
}

export function addCoder(session: Session, name: string): CoderRecord {
  return runAction(session.project, session.actor, (action) => {
    if (coderByName(action.db, name.trim())) fail('duplicate', `coder "${name.trim()}" already exists`);
    return ensureCoder(action, name);
  });
}

export function applyCoding(session: Session, req: ApplyRequest): ApplyResult {
  return runAction(session.project, session.actor, (action) => {
    const { db } = action;
    const doc = requireDocument(db, req.document);
    const code = requireCode(db, req.code);
    const coder = requireCoder(db, req.coder);
    checkSpan(doc.name, doc.length, req.start, req.end);
    return placeCoding(action, { documentId: doc.id, codeId: code.id, coderId: coder.id, start: req.start, end: req.end, memo: req.memo ?? null }, documentText(db, doc.id));
  });
}

function requireCoding(action: Action, guid: string): CodingWithMemo {
  const c = codingByGuid(action.db, guid);
  if (!c) fail('not_found', `coding ${guid} is not in this project`);
  return c;
}

export function removeCoding(session: Session, guid: string): void {
  runAction(session.project, session.actor, (action) => {
    const c = requireCoding(action, guid);
    const memoRow = memoFor(action.db, 'coding', c.id) ?? null;
    deleteCodingRow(action.db, c.id);
    action.log({ action: 'coding.remove', entity: 'coding', entityGuid: c.guid, before: { ...c, memoRow } });
  });
}

export function resizeCoding(session: Session, guid: string, start: number, end: number): ApplyResult {
  return runAction(session.project, session.actor, (action) => {
    const c = requireCoding(action, guid);
    const doc = documentById(action.db, c.documentId);
    if (!doc) fail('not_found', `the document of coding ${guid} is gone`);
    checkSpan(doc.name, doc.length, start, end);
    return placeCoding(action, { documentId: c.documentId, codeId: c.codeId, coderId: c.coderId, start, end, keep: c }, documentText(action.db, doc.id));
  });
}

export function recodeCoding(session: Session, guid: string, codePath: string): ApplyResult {
  return runAction(session.project, session.actor, (action) => {
    const c = requireCoding(action, guid);
    const code = requireCode(action.db, codePath, codeIndex(action.db));
    return placeCoding(action, { documentId: c.documentId, codeId: code.id, coderId: c.coderId, start: c.start, end: c.end, keep: c }, documentText(action.db, c.documentId));
  });
}

export function setCodingMemo(session: Session, guid: string, body: string): void {
  runAction(session.project, session.actor, (action) => {
    const c = requireCoding(action, guid);
    writeMemo(action, 'coding', c.id, c.guid, body);
  });
}
