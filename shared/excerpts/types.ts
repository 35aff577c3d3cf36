/**
 * The themed excerpt export: what can be asked for (templates, formats, options) and the model
 * every writer renders. One model feeds DOCX, XLSX, CSV, Markdown and HTML, so a quote, its
 * attribution and its theme's prevalence line read the same in every file.
 */
export const EXCERPT_TEMPLATES = ['snippet', 'glance', 'table'] as const;
export type ExcerptTemplate = (typeof EXCERPT_TEMPLATES)[number];
export const EXCERPT_FORMATS = ['docx', 'xlsx', 'csv', 'md', 'html'] as const;
export type ExcerptFormat = (typeof EXCERPT_FORMATS)[number];

export const TEMPLATE_LABELS: Record<ExcerptTemplate, string> = {
  snippet: 'Research snippet',
  glance: 'Research at a glance',
  table: 'Table',
};

export const FORMAT_LABELS: Record<ExcerptFormat, string> = {
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (.csv, UTF-8)',
  md: 'Markdown (.md)',
  html: 'Web page (.html)',
};

export const EXCERPT_MIME: Record<ExcerptFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** Pseudonymisation, applied to the export only: case labels, then find/replace inside the text. */
export interface Pseudonyms {
  /** Case name → label; a case not listed becomes "Participant N" (N in case order). */
  cases: Record<string, string>;
  /** Applied in order to quotes, memos and document names; whole words, case as written. */
  replace: [string, string][];
}

/** Where a prevalence figure comes from: cases when documents have cases, else documents. */
export interface Prevalence {
  count: number;
  total: number;
  unit: 'cases' | 'documents';
  /** Plural label of the unit as printed: "interviews" or "participants". */
  label: string;
}

export interface ExcerptQuote {
  /** The words as exported: labels stripped (unless kept), ellipses where trimmed, pseudonyms applied. */
  text: string;
  /** "CO-01 (officer, Institution B), co-01.txt, lines 12–14". */
  attribution: string;
  caseLabel: string | null;
  /** The chosen attributes, in the order asked, with their values for this case (empty when none). */
  attributes: [string, string][];
  document: string;
  /** "lines 12–14" or "00:01:02–00:01:10" (subtitles). */
  where: string;
  lineStart: number;
  lineEnd: number;
  /** UTF-16 offsets as stored, [start, end). */
  start: number;
  end: number;
  coders: string[];
  speaker: string | null;
  memo: string | null;
  /** Theme path this quote was coded with. */
  theme: string;
}

export interface ExcerptTheme {
  guid: string;
  path: string;
  name: string;
  /** 0 for the first level shown (relative to the shallowest theme exported). */
  depth: number;
  definition: string;
  prevalence: Prevalence | null;
  /** "Coded in 20 of 34 interviews (59%)", or '' without prevalence. */
  prevalenceLine: string;
  quotes: ExcerptQuote[];
  /** Direct sub-themes exported after it. */
  subthemes: number;
}

/** What the analyst wrote in the project memo, split at "## Heading" lines (e.g. What it means). */
export interface MemoSection {
  heading: string;
  body: string;
}

export interface ExcerptModel {
  template: ExcerptTemplate;
  title: string;
  project: string;
  /** ISO time of the export. */
  date: string;
  /** Whose codings: "all coders", "Alice", "Consensus (Alice+Bob)". */
  coders: string;
  keyWords: string[];
  themes: ExcerptTheme[];
  /** "What we did" filled from the data (glance). */
  whatWeDid: string;
  /** Sections from the project memo (glance), in the memo's order. */
  memoSections: MemoSection[];
  withMemos: boolean;
  /** The chosen attribute names (table columns). */
  attributes: string[];
  pseudonymised: boolean;
}

/** What excerpts.preview answers: enough for the dialog to say what the export will hold. */
export interface ExcerptPreview {
  themes: number;
  quotes: number;
  /** Codings behind the quotes: more than quotes when several coders coded a passage alike (quoted once; the Table lists each). */
  codings: number;
  documents: number;
  cases: number;
}

/** excerpts.export's answer: the file's bytes as base64, for a browser download or the CLI. */
export interface ExcerptFile extends ExcerptPreview {
  name: string;
  mime: string;
  base64: string;
}

/** excerpts.exportTo's answer: the file written on this computer. */
export interface ExcerptWritten extends ExcerptPreview {
  path: string;
  bytes: number;
}

export interface ExcerptProgress {
  stage: 'collecting' | 'writing' | 'packing' | 'done' | 'unknown';
  done: number;
  total: number;
}
