/**
 * Picks the parser for a file by extension and runs the whole import of one file:
 * size check, read, parse, then speaker turns (unless the format supplied its own).
 */
// node:fs's promises, not node:fs/promises: that module (with its streams) loads on first use, not with the services.
import { promises as fsp } from 'node:fs';
import { basename, extname } from 'node:path';
import { fail, MarginaliaError } from '../../../shared/errors.js';
import { detectTurns } from '../../../shared/text/turns.js';
import { parseDocx } from './docx.js';
import { parseMarkdown } from './markdown.js';
import { parsePdf } from './pdf.js';
import { parseSrtFile, parseVttFile } from './subtitles.js';
import { parseTxt } from './txt.js';
import type { FormatParser, ImportOptions, ParsedDocument, SourceFormat } from './types.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const BY_EXTENSION: Record<string, { format: SourceFormat; parse: FormatParser }> = {
  '.txt': { format: 'txt', parse: parseTxt },
  '.md': { format: 'md', parse: parseMarkdown },
  '.markdown': { format: 'md', parse: parseMarkdown },
  '.docx': { format: 'docx', parse: parseDocx },
  '.pdf': { format: 'pdf', parse: parsePdf },
  '.vtt': { format: 'vtt', parse: parseVttFile },
  '.srt': { format: 'srt', parse: parseSrtFile },
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The format and parser for a file name (case-insensitive extension). */
export function parserFor(fileName: string): { format: SourceFormat; parse: FormatParser } {
  const ext = extname(fileName).toLowerCase();
  const entry = BY_EXTENSION[ext];
  if (!entry) {
    const what = ext === '' ? 'has no file extension' : `has an unsupported type (${ext})`;
    fail('unsupported_format', `${basename(fileName)}: ${what}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  return entry;
}

/** Sizes as a person reads them; small limits (tests, --max-size 0.001) stay readable. */
const mb = (n: number): string => {
  const m = n / (1024 * 1024);
  if (m >= 10) return `${m.toFixed(0)} MB`;
  if (m >= 0.1) return `${m.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
};

export async function parseFile(path: string, options: ImportOptions = {}): Promise<ParsedDocument> {
  const name = basename(path);
  parserFor(name); // refuse an unsupported type before reading the file
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  let size: number;
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) fail('invalid_input', `${name}: not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
    fail('not_found', `${name}: cannot open the file (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (size > maxBytes) {
    fail('too_large', `${name}: ${mb(size)} is over the import limit of ${mb(maxBytes)}; raise it with --max-size MB`);
  }
  if (size === 0) fail('empty_file', `${name}: the file is empty`);

  return parseBytes(name, new Uint8Array(await fsp.readFile(path)), options);
}

/**
 * Parses a file's bytes (from disk, or uploaded in browser mode) with the same checks and
 * one-line errors as a file on disk.
 */
export async function parseBytes(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ParsedDocument> {
  const { parse } = parserFor(name);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) fail('too_large', `${name}: ${mb(bytes.length)} is over the import limit of ${mb(maxBytes)}; raise it with --max-size MB`);
  if (bytes.length === 0) fail('empty_file', `${name}: the file is empty`);
  let doc: ParsedDocument;
  try {
    doc = await parse(bytes, name);
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    fail('corrupt_file', `${name}: cannot be read (${msg})`);
  }
  const turns = doc.turns.length > 0 || doc.cues.length > 0 ? doc.turns : detectTurns(doc.text);
  return { ...doc, turns };
}
