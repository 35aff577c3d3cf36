/** The hierarchical code book: create, edit, move, reorder, merge, delete. */
import { runAction, type Action } from '../../db/action.js';
import {
  childByName,
  codeById,
  countCodingsOfCodes,
  deleteCodeRow,
  insertCode,
  listCodes,
  nextPosition,
  siblings,
  subtreeIds,
  updateCode,
  type CodeRow,
} from '../../db/queries/codes.js';
import { deleteCodingRow, findCodings } from '../../db/queries/codings.js';
import { documentText } from '../../db/queries/documents.js';
import { memoFor } from '../../db/queries/memos.js';
import { codeSnapshot, decisionsWhere } from '../../db/queries/snapshots.js';
import { normaliseColor, pickColor, validateCodeName } from '../../shared/codebook/tree.js';
import { fail } from '../../shared/errors.js';
import { newGuid } from '../../shared/ids.js';
import type { CodeRecord } from '../../shared/types.js';
import { placeCoding } from './placement.js';
import { codeIndexOf } from './code-index.js';
import { requireCode } from './lookup.js';
import { writeMemo } from './memos.js';
import type { Session } from './session.js';

export interface CodeFields {
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

/** The code book in tree order, from the cached index: read it, do not mutate it. */
export function codebook(session: Session): readonly CodeRecord[] {
  return codeIndexOf(session.project.db).list;
}

function parentIdOf(action: Action, parentPath: string | null | undefined): number | null {
  return parentPath ? requireCode(action.db, parentPath).id : null;
}

function cleanFields(f: CodeFields): CodeFields {
  const out: CodeFields = {};
  if (f.color !== undefined) out.color = normaliseColor(f.color);
  for (const k of ['definition', 'inclusion', 'exclusion', 'example'] as const) if (f[k] !== undefined) out[k] = f[k];
  return out;
}

/** Creates a code inside an action (also used by code book import and project init). */
export function insertNewCode(action: Action, parentId: number | null, name: string, fields: CodeFields = {}, guid?: string): CodeRow {
  const clean = name.trim();
  validateCodeName(clean);
  if (childByName(action.db, parentId, clean)) {
    fail('duplicate', `a code named "${clean}" already exists here`);
  }
  const count = listCodes(action.db).length;
  const row = {
    guid: guid ?? newGuid(),
    parentId,
    name: clean,
    color: fields.color ? normaliseColor(fields.color) : pickColor(count),
    definition: fields.definition ?? '',
    inclusion: fields.inclusion ?? '',
    exclusion: fields.exclusion ?? '',
    example: fields.example ?? '',
    position: nextPosition(action.db, parentId),
    createdAt: action.at,
  };
  const id = insertCode(action.db, row);
  action.log({ action: 'code.create', entity: 'code', entityGuid: row.guid, after: row });
  return { ...row, id };
}

export function createCode(session: Session, parentPath: string | null, name: string, fields: CodeFields = {}): CodeRecord {
  return runAction(session.project, session.actor, (action) => {
    const row = insertNewCode(action, parentIdOf(action, parentPath), name, fields);
    return codeIndexOf(action.db).byId.get(row.id)!;
  });
}

export function updateCodeFields(session: Session, path: string, fields: CodeFields & { name?: string }): void {
  runAction(session.project, session.actor, (action) => {
    const code = requireCode(action.db, path);
    const patch: Partial<CodeRow> = cleanFields(fields);
    if (fields.name !== undefined) {
      const name = fields.name.trim();
      validateCodeName(name);
      const clash = childByName(action.db, code.parentId, name);
      if (clash && clash.id !== code.id) fail('duplicate', `a code named "${name}" already exists beside "${code.path}"`);
      patch.name = name;
    }
    updateCode(action.db, code.id, patch);
    action.log({ action: 'code.update', entity: 'code', entityGuid: code.guid, before: code, after: { ...code, ...patch } });
  });
}

export const renameCode = (s: Session, path: string, name: string) => updateCodeFields(s, path, { name });
export const recolorCode = (s: Session, path: string, color: string) => updateCodeFields(s, path, { color });

/** Moves a code (with its subtree) under a new parent (null = top level), at a position among its new siblings. */
export function moveCode(session: Session, path: string, newParentPath: string | null, position?: number): void {
  runAction(session.project, session.actor, (action) => {
    const code = requireCode(action.db, path);
    const parentId = parentIdOf(action, newParentPath);
    if (parentId !== null && subtreeIds(action.db, code.id).includes(parentId)) {
      fail('invalid_input', `cannot move "${code.path}" under itself or one of its sub-codes`);
    }
    const clash = childByName(action.db, parentId, code.name);
    if (clash && clash.id !== code.id) fail('duplicate', `a code named "${code.name}" already exists under "${newParentPath ?? 'the top level'}"`);
    const others = siblings(action.db, parentId).filter((s) => s.id !== code.id);
    // The new siblings are renumbered; their old positions let undo put them back exactly.
    const renumbered = others.map((s) => ({ guid: s.guid, position: s.position }));
    const at = Math.max(0, Math.min(position ?? others.length, others.length));
    others.splice(at, 0, { ...(codeById(action.db, code.id) as CodeRow) });
    others.forEach((s, i) => updateCode(action.db, s.id, s.id === code.id ? { parentId, position: i } : { position: i }));
    action.log({
      action: 'code.move',
      entity: 'code',
      entityGuid: code.guid,
      before: { parentId: code.parentId, position: code.position, siblings: renumbered },
      after: { parentId, position: at },
    });
  });
}

export function reorderCode(session: Session, path: string, position: number): void {
  const code = requireCode(session.project.db, path);
  const parent = code.parentId === null ? null : (codeIndexOf(session.project.db).byId.get(code.parentId)?.path ?? null);
  moveCode(session, path, parent, position);
}

/** What deleting a code would take with it, shown before the user confirms. */
export function codeDeletionImpact(session: Session, path: string): { guid: string; code: string; subcodes: number; codings: number } {
  const code = requireCode(session.project.db, path);
  const ids = subtreeIds(session.project.db, code.id);
  return { guid: code.guid, code: code.path, subcodes: ids.length - 1, codings: countCodingsOfCodes(session.project.db, ids) };
}

export function deleteCode(session: Session, path: string): { guid: string; code: string; subcodes: number; codings: number } {
  return runAction(session.project, session.actor, (action) => {
    const code = requireCode(action.db, path);
    const ids = subtreeIds(action.db, code.id);
    // Codes, codings, their memos and consensus decisions: what undo needs to restore them all.
    const before = codeSnapshot(action.db, ids);
    action.log({ action: 'code.delete', entity: 'code', entityGuid: code.guid, before });
    for (const c of before.codings) deleteCodingRow(action.db, c.id);
    for (const id of ids) deleteCodeRow(action.db, id);
    return { guid: code.guid, code: code.path, subcodes: ids.length - 1, codings: before.codings.length };
  });
}

/**
 * Merges `sourcePath` into `targetPath`: its codings move to the target (touching or identical
 * codings of one coder collapse into one), its sub-codes move under the target (merging with
 * same-named ones), its memo is appended to the target's, then the source is deleted.
 */
export function mergeCode(session: Session, sourcePath: string, targetPath: string): { moved: number; collapsed: number } {
  return runAction(session.project, session.actor, (action) => {
    const source = requireCode(action.db, sourcePath);
    const target = requireCode(action.db, targetPath);
    if (subtreeIds(action.db, source.id).includes(target.id)) fail('invalid_input', `cannot merge "${source.path}" into itself or one of its sub-codes`);
    const stats = { moved: 0, collapsed: 0 };
    mergeInto(action, source.id, target.id, stats);
    return stats;
  });
}

function mergeInto(action: Action, sourceId: number, targetId: number, stats: { moved: number; collapsed: number }): void {
  const { db } = action;
  const source = codeById(db, sourceId)!;
  const target = codeById(db, targetId)!;
  const texts = new Map<number, string>();
  for (const c of findCodings(db, { codeIds: [sourceId] })) {
    const text = texts.get(c.documentId) ?? documentText(db, c.documentId);
    texts.set(c.documentId, text);
    // keep: the coding keeps its GUID; touching target codings of the same coder fold into it.
    const r = placeCoding(action, { documentId: c.documentId, codeId: targetId, coderId: c.coderId, start: c.start, end: c.end, keep: c }, text);
    stats.moved += 1;
    if (r.mergedWith.length) stats.collapsed += 1;
  }
  for (const child of siblings(db, sourceId)) {
    const same = childByName(db, targetId, child.name);
    if (same) mergeInto(action, child.id, same.id, stats);
    else {
      const place = { parentId: targetId, position: nextPosition(db, targetId) };
      updateCode(db, child.id, place);
      action.log({
        action: 'code.move',
        entity: 'code',
        entityGuid: child.guid,
        before: { parentId: child.parentId, position: child.position, siblings: [] },
        after: place,
      });
    }
  }
  const memo = memoFor(db, 'code', sourceId);
  if (memo) {
    const mine = memoFor(db, 'code', targetId)?.body;
    writeMemo(action, 'code', targetId, target.guid, mine ? `${mine}\n\n${memo.body}` : memo.body);
  }
  // The source's memo and consensus decisions go with it (cascade); logged so undo can restore them.
  const memoRow = memoFor(db, 'code', sourceId) ?? null;
  const decisions = decisionsWhere(db, { codeIds: [sourceId] });
  action.log({ action: 'code.merge', entity: 'code', entityGuid: source.guid, before: { ...source, memoRow, decisions }, after: { mergedInto: target.guid } });
  deleteCodeRow(db, sourceId);
}
