/** Snaps a span outwards to whole words (letters, digits, apostrophes), as coders expect. */
const WORD = /[\p{L}\p{N}'’_-]/u;
// Outside the text there is no character (RegExp.test(undefined) would test the word "undefined").
const wordAt = (text: string, i: number): boolean => i >= 0 && i < text.length && WORD.test(text[i]!);

export function snapToWords(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start > 0 && wordAt(text, start - 1) && wordAt(text, start)) start -= 1;
  while (end < text.length && wordAt(text, end - 1) && wordAt(text, end)) end += 1;
  // Never leave leading or trailing spaces in a coding.
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * The next word boundary from `at` going forward (+1) or back (-1): past any spaces, then to
 * the other end of the word. Used to move a coding's start or end one word with the keyboard.
 */
export function stepWord(text: string, at: number, dir: 1 | -1): number {
  let i = Math.max(0, Math.min(text.length, at));
  if (dir > 0) {
    while (i < text.length && !WORD.test(text[i]!)) i += 1;
    while (i < text.length && WORD.test(text[i]!)) i += 1;
  } else {
    while (i > 0 && !WORD.test(text[i - 1]!)) i -= 1;
    while (i > 0 && WORD.test(text[i - 1]!)) i -= 1;
  }
  return i;
}
