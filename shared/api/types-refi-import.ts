/** Results of the REFI-QDA import methods (shared/api/methods/refi-import.ts). */

/** One thing the import changed (`adjusted`) or left out (`skipped`), and why. */
export interface RefiReportItem {
  /** What it is: "code", "source", "coding", "note", "case", "variable", "set", "graph", "link", "user", "file"… */
  kind: string;
  /** Its name (or GUID when it has none) as the file gives it. */
  item: string;
  reason: string;
}

export interface RefiImportCounts {
  coders: number;
  codes: number;
  documents: number;
  codings: number;
  cases: number;
  attributes: number;
  values: number;
  memos: number;
}

export interface RefiProjectImportReport {
  /** The .qdpx file's name. */
  file: string;
  /** The new project file written. */
  project: string;
  /** The inner XML entry read (project.qde, or e.g. Trial.qde). */
  entry: string;
  /** The Project's origin attribute (the tool that wrote it), if any. */
  origin: string | null;
  counts: RefiImportCounts;
  adjusted: RefiReportItem[];
  skipped: RefiReportItem[];
}

export interface RefiCodebookImportReport {
  file: string;
  origin: string | null;
  /** Paths of the codes added to the code book. */
  created: string[];
  /** Codes of the file already in the code book (by GUID, then by path). */
  matched: number;
  adjusted: RefiReportItem[];
  skipped: RefiReportItem[];
  /** The copy of the project taken just before the import. */
  backup: string | null;
}
