/**
 * The one API contract between the renderer and the services. Every call the UI may make is
 * listed here with a zod schema for its arguments (checked at the boundary, in every transport)
 * and its result type. Electron's preload, the HTTP bridge and the renderer's client are all
 * built from these keys, so nothing else can be called.
 */
import { z } from 'zod';
import { fail } from '../errors.js';
import type { CodeRecord, CoderRecord, Cue, DocumentSummary, Turn } from '../types.js';

/** A phantom marker carrying a result type; never called at run time. */
const result = <T>() => undefined as unknown as T;

const name = z.string().trim().min(1, 'must not be empty').max(500);
const path = z.string().trim().min(1, 'must not be empty').max(2000);
const guid = z.string().trim().min(1).max(100);
const offset = z.number().int('must be a whole number').min(0, 'must be 0 or more');
const text = z.string().max(1_000_000);

export interface CodingView {
  guid: string;
  codeGuid: string;
  code: string;
  color: string;
  coder: string;
  start: number;
  end: number;
  memo: string | null;
}

export interface CodeWithCounts extends CodeRecord {
  own: number;
  total: number;
}

export const contract = {
  'project.info': { args: z.object({}).strict(), result: result<{ name: string; path: string; documents: number; codes: number; coders: string[]; codings: number; schemaVersion: number; blind: boolean }>() },

  'documents.list': { args: z.object({}).strict(), result: result<DocumentSummary[]>() },
  'documents.content': { args: z.object({ document: name }).strict(), result: result<{ guid: string; name: string; text: string; turns: Turn[]; cues: Cue[] }>() },
  'documents.import': {
    args: z.object({ files: z.array(z.object({ name: name, base64: z.string().max(80_000_000) }).strict()).min(1, 'no files'), caseName: name.optional() }).strict(),
    result: result<{ imported: { name: string; length: number; turns: number; warnings: string[] }[]; skipped: { file: string; duplicateOf: string }[] }>(),
  },
  'documents.rename': { args: z.object({ document: name, newName: name }).strict(), result: result<null>() },
  'documents.deletionImpact': { args: z.object({ document: name }).strict(), result: result<{ document: string; codings: number }>() },
  'documents.delete': { args: z.object({ document: name }).strict(), result: result<{ document: string; codings: number }>() },

  'codebook.list': { args: z.object({}).strict(), result: result<CodeWithCounts[]>() },
  'codebook.create': {
    args: z.object({ parent: path.nullable(), name: name, color: z.string().optional(), definition: text.optional() }).strict(),
    result: result<CodeRecord>(),
  },
  'codebook.update': {
    args: z
      .object({ code: path, name: name.optional(), color: z.string().optional(), definition: text.optional(), inclusion: text.optional(), exclusion: text.optional(), example: text.optional() })
      .strict(),
    result: result<null>(),
  },
  'codebook.move': { args: z.object({ code: path, parent: path.nullable(), position: z.number().int().min(0).optional() }).strict(), result: result<null>() },
  'codebook.merge': { args: z.object({ source: path, target: path }).strict(), result: result<{ moved: number; collapsed: number }>() },
  'codebook.deletionImpact': { args: z.object({ code: path }).strict(), result: result<{ code: string; subcodes: number; codings: number }>() },
  'codebook.delete': { args: z.object({ code: path }).strict(), result: result<{ code: string; subcodes: number; codings: number }>() },
  'codebook.find': { args: z.object({ query: z.string().max(200) }).strict(), result: result<CodeRecord[]>() },

  'coders.list': { args: z.object({}).strict(), result: result<(CoderRecord & { codings: number; documents: number })[]>() },
  'coders.add': { args: z.object({ name: name }).strict(), result: result<CoderRecord>() },

  'codings.forDocument': { args: z.object({ document: name, viewer: name.optional() }).strict(), result: result<CodingView[]>() },
  'codings.apply': {
    args: z.object({ document: name, code: path, coder: name, start: offset, end: offset, memo: text.optional() }).strict(),
    result: result<{ guid: string; start: number; end: number; mergedWith: string[] }>(),
  },
  'codings.remove': { args: z.object({ guid }).strict(), result: result<null>() },
  'codings.resize': { args: z.object({ guid, start: offset, end: offset }).strict(), result: result<{ guid: string; start: number; end: number; mergedWith: string[] }>() },
  'codings.recode': { args: z.object({ guid, code: path }).strict(), result: result<{ guid: string; start: number; end: number; mergedWith: string[] }>() },
  'codings.setMemo': { args: z.object({ guid, body: text }).strict(), result: result<null>() },

  'memos.get': { args: z.object({ kind: z.enum(['project', 'document', 'code', 'case']), name: name.optional() }).strict(), result: result<string | null>() },
  'memos.set': { args: z.object({ kind: z.enum(['project', 'document', 'code', 'case']), name: name.optional(), body: text }).strict(), result: result<null>() },

  'search.corpus': {
    args: z.object({ query: z.string().min(1).max(500), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    result: result<{ document: string; start: number; end: number; matches: { start: number; end: number }[]; snippet: string }[]>(),
  },
  'retrieval.segments': {
    args: z
      .object({
        code: path,
        descendants: z.boolean().optional(),
        coders: z.array(name).optional(),
        documents: z.array(name).optional(),
        where: z.record(z.string(), z.string()).optional(),
        viewer: name.optional(),
      })
      .strict(),
    result: result<{ guid: string; document: string; code: string; coder: string; start: number; end: number; lineStart: number; lineEnd: number; speaker: string | null; caseName: string | null; quote: string; memo: string | null }[]>(),
  },
  'cases.list': { args: z.object({}).strict(), result: result<{ attributes: { name: string; type: string }[]; cases: { name: string; guid: string; attributes: Record<string, string> }[] }>() },

  // Later: 'agreement.*', 'consensus.*', 'export.*', 'history.undo' / 'history.redo' (built on the event log).
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
export type ApiArgs<M extends ApiMethod> = z.input<Contract[M]['args']>;
export type ApiResult<M extends ApiMethod> = Contract[M]['result'];
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export const API_METHODS = Object.keys(contract) as ApiMethod[];

export function isApiMethod(m: string): m is ApiMethod {
  return Object.hasOwn(contract, m);
}

/** Parses a call's arguments; a failure names the field in one line. */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): z.output<Contract[M]['args']> {
  const r = contract[method].args.safeParse(raw ?? {});
  if (r.success) return r.data as z.output<Contract[M]['args']>;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'arguments';
  return fail('invalid_input', `${method}: ${where} ${issue?.message ?? 'are not valid'}`.replace(/\s+/g, ' '));
}
