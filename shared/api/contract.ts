/**
 * The one API contract between the renderer and the services. Every call the UI may make is
 * listed here with a zod schema for its arguments (checked at the boundary, in every transport)
 * and its result type. Electron's preload, the HTTP bridge and the renderer's client are all
 * built from these keys, so nothing else can be called.
 *
 * Items are named as a researcher names them: documents by name, codes by path ("A/B"), coders
 * by name, codings by GUID. Offsets are UTF-16 code units into the stored text, [start, end).
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { CodeRecord, CoderRecord } from '../types.js';
import type { ApiMethodName } from './methods.js';
import type * as T from './types.js';

/** A phantom marker carrying a result type; it holds nothing at run time. */
const result = <R>() => undefined as unknown as R;

/** Type errors say what was expected; a missing field says it is required. */
const need = (what: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : `must be ${what}`) });
const name = z.string(need('text')).trim().min(1, 'must not be empty').max(500, 'is too long');
const path = z.string(need('a code path')).trim().min(1, 'must not be empty').max(2000, 'is too long');
const guid = z.string(need('a GUID')).trim().min(1, 'must not be empty').max(100, 'is too long');
const offset = z.number(need('a number')).int('must be a whole number').min(0, 'must be 0 or more');
const text = z.string(need('text')).max(1_000_000, 'is too long');
const flag = z.boolean(need('true or false'));
const limit = z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be 10000 or less');
const none = z.strictObject({});
const memoKind = z.enum(['project', 'document', 'code', 'case'], { error: 'must be one of project, document, code, case' });
const codeFields = {
  color: z.string(need('a colour')).max(50, 'is too long').optional(),
  definition: text.optional(),
  inclusion: text.optional(),
  exclusion: text.optional(),
  example: text.optional(),
};
/** Base64 of a file up to the import limit (50 MB), with room for the encoding. */
const upload = z.strictObject({ name, base64: z.string(need('base64 text')).max(70_000_000, 'is over the 50 MB import limit') });

export const contract = {
  'project.info': { args: none, result: result<T.ProjectInfoView>() },

  'documents.list': { args: none, result: result<T.DocumentListItem[]>() },
  'documents.content': { args: z.strictObject({ document: name }), result: result<T.DocumentContentView>() },
  /** Browser mode sends file contents; all or nothing: one bad file and none is imported. */
  'documents.import': {
    args: z.strictObject({ files: z.array(upload).min(1, 'must list at least one file').max(500, 'too many files at once'), caseName: name.optional(), allowDuplicates: flag.optional() }),
    result: result<T.ImportReportView>(),
  },
  'documents.rename': { args: z.strictObject({ document: name, newName: name }), result: result<null>() },
  'documents.deletionImpact': { args: z.strictObject({ document: name }), result: result<T.DocumentImpact>() },
  'documents.delete': { args: z.strictObject({ document: name }), result: result<T.DocumentImpact>() },

  'codebook.list': { args: none, result: result<T.CodeWithCounts[]>() },
  'codebook.create': { args: z.strictObject({ parent: path.nullable(), name, ...codeFields }), result: result<CodeRecord>() },
  /** Returns the code as it is now (its path changes with its name). */
  'codebook.update': { args: z.strictObject({ code: path, name: name.optional(), ...codeFields }), result: result<CodeRecord>() },
  /** parent null: top level; position among the new siblings (default: last). */
  'codebook.move': { args: z.strictObject({ code: path, parent: path.nullable(), position: offset.optional() }), result: result<null>() },
  'codebook.merge': { args: z.strictObject({ source: path, target: path }), result: result<{ moved: number; collapsed: number }>() },
  'codebook.deletionImpact': { args: z.strictObject({ code: path }), result: result<T.CodeImpact>() },
  'codebook.delete': { args: z.strictObject({ code: path }), result: result<T.CodeImpact>() },
  /** Fuzzy search over code names, paths and definitions (the code picker). */
  'codebook.find': { args: z.strictObject({ query: z.string(need('text')).max(200, 'is too long'), limit: limit.optional() }), result: result<CodeRecord[]>() },

  'coders.list': { args: none, result: result<T.CoderWithCounts[]>() },
  'coders.add': { args: z.strictObject({ name }), result: result<CoderRecord>() },
  /** Blind coding on or off for the whole project (each coder then sees only their own codings). */
  'coders.setBlind': { args: z.strictObject({ on: flag }), result: result<null>() },
  /** This coder chooses to see the others' codings; recorded and final. */
  'coders.reveal': { args: z.strictObject({ coder: name }), result: result<null>() },

  /** All codings of one document, optionally only some coders'; under blind coding pass `viewer`. */
  'codings.forDocument': { args: z.strictObject({ document: name, coders: z.array(name).optional(), viewer: name.optional() }), result: result<T.CodingView[]>() },
  'codings.apply': { args: z.strictObject({ document: name, code: path, coder: name, start: offset, end: offset, memo: text.optional() }), result: result<T.ApplyResultView>() },
  'codings.remove': { args: z.strictObject({ guid }), result: result<null>() },
  'codings.resize': { args: z.strictObject({ guid, start: offset, end: offset }), result: result<T.ApplyResultView>() },
  'codings.recode': { args: z.strictObject({ guid, code: path }), result: result<T.ApplyResultView>() },
  /** An empty body removes the memo. */
  'codings.setMemo': { args: z.strictObject({ guid, body: text }), result: result<null>() },

  /** `name`: the document name, code path or case name (none for the project memo). */
  'memos.get': { args: z.strictObject({ kind: memoKind, name: name.optional() }), result: result<string | null>() },
  'memos.set': { args: z.strictObject({ kind: memoKind, name: name.optional(), body: text }), result: result<null>() },

  /** Full-text search: words, "quoted phrases", prefix*; accents ignored. Hits in document order. */
  'search.corpus': { args: z.strictObject({ query: z.string(need('text')).trim().min(1, 'must not be empty').max(500, 'is too long'), limit: limit.optional() }), result: result<T.SearchHitView[]>() },
  /** The coded segments of a code; `where` filters by case attribute; `find` fuzzy-searches the quotes. */
  'retrieval.segments': {
    args: z.strictObject({
      code: path,
      descendants: flag.optional(),
      coders: z.array(name).optional(),
      documents: z.array(name).optional(),
      where: z.record(z.string(), z.string(need('text'))).optional(),
      viewer: name.optional(),
      find: z.string(need('text')).max(200, 'is too long').optional(),
    }),
    result: result<T.SegmentView[]>(),
  },
  'cases.list': { args: none, result: result<T.CasesView>() },

  /** Undo/redo this session's changes (each UI action is one step); `entities` says what to reload. */
  'history.undo': { args: none, result: result<T.HistoryStep>() },
  'history.redo': { args: none, result: result<T.HistoryStep>() },
  'history.state': { args: none, result: result<T.HistoryState>() },

  // Later, in this same object: 'agreement.*' (reports, disagreements), 'consensus.*' (start,
  // decide, status), 'export.*' (themed excerpts, REFI-QDA). Each needs a handler in
  // electron/api/handlers.ts, and its changes need an inverse in electron/services/undo/ to be undoable.
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>;
/** What a handler receives (after validation). */
export type ApiParsedArgs<M extends ApiMethod> = z.output<Contract[M]['args']>;
export type ApiResult<M extends ApiMethod> = Contract[M]['result'];

/** 'unauthorized' comes only from the HTTP bridge (missing or wrong token). */
export interface ApiErrorBody {
  code: ErrorCode | 'unauthorized';
  message: string;
}
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export const API_METHODS = Object.keys(contract) as ApiMethod[];

/** methods.ts (the zod-free list the renderer uses) must name exactly the contract's keys. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodListMatches: Same<ApiMethod, ApiMethodName> = true;
void methodListMatches;

export function isApiMethod(m: string): m is ApiMethod {
  return Object.hasOwn(contract, m);
}

/**
 * What Electron's preload exposes as `window.marginalia`: exactly one function per method,
 * each sending the call to the main process and resolving with its ApiResponse.
 */
export type MarginaliaPreload = { [M in ApiMethod]: (args: unknown) => Promise<ApiResponse<ApiResult<M>>> };

export type { CodeWithCounts, CodingView } from './types.js';
