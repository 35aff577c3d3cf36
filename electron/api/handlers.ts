/**
 * The services behind every API method, for one open project. The object `satisfies` the
 * contract, so a method missing here (or extra), or a result of the wrong shape, is a type
 * error. Handlers only translate arguments and results; the work is in the services.
 */
import { basename } from 'node:path';
import type { ApiMethod, ApiParsedArgs, ApiResult } from '../../shared/api/contract.js';
import { fail } from '../../shared/errors.js';
import { blindStatus, reveal, setBlind } from '../services/blind.js';
import { cases } from '../services/cases.js';
import { codebook, codeDeletionImpact, createCode, deleteCode, mergeCode, moveCode, updateCodeFields } from '../services/codebook.js';
import { addCoder, applyCoding, recodeCoding, removeCoding, resizeCoding, setCodingMemo } from '../services/codings.js';
import { codeCounts, coderCounts, documentCoderCounts } from '../services/counts.js';
import { codingsOfDocument } from '../services/document-view.js';
import { deleteDocument, documentContent, documentDeletionImpact, documents, importParsed, renameDocument } from '../services/documents.js';
import { parseBytes } from '../services/import/parsers.js';
import { requireCode } from '../services/lookup.js';
import { getMemo, setMemo } from '../services/memos.js';
import { projectInfo } from '../services/project.js';
import { retrieve } from '../services/retrieval.js';
import { findCodes, findQuotes, search } from '../services/search.js';
import type { Session } from '../services/session.js';
import { historyOf, historyState, redo, undo } from '../services/undo.js';

type Handler<M extends ApiMethod> = (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
export type Handlers = { [M in ApiMethod]: Handler<M> };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A browser's file as bytes; the name is reduced to its last part (it names the document). */
function decodeUpload(f: { name: string; base64: string }): { name: string; bytes: Uint8Array } {
  const name = basename(f.name.replace(/\\/g, '/'));
  const b64 = f.base64.replace(/\s+/g, '');
  if (!BASE64.test(b64)) fail('invalid_input', `${name}: the upload is not base64`);
  return { name, bytes: new Uint8Array(Buffer.from(b64, 'base64')) };
}

export function createHandlers(session: Session) {
  // Start recording now, so every change made through these handlers can be undone.
  historyOf(session);
  const db = () => session.project.db;

  return {
    'project.info': () => ({ ...projectInfo(session), ...blindStatus(session) }),

    'documents.list': () => {
      const byDoc = documentCoderCounts(session);
      return documents(session).map((d) => ({ ...d, byCoder: byDoc.get(d.id) ?? [] }));
    },
    'documents.content': ({ document }) => documentContent(session, document),
    'documents.import': async ({ files, caseName, allowDuplicates }) => {
      // Parse every file first: one bad file means nothing is imported.
      const parsed = [];
      for (const f of files) {
        const { name, bytes } = decodeUpload(f);
        parsed.push({ file: name, doc: await parseBytes(name, bytes) });
      }
      return importParsed(session, parsed, { ...(caseName && { caseName }), ...(allowDuplicates && { allowDuplicates }) });
    },
    'documents.rename': ({ document, newName }) => (renameDocument(session, document, newName), null),
    'documents.deletionImpact': ({ document }) => documentDeletionImpact(session, document),
    'documents.delete': ({ document }) => deleteDocument(session, document),

    'codebook.list': () => {
      const counts = codeCounts(session);
      return codebook(session).map((c) => ({ ...c, ...(counts.get(c.path) ?? { own: 0, total: 0 }) }));
    },
    'codebook.create': ({ parent, name, ...fields }) => createCode(session, parent, name, fields),
    'codebook.update': ({ code, ...fields }) => {
      const { guid } = requireCode(db(), code);
      updateCodeFields(session, code, fields);
      return codebook(session).find((c) => c.guid === guid)!;
    },
    'codebook.move': ({ code, parent, position }) => (moveCode(session, code, parent, position), null),
    'codebook.merge': ({ source, target }) => mergeCode(session, source, target),
    'codebook.deletionImpact': ({ code }) => codeDeletionImpact(session, code),
    'codebook.delete': ({ code }) => deleteCode(session, code),
    'codebook.find': ({ query, limit }) => findCodes(session, query, limit),

    'coders.list': () => coderCounts(session),
    'coders.add': ({ name }) => addCoder(session, name),
    'coders.setBlind': ({ on }) => (setBlind(session, on), null),
    'coders.reveal': ({ coder }) => (reveal(session, coder), null),

    'codings.forDocument': (req) => codingsOfDocument(session, req),
    'codings.apply': (req) => applyCoding(session, req),
    'codings.remove': ({ guid }) => (removeCoding(session, guid), null),
    'codings.resize': ({ guid, start, end }) => resizeCoding(session, guid, start, end),
    'codings.recode': ({ guid, code }) => recodeCoding(session, guid, code),
    'codings.setMemo': ({ guid, body }) => (setCodingMemo(session, guid, body), null),

    'memos.get': ({ kind, name }) => getMemo(session, { kind, ...(name !== undefined && { name }) }),
    'memos.set': ({ kind, name, body }) => (setMemo(session, { kind, ...(name !== undefined && { name }) }, body), null),

    'search.corpus': ({ query, limit }) => search(session, query, limit),
    'retrieval.segments': ({ find, ...req }) => (find?.trim() ? findQuotes(session, req, find) : retrieve(session, req)),
    'cases.list': () => cases(session),

    'history.undo': () => undo(session),
    'history.redo': () => redo(session),
    'history.state': () => historyState(session),
  } satisfies Handlers;
}

export { dispatch } from './dispatch.js';
