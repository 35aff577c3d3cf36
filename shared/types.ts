/**
 * Domain types shared by every process. Offsets are always UTF-16 code units into the
 * stored (normalised) document text, half-open: [start, end).
 */

export type Guid = string;

export interface Span {
  start: number;
  end: number;
}

/** A speaker turn: the whole paragraph range, and where the speech begins after the label. */
export interface Turn extends Span {
  speaker: string;
  speechStart: number;
}

/** A subtitle cue (.vtt/.srt) kept with its timestamps, in milliseconds. */
export interface Cue extends Span {
  beginMs: number;
  endMs: number;
}

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'vtt' | 'srt';

export interface DocumentSummary {
  id: number;
  guid: Guid;
  name: string;
  format: SourceFormat;
  length: number;
  turns: number;
  caseName: string | null;
  importedAt: string;
  codings: number;
}

export interface CodeRecord {
  id: number;
  guid: Guid;
  parentId: number | null;
  name: string;
  path: string;
  color: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  position: number;
}

export interface CoderRecord {
  id: number;
  guid: Guid;
  name: string;
}

export interface CodingRecord extends Span {
  id: number;
  guid: Guid;
  documentId: number;
  document: string;
  codeId: number;
  code: string;
  coderId: number;
  coder: string;
  quote: string;
  memo: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AttributeType = 'text' | 'number' | 'date' | 'boolean';

export type MemoTarget = 'project' | 'document' | 'code' | 'coding' | 'case';
