/**
 * Telling a hard-wrapped plain-text transcript (lines broken at a fixed width inside paragraphs,
 * as e-mail clients and some transcription tools save them) from one that keeps a paragraph per
 * line. Only the first is reflowed on import; a normal transcript is never touched.
 *
 * A text counts as hard-wrapped when most of its lines run straight on into a next non-blank
 * line, and those lines end near one common width (what a wrap column leaves): at least 8 such
 * lines, at least half of all non-blank lines, the width at most 120 characters, and at least
 * 70% of them reaching three quarters of it.
 */
const MIN_WRAPPED_LINES = 8;
const MAX_WIDTH = 120;

export function looksHardWrapped(text: string): boolean {
  const lines = text.split('\n');
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  // A line followed directly by another non-blank line: a wrap, or (rarely) a deliberate break.
  const runOn = lines.flatMap((l, i) => (l.trim() !== '' && (lines[i + 1] ?? '').trim() !== '' ? [l.trimEnd().length] : []));
  if (runOn.length < MIN_WRAPPED_LINES || runOn.length * 2 < nonBlank) return false;
  const sorted = [...runOn].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)]!;
  if (width > MAX_WIDTH) return false;
  return runOn.filter((n) => n >= width * 0.75).length >= runOn.length * 0.7;
}
