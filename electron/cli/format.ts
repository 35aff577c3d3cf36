/** Plain-text output for people: aligned tables, counts with nouns, offsets with their unit. */

export type Cell = string | number | null | undefined;

const width = (s: string): number => [...s].length;

function pad(s: string, n: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

/** Keeps a table row on one line: newlines and tabs inside a cell become spaces. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A table with a header row. Columns whose every value is a number are right-aligned; the last
 * column is not padded, so long text does not leave trailing spaces.
 */
export function table(headers: string[], rows: Cell[][]): string {
  // Leading spaces are kept (tree indentation); line breaks would split the row.
  const cells = rows.map((r) => headers.map((_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]).replace(/[\t\r\n]+/g, ' '))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i]!))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 && !numeric[i] ? c : pad(c, widths[i]!, numeric[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)].join('\n');
}

/** Key/value lines with the keys aligned. */
export function fields(pairs: [string, Cell][]): string {
  const w = Math.max(...pairs.map(([k]) => width(k)));
  return pairs.map(([k, v]) => `${pad(`${k}:`, w + 1, false)} ${v ?? ''}`.trimEnd()).join('\n');
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/** A half-open span in the CLI's one offset unit. */
export function span(start: number, end: number): string {
  return `[${start},${end})`;
}

export function lines(first: number, last: number): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

export function quoteBlock(text: string, indent = '    '): string {
  return text
    .split('\n')
    .map((l) => `${indent}${l}`.trimEnd())
    .join('\n');
}
