/**
 * Accent- and case-folding with a map back to the original offsets, so a match found in
 * folded text ("securite") is reported at the right UTF-16 offsets of the stored text ("sécurité").
 */
export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: where its original character starts… */
  from: number[];
  /** …and where it ends (exclusive), in the original. */
  to: number[];
}

const MARKS = /\p{M}/gu;

export function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    // ASCII fast path: most transcript text needs no normalisation.
    const f = cp < 0x80 ? ch.toLowerCase() : foldChar(ch);
    for (let k = 0; k < f.length; k += 1) {
      from.push(i);
      to.push(i + width);
    }
    text += f;
    i += width;
  }
  return { text, from, to };
}

/** Maps a non-empty folded span [start, end) back to the original. */
export function toOriginal(f: Folded, start: number, end: number): { start: number; end: number } {
  return { start: f.from[start]!, end: f.to[end - 1]! };
}
