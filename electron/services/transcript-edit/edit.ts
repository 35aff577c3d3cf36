/**
 * Correcting a transcript after coding (issue 13 point 5): a corrected whole text (diffed
 * against the stored one) or one replacement, previewed or applied as ONE action whose single
 * `document.editText` event holds both sides, so undo and redo restore it exactly.
 */
import { runAction } from '../../../db/action.js';
import type { Db } from '../../../db/open.js';
import { codeById } from '../../../db/queries/codes.js';
import { coderById } from '../../../db/queries/snapshots.js';
import { cueRows, orphansOf, turnRows } from '../../../db/queries/transcript-edit.js';
import type { DocumentMeta } from '../../../db/queries/documents.js';
import type { OrphanList, TextEditReport } from '../../../shared/api/types-transcript-edit.js';
import { fail } from '../../../shared/errors.js';
import { diffTexts } from '../../../shared/text/edit-diff.js';
import { checkHunks, invertHunks, type Hunk } from '../../../shared/text/edit-map.js';
import { normaliseText } from '../../../shared/text/normalise.js';
import { codeIndexOf } from '../code-index.js';
import { requireDocumentByGuid } from '../lookup.js';
import type { Session } from '../session.js';
import { planEdit } from './plan.js';
import { applySide, readSide } from './state.js';

export const EDIT_ACTION = 'document.editText';

export interface ReplaceRequest {
  find: string;
  replace: string;
  /** 1-based; required when `find` occurs more than once. */
  occurrence?: number;
}

/** The hunks for a corrected whole text, refusing what cannot be an edit. */
function hunksForText(doc: DocumentMeta, oldText: string, raw: string): { text: string; hunks: Hunk[] } {
  const text = normaliseText(raw);
  if (text.trim().length === 0) fail('invalid_input', `the corrected text of "${doc.name}" is empty; nothing was changed`);
  if (text === oldText) fail('invalid_input', `the corrected text is identical to the stored text of "${doc.name}"; nothing to change`);
  return { text, hunks: diffTexts(oldText, text) };
}

/** The hunks for replacing one occurrence of `find`, diffed inside that occurrence only. */
function hunksForReplace(doc: DocumentMeta, oldText: string, req: ReplaceRequest): { text: string; hunks: Hunk[] } {
  const find = normaliseText(req.find);
  const replace = normaliseText(req.replace);
  if (find.length === 0) fail('invalid_input', 'the text to replace is empty');
  if (find === replace) fail('invalid_input', `the replacement is identical to "${find}"; nothing to change`);
  const at: number[] = [];
  for (let i = oldText.indexOf(find); i >= 0; i = oldText.indexOf(find, i + find.length)) at.push(i);
  if (at.length === 0) fail('not_found', `"${find}" does not occur in "${doc.name}"`);
  const n = req.occurrence;
  if (n === undefined && at.length > 1)
    fail('invalid_input', `"${find}" occurs ${at.length} times in "${doc.name}"; say which with --occurrence 1..${at.length}`);
  if (n !== undefined && (n < 1 || n > at.length))
    fail('invalid_input', `occurrence ${n} is out of range: "${find}" occurs ${at.length} time${at.length === 1 ? '' : 's'} in "${doc.name}"`);
  const start = at[(n ?? 1) - 1]!;
  const hunks = diffTexts(find, replace).map((h) => ({ ...h, start: h.start + start, end: h.end + start }));
  const text = oldText.slice(0, start) + replace + oldText.slice(start + find.length);
  if (text.trim().length === 0) fail('invalid_input', `the corrected text of "${doc.name}" would be empty; nothing was changed`);
  return { text, hunks };
}

type Source = { text: string } | ReplaceRequest;

function hunksFor(doc: DocumentMeta, oldText: string, source: Source) {
  const r = 'text' in source ? hunksForText(doc, oldText, source.text) : hunksForReplace(doc, oldText, source);
  try {
    checkHunks(oldText, r.hunks);
  } catch (err) {
    fail('invalid_input', `cannot edit "${doc.name}": ${(err as Error).message}`);
  }
  return r;
}

/** What the edit would do, without changing anything. */
export function previewEdit(session: Session, documentGuid: string, source: Source): TextEditReport {
  const { db } = session.project;
  const doc = requireDocumentByGuid(db, documentGuid);
  const old = readSide({ db }, doc);
  const { text, hunks } = hunksFor(doc, old.text, source);
  return planEdit(db, doc, old, text, hunks).report;
}

export function editText(session: Session, documentGuid: string, source: Source): TextEditReport {
  return runAction(session.project, session.actor, (action) => {
    const doc = requireDocumentByGuid(action.db, documentGuid);
    const old = readSide(action, doc);
    const { text, hunks } = hunksFor(doc, old.text, source);
    const { to, report } = planEdit(action.db, doc, old, text, hunks);
    const { text: oldText, ...before } = old;
    applySide(action, doc, oldText, before, to);
    // New turns, cues and orphans got fresh ids: log the rows as written.
    to.turns = turnRows(action.db, doc.id);
    to.cues = cueRows(action.db, doc.id);
    to.codings = readSide(action, doc).codings;
    action.log({
      action: EDIT_ACTION,
      entity: 'document',
      entityGuid: doc.guid,
      before: { ...before, hunks: invertHunks(oldText, hunks) },
      after: { ...to, counts: report.counts },
    });
    return { ...report, applied: true };
  });
}

export function listOrphans(session: Session, documentGuid: string): OrphanList {
  const { db } = session.project;
  const doc = requireDocumentByGuid(db, documentGuid);
  return { document: doc.name, documentGuid: doc.guid, orphans: orphansOf(db, doc.id).map((o) => orphanView(db, o)) };
}

function orphanView(db: Db, o: ReturnType<typeof orphansOf>[number]) {
  const code = codeIndexOf(db).byId.get(o.codeId);
  const coder = coderById(db, o.coderId);
  return {
    guid: o.guid,
    code: code?.path ?? codeById(db, o.codeId)?.name ?? '?',
    codeGuid: code?.guid ?? '',
    coder: coder?.name ?? '?',
    coderGuid: coder?.guid ?? '',
    quote: o.quote,
    at: o.at,
    orphanedAt: o.orphanedAt,
  };
}
