/** Handlers for the methods in shared/api/methods/transcript-edit.ts. */
import type { transcriptEditMethods } from '../../../shared/api/methods/transcript-edit.js';
import { editText, listOrphans, previewEdit, type ReplaceRequest } from '../../services/transcript-edit/edit.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type TranscriptEditMethod = keyof typeof transcriptEditMethods;

type EditArgs = { document: string; text?: string; find?: string; replace?: string; occurrence?: number };

const sourceOf = (a: EditArgs): { text: string } | ReplaceRequest =>
  a.text !== undefined ? { text: a.text } : { find: a.find!, replace: a.replace ?? '', ...(a.occurrence !== undefined && { occurrence: a.occurrence }) };

export function transcriptEditHandlers(session: Session): { [M in TranscriptEditMethod]: Handler<M> } {
  return {
    'documents.editPreview': (a) => previewEdit(session, a.document, sourceOf(a)),
    'documents.editText': (a) => editText(session, a.document, sourceOf(a)),
    'documents.orphans': (a) => listOrphans(session, a.document),
  };
}
