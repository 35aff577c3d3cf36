/**
 * What API calls return, as plain JSON-safe shapes. They live in shared/ so the renderer can use
 * them; the handlers' `satisfies` check makes sure the services really return these shapes.
 * Offsets are UTF-16 code units into the stored document text, half-open [start, end).
 */
import type { AttributeType, CodeRecord, CoderRecord, Cue, DocumentSummary, Span, Turn } from '../types.js';

/** What a project holds (electron/services/project.ts projectInfo returns exactly this). */
export interface ProjectInfo {
  path: string;
  guid: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  documents: number;
  codes: number;
  coders: string[];
  codings: number;
}

export interface ProjectInfoView extends ProjectInfo {
  /** Blind coding: while on, pass `viewer` to codings.forDocument and retrieval.segments. */
  blind: boolean;
  /** Coders who have chosen to see the others' codings. */
  revealed: string[];
}

export interface DocumentListItem extends DocumentSummary {
  /** Codings per coder in this document (coders with none are left out). */
  byCoder: { coder: string; codings: number }[];
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
  document: string;
  codings: number;
}

export interface CodeWithCounts extends CodeRecord {
  /** Codings of this code itself, and of it with all its sub-codes. */
  own: number;
  total: number;
}

export interface CodeImpact {
  code: string;
  subcodes: number;
  codings: number;
}

export interface CoderWithCounts extends CoderRecord {
  codings: number;
  documents: number;
}

/** One coding as the transcript view draws it. */
export interface CodingView extends Span {
  guid: string;
  codeGuid: string;
  /** The code's path, e.g. "Dynamic security/Boundaries". */
  code: string;
  color: string;
  coder: string;
  memo: string | null;
}

export interface ApplyResultView extends Span {
  /** The coding that now holds the span (an older one's GUID when it merged). */
  guid: string;
  /** GUIDs of codings it merged with; they are gone now. */
  mergedWith: string[];
}

export interface SearchHitView extends Span {
  document: string;
  documentId: number;
  matches: Span[];
  /** About a dozen words either side, the match in [brackets]. */
  snippet: string;
}

export interface SegmentView extends Span {
  guid: string;
  document: string;
  code: string;
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
