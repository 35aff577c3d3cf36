/**
 * The services behind every API method, for one open project. The object `satisfies` the
 * contract, so a method missing here (or extra), or a result of the wrong shape, is a type
 * error. Handlers only translate arguments and results; the work is in the services.
 * Arguments name items by GUID (see the contract's header); a handler resolves each GUID to its
 * row here, with a not_found error naming the GUID, and never looks anything up by name.
 */
import { basename } from 'node:path';
import type { Handlers } from './handler-types.js';
import { fail } from '../../shared/errors.js';
import { ANALYSIS_METHODS, EXCHANGE_METHODS } from './handlers/method-lists.js';
import { lazyGroup, methodsOf } from './lazy-handlers.js';
import { projectHandlers } from './handlers/projects.js';
import { analysisMethods } from '../../shared/api/methods/analysis.js';
import { excerptMethods } from '../../shared/api/methods/excerpts.js';
import { historyMethods } from '../../shared/api/methods/history.js';
import { refiImportMethods } from '../../shared/api/methods/refi-import.js';
import { refiMethods } from '../../shared/api/methods/refi.js';
import { safetyMethods } from '../../shared/api/methods/safety.js';
import { transcriptEditMethods } from '../../shared/api/methods/transcript-edit.js';
import { blindStatus, reveal, setBlind } from '../services/blind.js';
import { cases } from '../services/cases.js';
import { codebook, codeDeletionImpact, createCode, deleteCode, mergeCode, moveCode, updateCodeFields } from '../services/codebook.js';
import { addCoder, applyCoding, recodeCoding, removeCoding, resizeCoding, setCodingMemo } from '../services/codings.js';
import { codeCounts, coderCounts, documentCoderCounts } from '../services/counts.js';
import { codingWriteView } from '../services/coding-result.js';
import { codingsOfDocument } from '../services/document-view.js';
import { deleteDocument, documentContent, documentDeletionImpact, documents, importParsed, renameDocument } from '../services/documents.js';
import { parseBytes } from '../services/import/parsers.js';
import { requireCaseByGuid, requireCodeByGuid, requireCoderByGuid, requireDocumentByGuid } from '../services/lookup.js';
import { getMemo, setMemo } from '../services/memos.js';
import { projectInfo } from '../services/project.js';
import { retrieve } from '../services/retrieval.js';
import { findCodes, findQuotes, search } from '../services/search.js';
import type { Session } from '../services/session.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A browser's file as bytes; the name is reduced to its last part (it names the document). */
function decodeUpload(f: { name: string; base64: string }): { name: string; bytes: Uint8Array } {
  const name = basename(f.name.replace(/\\/g, '/'));
  const b64 = f.base64.replace(/\s+/g, '');
  if (!BASE64.test(b64)) fail('invalid_input', `${name}: the upload is not base64`);
  return { name, bytes: new Uint8Array(Buffer.from(b64, 'base64')) };
}

export function createHandlers(session: Session) {
  const db = () => session.project.db;
  // The services still take names and paths; each GUID becomes the one name or path it has now.
  const docName = (guid: string) => requireDocumentByGuid(db(), guid).name;
  const codePath = (guid: string) => requireCodeByGuid(db(), guid).path;
  const coderName = (guid: string) => requireCoderByGuid(db(), guid).name;
  const optional = <T>(guid: string | undefined, f: (g: string) => T) => (guid === undefined ? undefined : f(guid));
  const memoTarget = (kind: 'project' | 'document' | 'code' | 'case', target: string | undefined) => {
    if (kind === 'project' || target === undefined) return { kind };
    if (kind === 'document') return { kind, name: docName(target) };
    if (kind === 'code') return { kind, name: codePath(target) };
    return { kind, name: requireCaseByGuid(db(), target).name };
  };

  return {
    'project.info': () => ({ ...projectInfo(session), ...blindStatus(session) }),

    'documents.list': () => {
      const byDoc = documentCoderCounts(session);
      return documents(session).map((d) => ({ ...d, byCoder: byDoc.get(d.id) ?? [] }));
    },
    'documents.content': ({ document }) => documentContent(session, docName(document)),
    'documents.import': async ({ files, caseName, allowDuplicates }) => {
      // Parse every file first: one bad file means nothing is imported.
      const parsed = [];
      for (const f of files) {
        const { name, bytes } = decodeUpload(f);
        parsed.push({ file: name, doc: await parseBytes(name, bytes) });
      }
      return importParsed(session, parsed, { ...(caseName && { caseName }), ...(allowDuplicates && { allowDuplicates }) });
    },
    'documents.rename': ({ document, newName }) => (renameDocument(session, docName(document), newName), null),
    'documents.deletionImpact': ({ document }) => documentDeletionImpact(session, docName(document)),
    'documents.delete': ({ document }) => deleteDocument(session, docName(document)),

    'codebook.list': ({ coders, viewer }) => {
      const counts = codeCounts(session, {
        ...(coders && { coders: coders.map(coderName) }),
        ...(viewer !== undefined && { viewer: coderName(viewer) }),
      });
      return codebook(session).map((c) => ({ ...c, ...(counts.get(c.path) ?? { own: 0, total: 0 }) }));
    },
    'codebook.create': ({ parent, name, ...fields }) => createCode(session, optional(parent ?? undefined, codePath) ?? null, name, fields),
    'codebook.update': ({ code, ...fields }) => {
      updateCodeFields(session, codePath(code), fields);
      return { ...requireCodeByGuid(db(), code) };
    },
    'codebook.move': ({ code, parent, position }) => (moveCode(session, codePath(code), optional(parent ?? undefined, codePath) ?? null, position), null),
    'codebook.merge': ({ source, target }) => mergeCode(session, codePath(source), codePath(target)),
    'codebook.deletionImpact': ({ code }) => codeDeletionImpact(session, codePath(code)),
    'codebook.delete': ({ code }) => deleteCode(session, codePath(code)),
    'codebook.find': ({ query, limit }) => findCodes(session, query, limit),

    'coders.list': () => coderCounts(session),
    'coders.add': ({ name }) => addCoder(session, name),
    'coders.setBlind': ({ on }) => (setBlind(session, on), null),
    'coders.reveal': ({ coder }) => (reveal(session, coderName(coder)), null),

    'codings.forDocument': ({ document, coders, viewer }) =>
      codingsOfDocument(session, {
        document: docName(document),
        ...(coders && { coders: coders.map(coderName) }),
        ...(viewer !== undefined && { viewer: coderName(viewer) }),
      }),
    'codings.apply': ({ document, code, coder, ...rest }) =>
      codingWriteView(session, applyCoding(session, { document: docName(document), code: codePath(code), coder: coderName(coder), ...rest })),
    'codings.remove': ({ guid }) => (removeCoding(session, guid), null),
    'codings.resize': ({ guid, start, end }) => codingWriteView(session, resizeCoding(session, guid, start, end)),
    'codings.recode': ({ guid, code }) => codingWriteView(session, recodeCoding(session, guid, codePath(code))),
    'codings.setMemo': ({ guid, body }) => (setCodingMemo(session, guid, body), null),

    'memos.get': ({ kind, target }) => getMemo(session, memoTarget(kind, target)),
    'memos.set': ({ kind, target, body }) => (setMemo(session, memoTarget(kind, target), body), null),

    'search.corpus': ({ query, limit }) => search(session, query, limit),
    'retrieval.segments': ({ find, code, coders, documents, viewer, ...rest }) => {
      const req = {
        ...rest,
        code: codePath(code),
        ...(coders && { coders: coders.map(coderName) }),
        ...(documents && { documents: documents.map(docName) }),
        ...(viewer !== undefined && { viewer: coderName(viewer) }),
      };
      return find?.trim() ? findQuotes(session, req, find) : retrieve(session, req);
    },
    'cases.list': () => cases(session),

    // Undo and redo read the event log (which every change writes anyway): nothing to start here,
    // and their inverses for every kind of change load on the first call.
    ...lazyGroup(session, ['history.undo', 'history.redo', 'history.state'], () =>
      import('../services/undo/history.js').then((h) => (s: Session) => ({
        'history.undo': () => h.undo(s),
        'history.redo': () => h.redo(s),
        'history.state': () => h.historyState(s),
      })),
    ),

    ...projectHandlers(null, session),
    // Each feature below loads on its first call (see lazy-handlers.ts).
    ...lazyGroup(session, EXCHANGE_METHODS, () => import('./handlers/exchange.js').then((m) => m.exchangeHandlers)),
    ...lazyGroup(session, ANALYSIS_METHODS, () => import('./handlers/analysis.js').then((m) => m.analysisHandlers)),
    ...lazyGroup(session, ['agreement.export', 'project.mergeCoderUpload'], () => import('./handlers/report-export.js').then((m) => m.reportExportHandlers)),
    ...lazyGroup(session, methodsOf(analysisMethods), () => import('./handlers/analysis-views.js').then((m) => m.analysisViewsHandlers)),
    ...lazyGroup(session, methodsOf(excerptMethods), () => import('./handlers/excerpts.js').then((m) => m.excerptHandlers)),
    ...lazyGroup(session, methodsOf(refiMethods), () => import('./handlers/refi.js').then((m) => m.refiHandlers)),
    ...lazyGroup(session, methodsOf(refiImportMethods), () => import('./handlers/refi-import.js').then((m) => m.refiImportHandlers)),
    ...lazyGroup(session, methodsOf(safetyMethods), () => import('./handlers/safety.js').then((m) => m.safetyHandlers)),
    ...lazyGroup(session, methodsOf(transcriptEditMethods), () => import('./handlers/transcript-edit.js').then((m) => m.transcriptEditHandlers)),
    ...lazyGroup(session, methodsOf(historyMethods), () => import('./handlers/history.js').then((m) => m.historyHandlers)),
  } satisfies Handlers;
}
