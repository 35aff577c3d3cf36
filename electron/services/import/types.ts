import type { Cue, SourceFormat, Turn } from '../../../shared/types.js';

/** What every format parser returns: the normalised text and the structure found in it. */
export interface ParsedDocument {
  /** Normalised once: BOM stripped, CRLF and lone CR turned into LF. Never changed after import. */
  text: string;
  /** Speaker turns, offsets in UTF-16 code units into `text`, in document order. */
  turns: Turn[];
  /** Subtitle cues with timestamps (.vtt/.srt only; empty otherwise). */
  cues: Cue[];
  /** Things the researcher should know, e.g. "decoded as Windows-1252", "dropped 3 page-number lines". */
  warnings: string[];
}

/**
 * A format parser. Reads only the bytes it is given; throws MarginaliaError with a one-line
 * message naming `fileName` and the problem (corrupt, encrypted, empty, binary...).
 */
export type FormatParser = (bytes: Uint8Array, fileName: string) => Promise<ParsedDocument>;

export interface ImportOptions {
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
}

export type { SourceFormat };
