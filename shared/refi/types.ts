/** Results of the REFI-QDA export methods (shared/api/methods/refi.ts). */
export interface RefiExportSummary {
  /** Suggested file name (browser download) or the written file's name. */
  fileName: string;
  /** Size of the .qdpx in bytes. */
  bytes: number;
  users: number;
  codes: number;
  variables: number;
  cases: number;
  documents: number;
  codings: number;
  notes: number;
}

export interface RefiExportDownload extends RefiExportSummary {
  base64: string;
}

export interface RefiExportFile extends RefiExportSummary {
  path: string;
}

export interface RefiCodebookExport {
  fileName: string;
  codes: number;
  /** The .qdc XML. */
  content: string;
}
