/**
 * Word .docx → text. Paragraphs are separated by one blank line; tabs are kept; a manual line
 * break (Shift+Enter) becomes a single LF.
 *
 * Why not mammoth.extractRawText: it drops <w:br/>, so "R: Yes.<br/>I: And then?" comes out as
 * "R: Yes.I: And then?" — words glued together and a speaker turn lost. We use mammoth's
 * documented `transformDocument` hook to read the parsed element tree ourselves, and hand back
 * an empty document so no HTML (or base64 image) is ever produced.
 */
import { fail, MarginaliaError } from '../../../shared/errors.js';
import { normaliseText } from '../../../shared/text/normalise.js';
import type { FormatParser } from './types.js';
import { DOCX_ZIP_LIMITS, guardZipExpansion } from './zip-guard.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

interface DocxElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: DocxElement[];
}

function elementText(el: DocxElement, out: string[]): void {
  switch (el.type) {
    case 'text':
      out.push(el.value ?? '');
      return;
    case 'tab':
      out.push('\t');
      return;
    case 'break':
      out.push('\n'); // line, page or column break inside a paragraph
      return;
    default:
      for (const c of el.children ?? []) elementText(c, out);
      if (el.type === 'paragraph') out.push('\n\n');
  }
}

/** Blank-line runs → one blank line; whitespace-only lines count as blank; no edge blanks. */
export function tidyParagraphs(raw: string): string {
  return normaliseText(raw)
    .replace(/^[ \t\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export const parseDocx: FormatParser = async (bytes, fileName) => {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) {
      fail('encrypted_file', `${fileName}: the .docx is password-protected; remove the password in Word and import again`);
    }
    fail('corrupt_file', `${fileName}: this is an old-style Word (.doc) or other OLE file, not a .docx; open it in Word and save as .docx`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) fail('corrupt_file', `${fileName}: not a valid .docx (it is not a zip package)`);
  guardZipExpansion(bytes, fileName, DOCX_ZIP_LIMITS);

  // Loaded on first use: mammoth and its zip and XML libraries are a fifth of the CLI's start-up.
  const { default: mammoth } = await import('mammoth');
  const parts: string[] = [];
  const messages: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: DocxElement) => {
          elementText(doc, parts);
          return { ...doc, children: [] };
        },
      },
    );
    for (const m of result.messages) if (m.type === 'error') messages.push(m.message);
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
    const msg = (err instanceof Error ? err.message : String(err)).replace(/[ \t]+/g, ' ');
    const why =
      err instanceof RangeError && /call stack/i.test(msg)
        ? 'the document is nested too deeply to read'
        : /entity not found|<!DOCTYPE|<!ENTITY/i.test(msg)
          ? 'the document declares XML entities (a DOCTYPE), which Word never writes; refused'
          : /central directory|corrupt|zip|end of data|invalid/i.test(msg)
            ? 'the file is damaged or incomplete (the zip package cannot be read)'
            : /main document part|word\/document\.xml/i.test(msg)
              ? 'not a Word document (no word/document.xml inside)'
              : `cannot be read (${msg.split('\n')[0]})`;
    fail('corrupt_file', `${fileName}: ${why}`);
  }

  const text = tidyParagraphs(parts.join(''));
  if (text.trim() === '') fail('empty_file', `${fileName}: the document contains no text`);
  const warnings = messages.map((m) => `${fileName}: ${m.split('\n')[0]}`);
  return { text, turns: [], cues: [], warnings };
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** OLE directory entries store stream names as UTF-16LE. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}
