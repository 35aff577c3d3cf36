/**
 * Bytes → string for the text formats (.txt .md .vtt .srt). The result still needs
 * normaliseText (a UTF-8 BOM is stripped by the decoder; CRLF is left for normalisation).
 *
 * Order: UTF-8 BOM, UTF-16 LE/BE BOM, UTF-16 without a BOM (told by its NUL pattern; with a
 * warning), strict UTF-8, else Windows-1252 with a warning. Refuses binary data (NUL bytes
 * outside UTF-16, or many control characters) and empty or whitespace-only files.
 */
import { fail } from '../../../shared/errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: string[];
}

/** Share of characters (sampled from the start) that may be controls before we call it binary. */
const MAX_CONTROL_SHARE = 0.05;
const SAMPLE = 64 * 1024;

export function decodeText(bytes: Uint8Array, fileName: string): Decoded {
  if (bytes.length === 0) fail('empty_file', `${fileName}: the file is empty`);

  let decoded: Decoded;
  const bomless = utf16WithoutBom(bytes);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) fail('corrupt_file', `${fileName}: UTF-16 text with an odd number of bytes (truncated?)`);
    const encoding = le ? 'utf-16le' : 'utf-16be';
    decoded = { text: new TextDecoder(encoding).decode(body), encoding, warnings: [] };
  } else if (bomless) {
    const encoding = bomless;
    if (bytes.length % 2 !== 0) fail('corrupt_file', `${fileName}: UTF-16 text with an odd number of bytes (truncated?)`);
    const text = new TextDecoder(encoding).decode(bytes);
    decoded = { text, encoding, warnings: [`${fileName}: UTF-16 text without a byte-order mark; decoded as ${encoding.toUpperCase()}`] };
  } else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    if (hasNul(body)) fail('binary_file', `${fileName}: looks like binary data, not text`);
    const text = utf8(body);
    decoded =
      text !== null
        ? { text, encoding: 'utf-8', warnings: [] }
        : { text: cp1252(body), encoding: 'windows-1252', warnings: [`${fileName}: not valid UTF-8; decoded as Windows-1252`] };
  }

  if (looksBinary(decoded.text)) fail('binary_file', `${fileName}: looks like binary data, not text`);
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '') fail('empty_file', `${fileName}: the file holds only whitespace`);
  return decoded;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 saved without a byte-order mark (some Windows tools do): mostly-Latin text has a NUL in
 * every other byte, on the odd side for LE, the even side for BE, and almost none on the other side.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SAMPLE).includes(0);
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// The 0x80–0x9F block of Windows-1252; the rest of the byte range maps to the same code point.
// The five undefined bytes (81 8D 8F 90 9D) map to the C1 controls, as browsers do.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function cp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** NULs, or too many control characters other than tab, LF, CR and FF. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  return controls / n > MAX_CONTROL_SHARE;
}
