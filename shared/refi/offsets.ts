/**
 * REFI-QDA counts text positions in characters of the plain text, i.e. Unicode code points,
 * zero-based, with endPosition just after the last selected character. Marginalia stores offsets
 * in UTF-16 code units, so every character outside the Basic Multilingual Plane (most emoji)
 * counts 2 here and 1 there. Built once per document; both directions are O(log n) per offset
 * in the number of astral characters (usually zero).
 */
export class OffsetMap {
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    this.utf16Length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.codePointLength = text.length - this.astral.length;
  }

  /** UTF-16 offset → code-point position. An offset inside a pair counts as the pair's start. */
  toCodePoint(utf16: number): number {
    // every astral character starting before utf16 shrinks the position by one (inside a pair: back to its start)
    return utf16 - countBelow(this.astral, utf16);
  }

  /** Code-point position → UTF-16 offset. */
  toUtf16(cp: number): number {
    // the k-th astral char (0-based) sits at code point astral[k] - k
    let lo = 0,
      hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}

/** How many sorted values are < limit. */
function countBelow(sorted: number[], limit: number): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
