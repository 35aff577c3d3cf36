/**
 * The services behind every API method, for one open project. The object `satisfies` the
 * contract, so a method missing here (or extra) is a type error; `dispatch` validates the
 * arguments and turns every failure into { code, message } — never a stack trace.
 */
import { fromSqliteError } from '../../db/errors.js';
import { contract, isApiMethod, parseArgs, type ApiMethod, type ApiResponse, type Contract } from '../../shared/api/contract.js';
import { toApiError } from '../../shared/errors.js';
import type { z } from 'zod';
import { isBlind } from '../services/blind.js';
import { cases } from '../services/cases.js';
import { addCoder, applyCoding, recodeCoding, removeCoding, resizeCoding, setCodingMemo } from '../services/codings.js';
import { codebook, codeDeletionImpact, createCode, deleteCode, mergeCode, moveCode, updateCodeFields } from '../services/codebook.js';
import { codeCounts, coderCounts } from '../services/counts.js';
import { codingsOfDocument } from '../services/document-view.js';
import { deleteDocument, documentContent, documentDeletionImpact, documents, importParsed, renameDocument } from '../services/documents.js';
import { parseBytes } from '../services/import/parsers.js';
import { getMemo, setMemo } from '../services/memos.js';
import { projectInfo } from '../services/project.js';
import { retrieve } from '../services/retrieval.js';
import { findCodes, search } from '../services/search.js';
import type { Session } from '../services/session.js';

type Handler<M extends ApiMethod> = (args: z.output<Contract[M]['args']>) => Contract[M]['result'] | Promise<Contract[M]['result']>;
export type Handlers = { [M in ApiMethod]: Handler<M> };

export function createHandlers(session: Session) {
  return {
    'project.info': () => {
      const i = projectInfo(session);
      return { name: i.name, path: i.path, documents: i.documents, codes: i.codes, coders: i.coders, codings: i.codings, schemaVersion: i.schemaVersion, blind: isBlind(session) };
    },
    'documents.list': () => documents(session),
    'documents.content': ({ document }) => {
      const d = documentContent(session, document);
      return { guid: d.guid, name: d.name, text: d.text, turns: d.turns, cues: d.cues };
    },
    'documents.import': async ({ files, caseName }) => {
      // Parse everything first: one bad file means nothing is imported.
      const parsed = [];
      for (const f of files) parsed.push({ file: f.name, doc: await parseBytes(f.name, new Uint8Array(Buffer.from(f.base64, 'base64'))) });
      const r = importParsed(session, parsed, caseName ? { caseName } : {});
      return {
        imported: r.imported.map((d) => ({ name: d.name, length: d.length, turns: d.turns, warnings: d.warnings })),
        skipped: r.skipped.map((s) => ({ file: s.file, duplicateOf: s.duplicateOf })),
      };
    },
    'documents.rename': ({ document, newName }) => (renameDocument(session, document, newName), null),
    'documents.deletionImpact': ({ document }) => documentDeletionImpact(session, document),
    'documents.delete': ({ document }) => deleteDocument(session, document),

    'codebook.list': () => {
      const counts = codeCounts(session);
      return codebook(session).map((c) => ({ ...c, ...(counts.get(c.path) ?? { own: 0, total: 0 }) }));
    },
    'codebook.create': ({ parent, name, color, definition }) => createCode(session, parent, name, { ...(color && { color }), ...(definition !== undefined && { definition }) }),
    'codebook.update': ({ code, ...fields }) => (updateCodeFields(session, code, fields), null),
    'codebook.move': ({ code, parent, position }) => (moveCode(session, code, parent, position), null),
    'codebook.merge': ({ source, target }) => mergeCode(session, source, target),
    'codebook.deletionImpact': ({ code }) => codeDeletionImpact(session, code),
    'codebook.delete': ({ code }) => deleteCode(session, code),
    'codebook.find': ({ query }) => findCodes(session, query),

    'coders.list': () => coderCounts(session),
    'coders.add': ({ name }) => addCoder(session, name),

    'codings.forDocument': ({ document, viewer }) => codingsOfDocument(session, document, viewer),
    'codings.apply': (args) => applyCoding(session, args),
    'codings.remove': ({ guid }) => (removeCoding(session, guid), null),
    'codings.resize': ({ guid, start, end }) => resizeCoding(session, guid, start, end),
    'codings.recode': ({ guid, code }) => recodeCoding(session, guid, code),
    'codings.setMemo': ({ guid, body }) => (setCodingMemo(session, guid, body), null),

    'memos.get': ({ kind, name }) => getMemo(session, { kind, ...(name !== undefined && { name }) }),
    'memos.set': ({ kind, name, body }) => (setMemo(session, { kind, ...(name !== undefined && { name }) }, body), null),

    'search.corpus': ({ query, limit }) => search(session, query, limit).map(({ document, start, end, matches, snippet }) => ({ document, start, end, matches, snippet })),
    'retrieval.segments': (req) => retrieve(session, req),
    'cases.list': () => cases(session),
  } satisfies Handlers;
}

/** Validates and runs one call; every outcome is an ApiResponse. */
export async function dispatch(handlers: Handlers, method: string, rawArgs: unknown, projectPath: string | null): Promise<ApiResponse<unknown>> {
  try {
    if (!isApiMethod(method)) return { ok: false, error: { code: 'invalid_input', message: `unknown API method "${method}"` } };
    const args = parseArgs(method, rawArgs);
    const handler = handlers[method] as (a: unknown) => unknown;
    return { ok: true, data: (await handler(args)) ?? null };
  } catch (err) {
    return { ok: false, error: fromSqliteError(err, projectPath) ?? toApiError(err) };
  }
}

export { contract };
