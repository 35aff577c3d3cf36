/**
 * Applying, removing, resizing and recoding codings. The span-union rule (touching codings of
 * one code and coder become one) is in placement.ts.
 */
import { runAction, type Action } from '../../db/action.js';
import { coderByName, insertCoder } from '../../db/queries/coders.js';
import { codingByGuid, deleteCodingRow, type CodingWithMemo } from '../../db/queries/codings.js';
import { documentById, documentText } from '../../db/queries/documents.js';
import { memoFor } from '../../db/queries/memos.js';
import { fail } from '../../shared/errors.js';
import { newGuid } from '../../shared/ids.js';
import type { CoderRecord } from '../../shared/types.js';
import { codeIndex, requireCode, requireCoder, requireDocument } from './lookup.js';
import { writeMemo } from './memos.js';
import { placeCoding, type ApplyResult } from './placement.js';
import type { Session } from './session.js';

export type { ApplyResult };

export interface ApplyRequest {
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
  memo?: string | null;
}

export function checkSpan(docName: string, length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail('invalid_input', `${docName}: offsets must be whole numbers (got ${start}, ${end})`);
  if (start < 0 || end > length) fail('invalid_input', `${docName}: span ${start}–${end} is outside the document (length ${length})`);
  if (start >= end) fail('invalid_input', `${docName}: start (${start}) must be less than end (${end})`);
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
    return placeCoding(
      action,
      { documentId: doc.id, codeId: code.id, coderId: coder.id, start: req.start, end: req.end, memo: req.memo ?? null },
      documentText(db, doc.id),
    );
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
    return placeCoding(
      action,
      { documentId: c.documentId, codeId: code.id, coderId: c.coderId, start: c.start, end: c.end, keep: c },
      documentText(action.db, c.documentId),
    );
  });
}

export function setCodingMemo(session: Session, guid: string, body: string): void {
  runAction(session.project, session.actor, (action) => {
    const c = requireCoding(action, guid);
    writeMemo(action, 'coding', c.id, c.guid, body);
  });
}
