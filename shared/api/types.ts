/**
 * What API calls return, as plain JSON-safe shapes. They live in shared/ so the renderer can use
 * them; the handlers' `satisfies` check makes sure the services really return these shapes.
 * Offsets are UTF-16 code units into the stored document text, half-open [start, end).
 */
import type { AttributeType, CodeRecord, CoderRecord, Cue, DocumentSummary, Span, Turn } from '../types.js';

/** An item as results name it: its GUID (what arguments take) and what people read. */
export interface Named {
  guid: string;
  name: string;
}

/** What a project holds (electron/services/project.ts projectInfo returns exactly this). */
export interface ProjectInfo {
  path: string;
  guid: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  documents: number;
  codes: number;
  coders: Named[];
  codings: number;
}

export interface ProjectInfoView extends ProjectInfo {
  /** Blind coding: while on, pass `viewer` to codings.forDocument and retrieval.segments. */
  blind: boolean;
  /** Coders who have chosen to see the others' codings. */
  revealed: Named[];
}

export interface DocumentListItem extends DocumentSummary {
  /** Codings per coder in this document (coders with none are left out). */
  byCoder: { coderGuid: string; coder: string; codings: number }[];
}

export interface DocumentContentView {
  id: number;
  guid: string;
  name: string;
  text: string;
  turns: Turn[];
  cues: Cue[];
}

export interface ImportReportView {
  imported: { file: string; id: number; guid: string; name: string; length: number; turns: number; warnings: string[] }[];
  skipped: { file: string; reason: 'duplicate'; duplicateOf: string }[];
}

export interface DocumentImpact {
  guid: string;
  document: string;
  codings: number;
}

export interface CodeWithCounts extends CodeRecord {
  /** Codings of this code itself, and of it with all its sub-codes. */
  own: number;
  total: number;
}

export interface CodeImpact {
  guid: string;
  /** The code's path. */
  code: string;
  subcodes: number;
  codings: number;
}

export interface CoderWithCounts extends CoderRecord {
  codings: number;
  documents: number;
  /** A consensus coder: the GUIDs of the two coders it reconciles (A first). */
  consensusOf?: [string, string];
}

/** One coding as the transcript view draws it. */
export interface CodingView extends Span {
  guid: string;
  codeGuid: string;
  /** The code's path, e.g. "Dynamic security/Boundaries". */
  code: string;
  color: string;
  coderGuid: string;
  coder: string;
  memo: string | null;
}

export interface ApplyResultView extends Span {
  /** The coding that now holds the span (an older one's GUID when it merged). */
  guid: string;
  /** GUIDs of codings it merged with; they are gone now. */
  mergedWith: string[];
  /** GUID of the document it is in. */
  document: string;
  /** The coding as stored, as codings.forDocument shows it (so nothing needs to be re-read). */
  coding: CodingView;
  /** Counts after the write (every coder's view: blind coding never hides a coder's own counts). */
  counts: CodingWriteCounts;
}

/** What one coding write changed in the lists' counts. */
export interface CodingWriteCounts {
  /** The coding's coder: codings in the project and documents with any. */
  coder: { guid: string; codings: number; documents: number };
  /** The coder's codings in the coding's document. */
  document: { guid: string; coderCodings: number };
  /** Every coding in the project. */
  project: number;
}

export interface SearchHitView extends Span {
  documentGuid: string;
  document: string;
  documentId: number;
  matches: Span[];
  /** About a dozen words either side, the match in [brackets]. */
  snippet: string;
}

export interface SegmentView extends Span {
  guid: string;
  documentGuid: string;
  document: string;
  codeGuid: string;
  /** The code's path. */
  code: string;
  coderGuid: string;
  coder: string;
  lineStart: number;
  lineEnd: number;
  speaker: string | null;
  caseName: string | null;
  quote: string;
  memo: string | null;
}

export interface CasesView {
  attributes: { name: string; type: AttributeType }[];
  cases: { name: string; guid: string; attributes: Record<string, string> }[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What undo / redo would do, e.g. `apply code "Rapport"`, for "Undo …" menu items. */
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface HistoryStep {
  /** What was undone or redone; null when there was nothing to do. */
  label: string | null;
  /** Kinds of item it touched (coding, code, document, memo, coder, case): what to reload. */
  entities: string[];
  state: HistoryState;
}

/** One change from the project's append-only event log. */
export interface ProjectEvent {
  id: number;
  /** Events of one user action share a batch. */
  batch: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityGuid: string | null;
  /** The entity's name or path when the event carries one, else the start of its GUID. */
  label: string;
}

export interface ProjectLogView {
  /** Newest first. */
  events: ProjectEvent[];
  /** Events in the whole log. */
  total: number;
}

export type {
  AgreementReport,
  AgreementUnit,
  CharacterReport,
  ConsensusStatus,
  DecideResult,
  Decision,
  Disagreement,
  PresenceReport,
  SegmentReport,
  StartResult,
  TableStatResult,
  TurnReport,
  UnitizedReport,
} from '../agreement/reports.js';

/** What merging a second coder's project file did: matched, added, conflicted, and the backup made first. */
export interface CoderProjectMergeReport {
  /** The other file's name. */
  from: string;
  /** Path of the copy of this project written before anything changed. */
  backup: string;
  documents: { matched: number; added: string[] };
  codes: { matched: number; added: string[] };
  coders: { matched: number; added: string[]; renamed: { from: string; to: string }[] };
  codings: { added: number; skipped: number };
  cases: { added: string[]; valuesSet: number };
  memos: { added: number };
  conflicts: { kind: string; item: string; reason: string }[];
}

// ---- files and tables in and out (the CLI reads and writes the files; the API moves text) ----

/** documents.importFiles: as documents.import, plus the files a folder held that were not transcripts. */
export interface FileImportReportView extends ImportReportView {
  /** Files in a given folder left alone (sub-folders, hidden files, other types), with why. */
  ignored: { file: string; reason: string }[];
}

/** codebook.createPath: the new code, and the paths of every code it made (missing parents first). */
export interface CreatedPathView {
  code: CodeRecord;
  created: string[];
}

export interface CodebookExportView {
  format: 'json' | 'csv' | 'qdc';
  codes: number;
  content: string;
}

export interface CodebookImportReportView {
  created: string[];
  matched: number;
  updated: string[];
  /** Matched codes whose fields differ from the file; kept as they are unless `update` is set. */
  differing: string[];
}

export interface CodingsImportReportView {
  rows: number;
  created: number;
  merged: number;
  codersCreated: string[];
}

export interface ExportedCodingView extends Span {
  guid: string;
  document: string;
  code: string;
  coder: string;
  memo: string;
  quote: string;
  createdAt: string;
  updatedAt: string;
}

/** codings.export: the rows, and the same as CSV (re-importable) or JSON text. */
export interface CodingsExportView {
  format: 'csv' | 'json';
  rows: ExportedCodingView[];
  content: string;
}

export interface AttributesImportReportView {
  casesCreated: number;
  casesUpdated: number;
  attributesCreated: string[];
  valuesSet: number;
}
