/**
 * A look at a zip package's central directory before anything inflates it (mammoth unpacks a
 * .docx whole, in memory). A zip bomb, an entry that claims to expand hundreds of times over
 * into gigabytes, is refused here by the sizes the directory declares, in one line naming the file.
 */
import { fail } from '../../../shared/errors.js';

export interface ZipGuardLimits {
  /** Most bytes all entries together may expand to. */
  maxTotalBytes: number;
  /** Largest expanded/compressed ratio for an entry that expands past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

// Text-heavy Word XML compresses 10–50×; deflate cannot pass about 1030×.
export const DOCX_ZIP_LIMITS: ZipGuardLimits = { maxTotalBytes: 256 * 1024 * 1024, maxRatio: 500, ratioFloorBytes: 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;

/** Where the end-of-central-directory record starts, or -1 (it sits in the last 64 KB + 22 bytes). */
function findEnd(bytes: Uint8Array): number {
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) if (u32(bytes, o) === EOCD) return o;
  return -1;
}

/**
 * Refuses a package whose entries would expand past the limits. A package whose directory cannot be
 * found is left to the reader, which reports it as damaged.
 */
export function guardZipExpansion(bytes: Uint8Array, fileName: string, limits: ZipGuardLimits): void {
  const end = findEnd(bytes);
  if (end < 0) return;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  let total = 0;
  for (let i = 0; i < count && at + 46 <= bytes.length; i++) {
    if (u32(bytes, at) !== CENTRAL) return;
    const packed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    if (size === 0xffffffff || packed === 0xffffffff) {
      fail('too_large', `${fileName}: a part inside the package is over 4 GB when unpacked; refusing it (a zip bomb?)`);
    }
    total += size;
    if (size > limits.ratioFloorBytes && size > packed * limits.maxRatio) {
      fail('too_large', `${fileName}: a part inside expands ${Math.round(size / Math.max(1, packed))} times over to ${mb(size)}; refusing it (a zip bomb?)`);
    }
    if (total > limits.maxTotalBytes) {
      fail('too_large', `${fileName}: unpacks to over ${mb(limits.maxTotalBytes)}; refusing it (a zip bomb?)`);
    }
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
}
