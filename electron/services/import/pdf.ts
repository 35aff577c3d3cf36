/**
 * PDF → text via pdfjs-dist's legacy build (the one meant for Node). Text items are grouped
 * into lines by their baseline, pages are kept apart with a form feed, paragraph gaps become
 * blank lines, and reflowHardWrapped then rebuilds paragraphs and drops page furniture.
 *
 * pdfjs setup under Node: no worker is configured; pdfjs falls back to its in-process "fake
 * worker", which imports pdf.worker.mjs on first use (about 1–2 s once per process, then fast).
 * Fonts are never rendered (disableFontFace) and eval is off (isEvalSupported: false).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fail, MarginaliaError } from '../../../shared/errors.js';
import { reflowHardWrapped } from '../../../shared/text/reflow.js';
import type { FormatParser } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
// Loaded lazily: the library is large and most imports are not PDFs.
const loadPdfJs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(sub: string): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  // pdfjs under Node reads these with fs.readFile(dir + name); it insists on a trailing '/'.
  return join(dirname(pkg), sub) + '/';
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  items: Item[];
}

function pageLines(items: Item[]): string[] {
  const lines: Line[] = [];
  for (const it of items) {
    if (it.str === '') continue;
    const tol = Math.max(1, it.size * 0.5);
    const line = lines.find((l) => Math.abs(l.y - it.y) <= tol);
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  const steps = lines
    .slice(1)
    .map((l, i) => lines[i]!.y - l.y)
    .sort((a, b) => a - b);
  const usual = steps[Math.floor(steps.length / 2)] ?? 0;
  lines.forEach((line, i) => {
    // A gap clearly taller than the usual line step is a paragraph break.
    if (i > 0 && usual > 0 && lines[i - 1]!.y - line.y > usual * 1.5) out.push('');
    out.push(joinItems(line.items));
  });
  return out;
}

function joinItems(items: Item[]): string {
  items.sort((a, b) => a.x - b.x);
  let s = '';
  let endX = -Infinity;
  for (const it of items) {
    const gap = it.x - endX;
    if (s !== '' && gap > it.size * 0.15 && !/\s$/.test(s) && !/^\s/.test(it.str)) s += ' ';
    s += it.str;
    endX = it.x + it.width;
  }
  return s;
}

function bytesContain(bytes: Uint8Array, needle: string, from: number, to: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, from), to).includes(needle, 0, 'latin1');
}

export const parsePdf: FormatParser = async (bytes, fileName) => {
  if (!bytesContain(bytes, '%PDF-', 0, 1024)) fail('corrupt_file', `${fileName}: not a PDF file (no %PDF header)`);
  if (!bytesContain(bytes, '%%EOF', bytes.length - 2048, bytes.length)) {
    fail('corrupt_file', `${fileName}: the PDF is incomplete (truncated: no end-of-file marker)`);
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs may take ownership of the buffer
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
  });
  const lines: string[] = [];
  try {
    const doc = await task.promise;
    try {
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        const items: Item[] = [];
        for (const raw of content.items) {
          if (!('str' in raw)) continue;
          const [a, b, , , x, y] = raw.transform as number[];
          items.push({ str: raw.str, x: x ?? 0, y: y ?? 0, width: raw.width, size: Math.hypot(a ?? 0, b ?? 0) || raw.height || 10 });
        }
        if (p > 1) lines.push('\f');
        lines.push(...pageLines(items));
        page.cleanup();
      }
    } finally {
      await doc.destroy();
    }
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
    const name = err instanceof Error ? err.name : '';
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (name === 'PasswordException') {
      fail('encrypted_file', `${fileName}: the PDF is password-protected; save an unprotected copy and import again`);
    }
    if (name === 'InvalidPDFException') fail('corrupt_file', `${fileName}: the PDF is damaged and cannot be read`);
    fail('corrupt_file', `${fileName}: the PDF cannot be read (${msg})`);
  } finally {
    await task.destroy().catch(() => undefined);
  }

  const r = reflowHardWrapped(lines);
  if (r.text.trim() === '') {
    fail('empty_file', `${fileName}: the PDF has no text layer (it may be a scan); run OCR on it first`);
  }
  const warnings = [`${fileName}: text rebuilt from PDF lines; check paragraph breaks`];
  if (r.pageNumbers > 0) warnings.push(`${fileName}: dropped ${r.pageNumbers} page-number line(s)`);
  if (r.headersFooters > 0) warnings.push(`${fileName}: dropped ${r.headersFooters} running header/footer line(s)`);
  if (r.dehyphenated > 0) warnings.push(`${fileName}: joined ${r.dehyphenated} word(s) hyphenated at line ends`);
  return { text: r.text, turns: [], cues: [], warnings };
};
