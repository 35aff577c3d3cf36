/**
 * Finding things inside a .qdpx the way real tools lay them out: the project XML under any
 * `.qde` name (ATLAS.ti writes `Trial.qde`), sources in `sources/` or `Sources/`, plainTextPath
 * with or without `internal://`, and a `.docx` or `.txt` original when the plain text is missing.
 * Each deviation is noted in the report.
 */
import { basename, extname } from 'node:path';
import { fail, MarginaliaError } from '../../../../shared/errors.js';
import { INTERNAL_PREFIX, QDE_ENTRY, SOURCES_DIR } from '../../../../shared/refi/index.js';
import { normaliseText } from '../../../../shared/text/normalise.js';
import type { Turn } from '../../../../shared/types.js';
import { decodeText } from '../../import/decode.js';
import { parseBytes } from '../../import/parsers.js';
import type { ReportLog, QSource } from './model.js';
import type { ZipArchive, ZipEntry } from './zip.js';

export function findQde(zip: ZipArchive, file: string, log: ReportLog): ZipEntry {
  const files = zip.entries.filter((e) => !e.isDirectory && e.name.toLowerCase().endsWith('.qde'));
  const exact = files.find((e) => e.name === QDE_ENTRY);
  if (exact) return exact;
  const rootLevel = files.filter((e) => !e.name.includes('/'));
  const pick = rootLevel.find((e) => e.name.toLowerCase() === QDE_ENTRY) ?? rootLevel[0] ?? files[0];
  if (!pick) fail('invalid_input', `${file}: not a REFI-QDA project: the archive holds no project.qde (no .qde file at all)`);
  log.adjust('file', pick.name, `the project XML is named "${pick.name}", not "${QDE_ENTRY}"; read it as the project`);
  if (files.length > 1)
    log.skip(
      'file',
      files
        .filter((f) => f !== pick)
        .map((f) => f.name)
        .join(', '),
      'more than one .qde in the archive; only the first was read',
    );
  return pick;
}

export interface SourceText {
  /** As the source tool had it (BOM dropped, line ends as they were): what its positions count. */
  raw: string;
  /** Normalised once (LF only): what is stored. */
  stored: string;
  format: 'txt' | 'docx';
  turns: Turn[] | null;
}

export class SourceFiles {
  private readonly byLower = new Map<string, ZipEntry>();
  constructor(
    private readonly zip: ZipArchive,
    private readonly file: string,
    private readonly log: ReportLog,
  ) {
    for (const e of zip.entries) if (!e.isDirectory) this.byLower.set(e.name.toLowerCase(), e);
  }

  /** The archive entry a path in the XML names, trying `sources/` in any case; null when absent. */
  locate(path: string, what: string): ZipEntry | null {
    let p = path.trim().replace(/\\/g, '/');
    const internal = p.toLowerCase().startsWith(INTERNAL_PREFIX);
    if (internal) p = p.slice(INTERNAL_PREFIX.length);
    else if (/^[a-z]+:\/\//i.test(p)) p = p.replace(/^[a-z]+:\/\//i, '');
    p = p.replace(/^\.?\/+/, '');
    const candidates = [`${SOURCES_DIR}/${p}`, p, `${SOURCES_DIR}/${basename(p)}`];
    for (const c of candidates) {
      const hit = this.byLower.get(c.toLowerCase());
      if (!hit) continue;
      if (!hit.name.startsWith(`${SOURCES_DIR}/`) && hit.name.toLowerCase().startsWith(`${SOURCES_DIR}/`)) {
        this.log.adjust('file', what, `its file is in "${hit.name.split('/')[0]}/" rather than "${SOURCES_DIR}/"; read from there`);
      }
      if (!internal && !/^[a-z]+:\/\//i.test(path))
        this.log.adjust('file', what, `its path "${path}" has no "${INTERNAL_PREFIX}" prefix; read it from the archive`);
      return hit;
    }
    return null;
  }

  read(entry: ZipEntry): Uint8Array {
    return this.zip.read(entry);
  }

  /** A source's text: its plain text (file or content), else a .txt or .docx original. Null: none found (reported). */
  async textOf(s: QSource): Promise<SourceText | null> {
    const what = s.name;
    if (s.content !== undefined && !s.plainTextPath) return plain(s.content);
    if (s.plainTextPath) {
      const entry = this.locate(s.plainTextPath, what);
      if (entry) return this.decodePlain(entry, what);
    }
    for (const original of this.originals(s)) {
      const entry = this.locate(original, what);
      if (!entry) continue;
      const ext = extname(entry.name).toLowerCase();
      if (ext !== '.txt' && ext !== '.docx') continue;
      const missing = s.plainTextPath ? `its plain text "${s.plainTextPath}" is missing` : 'it has no plain text';
      this.log.adjust('source', what, `${missing}; the text was read from the original "${basename(entry.name)}" (check its codings)`);
      if (ext === '.txt') return this.decodePlain(entry, what);
      try {
        const doc = await parseBytes(basename(entry.name), this.read(entry));
        return { raw: doc.text, stored: doc.text, format: 'docx', turns: doc.turns };
      } catch (err) {
        if (err instanceof MarginaliaError && (err.code === 'too_large' || err.code === 'invalid_input')) throw err;
        this.log.skip('source', what, `its original "${basename(entry.name)}" cannot be read (${err instanceof Error ? err.message : String(err)})`);
        return null;
      }
    }
    if (s.content !== undefined) return plain(s.content);
    this.log.skip(
      'source',
      what,
      s.plainTextPath ? `its plain text "${s.plainTextPath}" is not in the archive, nor a .txt or .docx original` : 'it has no text',
    );
    return null;
  }

  private originals(s: QSource): string[] {
    const out: string[] = [];
    if (s.richTextPath) out.push(s.richTextPath);
    if (s.path) out.push(s.path);
    const stems = [s.plainTextPath && basename(s.plainTextPath.replace(/^[a-z]+:\/\//i, '')).replace(/\.[^.]+$/, ''), s.key, s.name.replace(/\.[^.]+$/, '')];
    for (const stem of stems) if (stem) out.push(`${stem}.docx`, `${stem}.txt`);
    if (/\.(txt|docx)$/i.test(s.name)) out.push(s.name);
    return out.filter((p) => !s.plainTextPath || p !== s.plainTextPath);
  }

  private decodePlain(entry: ZipEntry, what: string): SourceText | null {
    try {
      const decoded = decodeText(this.read(entry), basename(entry.name));
      for (const w of decoded.warnings) this.log.adjust('source', what, w);
      return plain(decoded.text);
    } catch (err) {
      if (!(err instanceof MarginaliaError) || err.code === 'too_large' || err.code === 'invalid_input') throw err;
      this.log.skip('source', what, err.code === 'empty_file' ? 'its text is empty' : err.message);
      return null;
    }
  }

  /** A note's text, from its content or its file. */
  noteText(n: { name: string; content: string | undefined; plainTextPath: string | undefined }): string | null {
    if (n.content !== undefined) return normaliseText(n.content);
    if (!n.plainTextPath) return null;
    const entry = this.locate(n.plainTextPath, n.name || 'note');
    if (!entry) return null;
    try {
      return normaliseText(decodeText(this.read(entry), basename(entry.name)).text);
    } catch (err) {
      if (err instanceof MarginaliaError && err.code === 'too_large') throw err;
      return null;
    }
  }

  get fileName(): string {
    return this.file;
  }
}

function plain(text: string): SourceText | null {
  const raw = text.replace(/^\uFEFF+/, '');
  return { raw, stored: normaliseText(raw), format: 'txt', turns: null };
}
