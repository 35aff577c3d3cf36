/**
 * Offsets from what a person can see: `--lines 15-16` and `--quote "exact words"`, so coding from
 * the terminal needs no counting of UTF-16 units. Pure (the text comes from documents.content).
 */
import { CliError } from './command.js';
import { lineOf, lineStarts } from '../../shared/text/lines.js';
import type { Span } from '../../shared/types.js';

/** Lines as `doc show --lines` numbers them: a final LF does not start another line. */
function lineCount(text: string, starts: number[]): number {
  return starts.length > 1 && starts[starts.length - 1] === text.length ? starts.length - 1 : starts.length;
}

/** "15-16" or "15" (1-based, inclusive) → the span from the first line's start to the last line's end, its LF left out. */
export function spanOfLines(text: string, raw: string, document: string): Span {
  const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$/.exec(raw);
  if (!m) throw new CliError('invalid_input', `--lines must be N or FIRST-LAST, e.g. 15-16 (got "${raw}")`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  const starts = lineStarts(text);
  const count = lineCount(text, starts);
  if (first < 1 || last < first) throw new CliError('invalid_input', `--lines ${raw}: lines are numbered from 1 and FIRST must not come after LAST`);
  if (last > count) throw new CliError('invalid_input', `--lines ${raw}: ${document} has ${count} ${count === 1 ? 'line' : 'lines'}`);
  const start = starts[first - 1]!;
  const end = last < starts.length ? starts[last]! - 1 : text.length;
  return { start, end };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shown = (q: string) => {
  const one = q.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
};

/**
 * Every place `quote` occurs, the words exactly as given but any run of spaces or line breaks
 * matching any other (a quote copied from a wrapped terminal line still matches).
 */
export function quoteOccurrences(text: string, quote: string): Span[] {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const re = new RegExp(words.map(escape).join('\\s+'), 'g');
  const out: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    re.lastIndex = m.index + 1; // overlapping occurrences count too
  }
  return out;
}

/** The span of the quote's one occurrence, or its `occurrence`th (1-based); else a one-line error naming the lines. */
export function spanOfQuote(text: string, quote: string, document: string, occurrence?: number): Span {
  if (!quote.trim()) throw new CliError('invalid_input', '--quote is empty');
  const found = quoteOccurrences(text, quote);
  const starts = lineStarts(text);
  const where = found.map((s, i) => ({ occurrence: i + 1, line: lineOf(starts, s.start), ...s }));
  const lines = where.map((w) => w.line).join(', ');
  if (found.length === 0) throw new CliError('not_found', `--quote "${shown(quote)}" is not in ${document} (it must match the words exactly, case included)`);
  if (occurrence === undefined) {
    if (found.length === 1) return found[0]!;
    throw new CliError(
      'invalid_input',
      `--quote "${shown(quote)}" occurs ${found.length} times in ${document} (lines ${lines}); add --occurrence N (1-${found.length})`,
      { occurrences: where },
    );
  }
  if (occurrence < 1 || occurrence > found.length) {
    throw new CliError(
      'invalid_input',
      `--occurrence ${occurrence}: "${shown(quote)}" occurs ${found.length === 1 ? 'once' : `${found.length} times`} in ${document} (${found.length === 1 ? 'line' : 'lines'} ${lines})`,
      { occurrences: where },
    );
  }
  return found[occurrence - 1]!;
}
