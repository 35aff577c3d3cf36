/** What an excerpt export is asked for, GUIDs throughout (the contract's arguments, as the services take them). */
import type { ExcerptFormat, ExcerptTemplate } from '../../../shared/excerpts/types.js';

export interface ExcerptRequest {
  /** The themes, by code GUID; with `descendants` each one's sub-codes are themes too. */
  codes: readonly string[];
  descendants?: boolean | undefined;
  /** Coder GUIDs (default: every coder but consensus coders), or the consensus coder. */
  coders?: readonly string[] | undefined;
  consensus?: string | boolean | undefined;
  documents?: readonly string[] | undefined;
  /** Case GUIDs: only passages of these cases (and prevalence over the documents holding them). */
  cases?: readonly string[] | undefined;
  /** Only these codings (by GUID): what the Retrieval panel shows. */
  codings?: readonly string[] | undefined;
  /** Case attribute = value, all must match (case-insensitive): a case filter like `cases`. */
  where?: Record<string, string> | undefined;
  template?: ExcerptTemplate | undefined;
  /** Attribute names shown in each attribution, in this order. */
  attributes?: readonly string[] | undefined;
  /** Keep speaker labels inside quotes. */
  speakers?: boolean | undefined;
  /** Print coding memos under their quotes. */
  memos?: boolean | undefined;
  maxChars?: number | undefined;
  maxQuotes?: number | undefined;
  /** Pseudonymise the export: find → replace pairs; a find equal to a case name labels that case. */
  pseudonymise?: { replace: readonly (readonly [string, string])[] } | undefined;
  title?: string | undefined;
  viewer?: string | undefined;
  /** Progress of this export is readable under this id (excerpts.progress). */
  job?: string | undefined;
}

export interface ExcerptFileRequest extends ExcerptRequest {
  format: ExcerptFormat;
}
