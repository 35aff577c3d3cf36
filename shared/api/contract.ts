/**
 * The one API contract between the renderer and the services. Every call the UI may make is
 * listed here with a zod schema for its arguments (checked at the boundary, in every transport)
 * and its result type. Electron's preload, IPC handlers and the HTTP bridge are built from these
 * keys, and the renderer's client from their type (a type-only import, so zod stays out of the
 * page), so nothing else can be called.
 *
 * Identity: every argument that names a document, code, coder, case or coding takes its GUID
 * (`document`, `code`, `coder`, `parent`, `source`, `target`, `viewer`, `coders`, `documents`,
 * memo targets); names and paths are for people, and callers that start from them (the CLI)
 * resolve them to GUIDs once. Results carry both: the GUID and the readable name or code path
 * ("A/B"). New names (`name`, `newName`, `caseName`) stay text. Offsets are UTF-16 code units
 * into the stored text, [start, end).
 */
import { z } from 'zod';
import { AGREEMENT_UNITS, DECISIONS, TABLE_STATISTICS } from '../agreement/reports.js';
import { REPORT_FORMATS, type AgreementExportFile } from '../agreement/export.js';
import type { ErrorCode } from '../errors.js';
import type { CodeRecord, CoderRecord } from '../types.js';
import type * as T from './types.js';
import {
  codeFields,
  filePath,
  flag,
  guid,
  limit,
  memoKind,
  name,
  need,
  none,
  offset,
  once,
  pairScope,
  resampling,
  result,
  tableText,
  text,
  upload,
} from './schema-parts.js';
import { analysisMethods } from './methods/analysis.js';
import { excerptMethods } from './methods/excerpts.js';
import { refiMethods } from './methods/refi.js';
import { refiImportMethods } from './methods/refi-import.js';
import { safetyMethods } from './methods/safety.js';
import { transcriptEditMethods } from './methods/transcript-edit.js';
import { historyMethods } from './methods/history.js';
import { projectMethods } from './methods/projects.js';

/** Two coders compared at one unit: what agreement.report and agreement.export both take. */
const agreementScope = once(() => ({
  ...pairScope(),
  unit: z.enum(AGREEMENT_UNITS, { error: `must be one of ${AGREEMENT_UNITS.join(', ')}` }).optional(),
  /** segment unit: minimum overlap |A∩B| / |A∪B| in percent (default 90). */
  overlap: z.number(need('a number')).gt(0, 'must be more than 0').max(100, 'must be 100 or less').optional(),
  /** character unit: bootstrap 95% intervals from resampled documents. */
  ci: resampling().optional(),
}));

/**
 * One entry per method: `args` (a function that builds the zod schema; argsSchema() in
 * validate.ts builds each once, on its first call, so a CLI command pays only for the schemas
 * of the methods it calls), `result` (a phantom type), and `writes: true` when the call changes
 * the project file. An entry without `writes` only reads: the Electron
 * shell shows "saving" for writing calls only (READ_ONLY_METHODS in electron/main/ipc.ts).
 */
export const contract = {
  'project.info': { args: () => none(), result: result<T.ProjectInfoView>() },

  'documents.list': { args: () => none(), result: result<T.DocumentListItem[]>() },
  'documents.content': { args: () => z.strictObject({ document: guid() }), result: result<T.DocumentContentView>() },
  /** Browser mode sends file contents; all or nothing: one bad file and none is imported. */
  'documents.import': {
    writes: true,
    args: () =>
      z.strictObject({
        files: z.array(upload()).min(1, 'must list at least one file').max(500, 'too many files at once'),
        caseName: name().optional(),
        allowDuplicates: flag().optional(),
      }),
    result: result<T.ImportReportView>(),
  },
  'documents.rename': { writes: true, args: () => z.strictObject({ document: guid(), newName: name() }), result: result<null>() },
  'documents.deletionImpact': { args: () => z.strictObject({ document: guid() }), result: result<T.DocumentImpact>() },
  'documents.delete': { writes: true, args: () => z.strictObject({ document: guid() }), result: result<T.DocumentImpact>() },
  /**
   * Files on this computer, by path; a folder imports the transcripts in it (not its sub-folders),
   * in name order, and reports what else it held. All or nothing, as documents.import.
   */
  'documents.importFiles': {
    writes: true,
    args: () =>
      z.strictObject({
        paths: z.array(filePath()).min(1, 'must list at least one file').max(10_000, 'too many files at once'),
        caseName: name().optional(),
        allowDuplicates: flag().optional(),
        /** Largest accepted file in bytes (default 50 MB). */
        maxBytes: z.number(need('a number')).int('must be a whole number').min(1, 'must be 1 or more').optional(),
      }),
    result: result<T.FileImportReportView>(),
  },
  /** The document (or, with `speaker`, that speaker's turns) belongs to case `caseName`, made if new; null: no case. */
  'documents.setCase': {
    writes: true,
    args: () => z.strictObject({ document: guid(), caseName: name().nullable(), speaker: name().optional() }),
    result: result<null>(),
  },

  /**
   * Every code with its codings counted: only `coders`' (default: every coder). Under blind coding
   * pass `viewer` with `coders`: only the codings the viewer may see are counted.
   */
  'codebook.list': {
    args: () => z.strictObject({ coders: z.array(guid()).max(10_000, 'too many coders').optional(), viewer: guid().optional() }),
    result: result<T.CodeWithCounts[]>(),
  },
  'codebook.create': { writes: true, args: () => z.strictObject({ parent: guid().nullable(), name: name(), ...codeFields() }), result: result<CodeRecord>() },
  /** Returns the code as it is now (its path changes with its name). */
  'codebook.update': { writes: true, args: () => z.strictObject({ code: guid(), name: name().optional(), ...codeFields() }), result: result<CodeRecord>() },
  /** parent null: top level; position among the new siblings (default: last). */
  'codebook.move': {
    writes: true,
    args: () => z.strictObject({ code: guid(), parent: guid().nullable(), position: offset().optional() }),
    result: result<null>(),
  },
  'codebook.merge': { writes: true, args: () => z.strictObject({ source: guid(), target: guid() }), result: result<{ moved: number; collapsed: number }>() },
  'codebook.deletionImpact': { args: () => z.strictObject({ code: guid() }), result: result<T.CodeImpact>() },
  'codebook.delete': { writes: true, args: () => z.strictObject({ code: guid() }), result: result<T.CodeImpact>() },
  /** Fuzzy search over code names, paths and definitions (the code picker). */
  'codebook.find': {
    args: () => z.strictObject({ query: z.string(need('text')).max(200, 'is too long'), limit: limit().optional() }),
    result: result<CodeRecord[]>(),
  },
  /** Creates `names` as a chain under `parent` (null: top level), reusing those that exist; the last must be new. One step. */
  'codebook.createPath': {
    writes: true,
    args: () =>
      z.strictObject({ parent: guid().nullable(), names: z.array(name()).min(1, 'must name at least one code').max(100, 'is too deep'), ...codeFields() }),
    result: result<T.CreatedPathView>(),
  },
  'codebook.export': {
    args: () => z.strictObject({ format: z.enum(['json', 'csv', 'qdc'], { error: 'must be json, csv or qdc' }) }),
    result: result<T.CodebookExportView>(),
  },
  /** Adds the codes the project lacks (matched by GUID, then path); `update` overwrites matched codes' fields. `name` names the file in messages. */
  'codebook.import': {
    writes: true,
    args: () =>
      z.strictObject({
        format: z.enum(['json', 'csv'], { error: 'must be json or csv' }),
        content: tableText(),
        name: name().optional(),
        update: flag().optional(),
      }),
    result: result<T.CodebookImportReportView>(),
  },

  'coders.list': { args: () => none(), result: result<T.CoderWithCounts[]>() },
  'coders.add': { writes: true, args: () => z.strictObject({ name: name() }), result: result<CoderRecord>() },
  /** Blind coding on or off for the whole project (each coder then sees only their own codings). */
  'coders.setBlind': { writes: true, args: () => z.strictObject({ on: flag() }), result: result<null>() },
  /** This coder chooses to see the others' codings; recorded and final. */
  'coders.reveal': { writes: true, args: () => z.strictObject({ coder: guid() }), result: result<null>() },

  /** All codings of one document, optionally only some coders'; under blind coding pass `viewer`. */
  'codings.forDocument': {
    args: () => z.strictObject({ document: guid(), coders: z.array(guid()).optional(), viewer: guid().optional() }),
    result: result<T.CodingView[]>(),
  },
  'codings.apply': {
    writes: true,
    args: () => z.strictObject({ document: guid(), code: guid(), coder: guid(), start: offset(), end: offset(), memo: text().optional() }),
    result: result<T.ApplyResultView>(),
  },
  'codings.remove': { writes: true, args: () => z.strictObject({ guid: guid() }), result: result<null>() },
  'codings.resize': { writes: true, args: () => z.strictObject({ guid: guid(), start: offset(), end: offset() }), result: result<T.ApplyResultView>() },
  'codings.recode': { writes: true, args: () => z.strictObject({ guid: guid(), code: guid() }), result: result<T.ApplyResultView>() },
  /** An empty body removes the memo. */
  'codings.setMemo': { writes: true, args: () => z.strictObject({ guid: guid(), body: text() }), result: result<null>() },
  /** CSV `document,code,coder,start,end[,memo]` by names, as people write it; every row checked first; unknown coders created. */
  'codings.import': { writes: true, args: () => z.strictObject({ csv: tableText(), name: name().optional() }), result: result<T.CodingsImportReportView>() },
  /** Every coding (under blind coding, what `viewer` may see), with the same as CSV or JSON text. */
  'codings.export': {
    args: () => z.strictObject({ format: z.enum(['csv', 'json'], { error: 'must be csv or json' }), viewer: guid().optional() }),
    result: result<T.CodingsExportView>(),
  },

  /** `target`: the GUID of the document, code or case (none for the project memo). */
  'memos.get': { args: () => z.strictObject({ kind: memoKind(), target: guid().optional() }), result: result<string | null>() },
  'memos.set': { writes: true, args: () => z.strictObject({ kind: memoKind(), target: guid().optional(), body: text() }), result: result<null>() },

  /** Full-text search: words, "quoted phrases", prefix*; accents ignored. Hits in document order. */
  'search.corpus': {
    args: () => z.strictObject({ query: z.string(need('text')).trim().min(1, 'must not be empty').max(500, 'is too long'), limit: limit().optional() }),
    result: result<T.SearchHitView[]>(),
  },
  /** The coded segments of a code; `where` filters by case attribute; `find` fuzzy-searches the quotes. */
  'retrieval.segments': {
    args: () =>
      z.strictObject({
        code: guid(),
        descendants: flag().optional(),
        coders: z.array(guid()).optional(),
        documents: z.array(guid()).optional(),
        where: z.record(z.string(), z.string(need('text'))).optional(),
        viewer: guid().optional(),
        find: z.string(need('text')).max(200, 'is too long').optional(),
      }),
    result: result<T.SegmentView[]>(),
  },
  'cases.list': { args: () => none(), result: result<T.CasesView>() },
  /** CSV: first column the case name, others attributes ("name:type" declares a type). Every row checked first. */
  'cases.importAttributes': {
    writes: true,
    args: () => z.strictObject({ csv: tableText(), name: name().optional() }),
    result: result<T.AttributesImportReportView>(),
  },

  /** Undo/redo the actor's changes (each UI action is one step), read from the project's log so they survive restarts; `entities` says what to reload. */
  'history.undo': { writes: true, args: () => none(), result: result<T.HistoryStep>() },
  'history.redo': { writes: true, args: () => none(), result: result<T.HistoryStep>() },
  'history.state': { args: () => none(), result: result<T.HistoryState>() },

  /** Agreement between two coders at one unit (default character); statistics as computed, never rounded. */
  'agreement.report': { args: () => z.strictObject(agreementScope()), result: result<T.AgreementReport>() },
  /**
   * The agreement report (the same numbers as agreement.report) with its disagreements, as a file
   * in `format`: xlsx, csv (UTF-8 with BOM), md or self-contained html; the bytes as base64.
   */
  'agreement.export': {
    args: () =>
      z.strictObject({
        ...agreementScope(),
        format: z.enum(REPORT_FORMATS, { error: `must be one of ${REPORT_FORMATS.join(', ')}` }),
      }),
    result: result<AgreementExportFile>(),
  },
  /**
   * A statistic over a units × coders table (header: coder names; empty cell: missing), given as
   * CSV text or as a CSV file on this computer (one of the two). Needs no project.
   */
  'agreement.stats': {
    args: () =>
      z.strictObject({
        csv: z.string(need('CSV text')).max(50_000_000, 'is too long').optional(),
        file: z.string(need('a file path')).trim().min(1, 'must not be empty').max(4096, 'is too long').optional(),
        /** Names CSV text in messages (a file is named by its file name). */
        name: name().optional(),
        statistic: z.enum(TABLE_STATISTICS, { error: `must be one of ${TABLE_STATISTICS.join(', ')}` }),
        level: z.enum(['nominal', 'ordinal', 'interval', 'ratio'], { error: 'must be one of nominal, ordinal, interval, ratio' }).optional(),
        categories: z.number(need('a number')).int('must be a whole number').min(2, 'must be 2 or more').optional(),
        ci: resampling().optional(),
      }),
    result: result<T.TableStatResult>(),
  },
  /** Every stretch one coder coded and the other did not, in document order, each with a stable id. */
  'agreement.disagreements': { args: () => z.strictObject(pairScope()), result: result<T.Disagreement[]>() },
  /** Creates or refreshes the consensus coder of two coders (`name`: default "Consensus (A+B)"). */
  'consensus.start': { writes: true, args: () => z.strictObject({ ...pairScope(), name: name().optional() }), result: result<T.StartResult>() },
  /** Decides one disagreement (`item`: its id); custom keeps [start, end) instead. */
  'consensus.decide': {
    writes: true,
    args: () =>
      z.strictObject({
        ...pairScope(),
        name: name().optional(),
        item: z.string(need('a disagreement id')).trim().min(1, 'must not be empty').max(100, 'is too long'),
        decision: z.enum(DECISIONS, { error: `must be one of ${DECISIONS.join(', ')}` }),
        start: offset().optional(),
        end: offset().optional(),
        reason: text().optional(),
        /** Leave `open` empty (the caller holds the disagreements). */
        brief: flag().optional(),
      }),
    result: result<T.DecideResult>(),
  },
  /** `brief`: leave `open` empty (the caller holds the disagreements). */
  'consensus.status': {
    args: () => z.strictObject({ ...pairScope(), name: name().optional(), brief: flag().optional() }),
    result: result<T.ConsensusStatus>(),
  },
  /** Declares the consensus finished (its codings brought up to date, the time recorded); one undoable step. */
  'consensus.finish': {
    writes: true,
    args: () => z.strictObject({ ...pairScope(), name: name().optional(), brief: flag().optional() }),
    result: result<T.ConsensusStatus>(),
  },

  /** Merges a second coder's project file (a path on this computer) into this one, after a backup; one undoable step. */
  'project.mergeCoderProject': {
    writes: true,
    args: () => z.strictObject({ file: z.string(need('a file path')).trim().min(1, 'must not be empty').max(4096, 'is too long') }),
    result: result<T.CoderProjectMergeReport>(),
  },
  /** The same merge for a file sent by a browser (bytes as base64), written to a temporary file first. */
  'project.mergeCoderUpload': { writes: true, args: () => upload(), result: result<T.CoderProjectMergeReport>() },
  /** The event log, newest first. */
  'project.log': { args: () => z.strictObject({ limit: limit().optional() }), result: result<T.ProjectLogView>() },

  // Each feature's methods live in their own list (shared/api/methods/*.ts), spread in here. Each
  // method needs a handler in electron/api/handlers.ts (or handlers/*.ts), and its changes need an
  // inverse in electron/services/undo/ to be undoable.
  ...analysisMethods,
  ...excerptMethods,
  ...refiMethods,
  ...refiImportMethods,
  ...safetyMethods,
  ...transcriptEditMethods,
  ...historyMethods,
  ...projectMethods,
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type ApiArgs<M extends ApiMethod> = z.input<ReturnType<Contract[M]['args']>>;
/** What a handler receives (after validation). */
export type ApiParsedArgs<M extends ApiMethod> = z.output<ReturnType<Contract[M]['args']>>;
export type ApiResult<M extends ApiMethod> = Contract[M]['result'];

/** 'unauthorized' comes only from the HTTP bridge (missing or wrong token). */
export interface ApiErrorBody {
  code: ErrorCode | 'unauthorized';
  message: string;
}
export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export const API_METHODS = Object.keys(contract) as ApiMethod[];

/** Whether a call changes the project file (its entry says `writes: true`). */
export function methodWrites(m: ApiMethod): boolean {
  const entry = contract[m];
  return 'writes' in entry && entry.writes === true;
}

export function isApiMethod(m: string): m is ApiMethod {
  return Object.hasOwn(contract, m);
}

/**
 * What Electron's preload exposes as `window.marginalia`: exactly one function per method,
 * each sending the call to the main process and resolving with its ApiResponse.
 */
export type MarginaliaPreload = { [M in ApiMethod]: (args: unknown) => Promise<ApiResponse<ApiResult<M>>> };

export type { CodeWithCounts, CodingView } from './types.js';
