/**
 * Reading a .qdpx (a zip) in memory, never extracting to disk. The central directory is read
 * first and every entry name checked (no `..`, no absolute or drive paths: a zip-slip archive is
 * refused outright); the sizes it declares are checked against the caps before anything is
 * inflated, and inflating counts what it really produces, so an archive that lies about its
 * sizes (a zip bomb) is stopped at the cap too. Only the entries the import asks for are inflated.
 */
import { Inflate } from 'fflate';
import { fail } from '../../../../shared/errors.js';

export interface ZipLimits {
  /** Most bytes the import may inflate in total. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio accepted for an entry over `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 1024 * 1024 };

export interface ZipEntry {
  /** The name as stored, with `\` read as `/`. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Inflates one entry (counted against the archive's total cap). */
  read(entry: ZipEntry): Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** `..` segments, a leading `/`, a drive letter or a UNC path: never a name we accept. */
export function unsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.includes('\0')) return true;
  return n.split('/').some((part) => part === '..');
}

function findEnd(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of up to 65535 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

export function openZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) {
    if (bytes.length >= 4 && u32(bytes, 0) === 0x06054b50) fail('invalid_input', `${file}: the zip archive is empty (no project.qde)`);
    fail('corrupt_file', `${file}: not a REFI-QDA project (.qdpx must be a zip archive)`);
  }
  const end = findEnd(bytes);
  if (end < 0) fail('corrupt_file', `${file}: the zip archive is damaged (no central directory)`);
  let count = u16(bytes, end + 10);
  let dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record.
    const loc = end - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) fail('corrupt_file', `${file}: the zip archive is damaged (ZIP64 locator missing)`);
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > bytes.length || u32(bytes, rec) !== 0x06064b50) fail('corrupt_file', `${file}: the zip archive is damaged (ZIP64 record missing)`);
    count = u64(bytes, rec + 32);
    dirOffset = u64(bytes, rec + 48);
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) fail('corrupt_file', `${file}: the zip archive is damaged (bad central directory)`);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const raw = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 sizes and offset live in extra field 0x0001, in this order, only where the fixed field is all ones.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    if (unsafeEntryName(raw)) fail('invalid_input', `${file}: refused: the archive entry "${raw}" points outside the archive (".." or an absolute path)`);
    const name = raw.replace(/\\/g, '/');
    entries.push({ name, method, compressedSize, size, localOffset, isDirectory: name.endsWith('/') });
    p += 46 + nameLen + extraLen + commentLen;
  }
  let inflated = 0;
  const checkDeclared = (e: ZipEntry) => {
    if (e.size > limits.maxTotalBytes || inflated + e.size > limits.maxTotalBytes)
      fail('too_large', `${file}: refused: "${e.name}" would unpack to more than ${mb(limits.maxTotalBytes)} (a zip bomb?)`);
    if (e.size > limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio)
      fail(
        'too_large',
        `${file}: refused: "${e.name}" unpacks ${Math.round(e.size / Math.max(1, e.compressedSize))} times larger than it is stored (a zip bomb?)`,
      );
  };
  return {
    entries,
    read(entry) {
      checkDeclared(entry);
      const h = entry.localOffset;
      if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) fail('corrupt_file', `${file}: the zip archive is damaged at "${entry.name}"`);
      const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (data.length < entry.compressedSize) fail('corrupt_file', `${file}: the zip archive is truncated at "${entry.name}"`);
      if (entry.method === 0) {
        inflated += data.length;
        return data;
      }
      if (entry.method !== 8) fail('unsupported_format', `${file}: "${entry.name}" uses an unsupported zip compression (method ${entry.method})`);
      return inflateCapped(
        data,
        entry,
        file,
        limits,
        () => inflated,
        (n) => (inflated += n),
      );
    },
  };
}

/** Inflates in small steps, stopping as soon as the output passes what was declared or the cap. */
function inflateCapped(data: Uint8Array, entry: ZipEntry, file: string, limits: ZipLimits, soFar: () => number, add: (n: number) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const bound = Math.min(entry.size, limits.maxTotalBytes - soFar());
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > bound) fail('too_large', `${file}: refused: "${entry.name}" unpacks to more than its archive entry declares (a zip bomb?)`);
    chunks.push(chunk);
  });
  const STEP = 64 * 1024;
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof Error && err.name === 'MarginaliaError') throw err;
    fail('corrupt_file', `${file}: "${entry.name}" in the archive is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
  add(produced);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(produced);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
