/** Results of correcting a transcript's text (issue 13 point 5). Offsets: UTF-16 code units. */

/** What the edit did to one coding. `same` codings are counted, not listed. */
export type CodingFate = 'moved' | 'edited' | 'trimmed' | 'orphaned';

export interface CodingChange {
  guid: string;
  code: string;
  codeGuid: string;
  coder: string;
  coderGuid: string;
  fate: CodingFate;
  before: { start: number; end: number; quote: string };
  /** Null for an orphan: its words were all deleted. */
  after: { start: number; end: number; quote: string } | null;
}

/** One changed place, with a little context either side, for the "what changes" list. */
export interface TextChange {
  /** Old offsets. */
  start: number;
  end: number;
  removed: string;
  inserted: string;
  /** Line number (1-based) in the old text. */
  line: number;
  before: string;
  after: string;
}

export interface TextEditReport {
  document: string;
  documentGuid: string;
  oldLength: number;
  newLength: number;
  changes: TextChange[];
  counts: { unchanged: number; moved: number; edited: number; trimmed: number; orphaned: number };
  /** Every coding that moved, changed size or was orphaned, in document order. */
  codings: CodingChange[];
  /** Speakers whose case assignment followed a renamed speaker label, or was dropped with it. */
  speakers: { renamed: { from: string; to: string }[]; dropped: string[] };
  /** True once written (documents.editText); false for a preview. */
  applied: boolean;
}

export interface OrphanedCoding {
  guid: string;
  code: string;
  codeGuid: string;
  coder: string;
  coderGuid: string;
  quote: string;
  /** Offset in the current text where its words were. */
  at: number;
  orphanedAt: string;
}

export interface OrphanList {
  document: string;
  documentGuid: string;
  orphans: OrphanedCoding[];
}
