/**
 * Result types of the analysis reports (frequencies and prevalence, co-occurrence, cross-tabs).
 * Numbers are never rounded here: rounding belongs to the table a person reads.
 */

/** What prevalence counts: cases (participants) where documents have cases, otherwise documents. */
export interface AnalysisUnit {
  kind: 'case' | 'document';
  /** Plural label people read, e.g. "cases", "documents" or a caller's own ("interviewees"). */
  label: string;
  /** How many units are in scope: the denominator of every prevalence. */
  total: number;
  /** Documents in scope that belong to no case (only when kind is 'case'; their codings count in codings and documents, not in cases). */
  documentsWithoutCase: number;
}

/** Whose codings were counted. */
export interface AnalysisCoders {
  mode: 'coders' | 'all' | 'consensus';
  coders: { guid: string; name: string }[];
}

export interface AnalysisScopeView {
  unit: AnalysisUnit;
  coders: AnalysisCoders;
  documents: number;
  /** Sub-codes' codings counted under each code. */
  subcodes: boolean;
}

export interface FrequencyRow {
  codeGuid: string;
  code: string;
  /** Depth in the code book (0 = top level), for indenting. */
  depth: number;
  codings: number;
  /** Characters covered by at least one counted coding (overlaps counted once), UTF-16 code units. */
  characters: number;
  documents: number;
  cases: number;
  /** Units (cases or documents, see unit) with at least one coding. */
  units: number;
  /** units / unit.total, 0 when there are no units; a fraction in [0, 1]. */
  prevalence: number;
}

export interface FrequencyReport extends AnalysisScopeView {
  rows: FrequencyRow[];
}

export const COOCCURRENCE_MODES = ['overlap', 'turn', 'near'] as const;
export type CooccurrenceMode = (typeof COOCCURRENCE_MODES)[number];

export interface CooccurrenceReport extends AnalysisScopeView {
  mode: CooccurrenceMode;
  /** The N of 'near': codings at most this many characters apart co-occur. */
  distance: number;
  codes: { codeGuid: string; code: string; codings: number }[];
  /**
   * counts[i][j]: pairs of codings (one of code i, one of code j, same coder, same document) that
   * co-occur; the diagonal holds code i's codings.
   */
  counts: number[][];
  /**
   * jaccard[i][j]: of all codings of codes i and j, the share that co-occur with a coding of the
   * other code (1 on the diagonal when the code has codings).
   */
  jaccard: number[][];
  /** Documents without speaker turns, left out in 'turn' mode. */
  documentsWithoutTurns: number;
}

export interface CrosstabCell {
  /** Cases with this value that have at least one coding of the code. */
  cases: number;
  /** cases / column.cases; 0 for an empty column. */
  share: number;
  codings: number;
}

export interface CrosstabReport extends AnalysisScopeView {
  attribute: { guid: string; name: string };
  /** Attribute values in order, then "(no value)" when some case has none; each with its case count. */
  columns: { value: string | null; label: string; cases: number }[];
  rows: { codeGuid: string; code: string; depth: number; cells: CrosstabCell[] }[];
}

/** A stretch of text behind a number: a coding, or two co-occurring codings taken together. */
export interface AnalysisPassage {
  documentGuid: string;
  document: string;
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
  caseName: string | null;
  coder: string;
  codes: string[];
  /** The text of [start, end), cut to 1,000 characters with an ellipsis. */
  text: string;
}

export interface PassageList {
  total: number;
  /** The first `limit` passages in document order. */
  passages: AnalysisPassage[];
}

export interface AnalysisOptions {
  coders: { guid: string; name: string; consensus: boolean; codings: number }[];
  attributes: { guid: string; name: string; type: string }[];
  /** Whether prevalence counts cases (some document has a case) or documents. */
  unit: 'case' | 'document';
}
