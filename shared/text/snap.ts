/** Snaps a span outwards to whole words (letters, digits, apostrophes), as coders expect. */
const WORD = /[\p{L}\p{N}'’_-]/u;

export function snapToWords(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start -= 1;
  while (end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!)) end += 1;
  // Never leave leading or trailing spaces in a coding.
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}
