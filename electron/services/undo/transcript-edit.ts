/**
 * Inverse of a transcript correction (`document.editText`): the same write with the two sides
 * swapped, refused unless the document is exactly as the correction left it (same text, same
 * codings and orphans). The undo logs the swapped event, so redo is this inverse again.
 */
import { documentByGuid, documentText } from '../../../db/queries/documents.js';
import { codingsDiffer, readSide, applySide, type Side } from '../transcript-edit/state.js';
import { conflict, guidOf, shaped, type Inverse } from './context.js';

const undoTextEdit: Inverse = (ctx, e) => {
  const { action } = ctx;
  const doc = documentByGuid(action.db, guidOf(ctx, e));
  if (!doc) conflict(ctx, 'the document has been deleted since');
  const from = shaped<Side>(e.after);
  const to = shaped<Side>(e.before);
  if (doc.contentHash !== from.contentHash || doc.length !== from.length) conflict(ctx, `the text of "${doc.name}" has been changed again since`);
  const current = readSide(action, doc);
  const why = codingsDiffer(current.codings, from.codings);
  if (why) conflict(ctx, `"${doc.name}": ${why}`);
  const text = applySide(action, doc, documentText(action.db, doc.id), { ...from, codings: current.codings }, to);
  if (text.length !== to.length) conflict(ctx, `the text of "${doc.name}" does not match the log`);
  action.log({ action: e.action, entity: 'document', entityGuid: doc.guid, before: e.after, after: e.before });
};

export const transcriptEditInverses: Record<string, Inverse> = { 'document.editText': undoTextEdit };
