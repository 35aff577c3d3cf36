/**
 * The table every spreadsheet-like format shares (the Table template, CSV, the XLSX sheets):
 * one row per exported passage, offsets as stored (UTF-16, [start, end)). Its CSV is RFC 4180
 * with CRLF line ends and a BOM, so Excel opens accents and emoji right; quotes stay word for
 * word (no formula-guard prefix that would change them).
 */
import type { ExcerptModel, ExcerptQuote } from './types.js';

export type Cell = string | number;

export function tableHeader(m: ExcerptModel): string[] {
  return ['theme', 'quote', 'document', 'case', ...m.attributes, 'lines', 'line start', 'line end', 'start', 'end', 'coder', 'speaker', 'memo'];
}

export function tableRow(m: ExcerptModel, q: ExcerptQuote): Cell[] {
  return [
    q.theme,
    q.text,
    q.document,
    q.caseLabel ?? '',
    ...m.attributes.map((a) => q.attributes.find(([n]) => n === a)?.[1] ?? ''),
    q.where,
    q.lineStart,
    q.lineEnd,
    q.start,
    q.end,
    q.coders.join(', '),
    q.speaker ?? '',
    q.memo ?? '',
  ];
}

/** Every passage of every theme, in the themes' order. */
export function tableRows(m: ExcerptModel): Cell[][] {
  return m.themes.flatMap((t) => t.quotes.map((q) => tableRow(m, q)));
}

/** The quote column's index (the one wrapped and widened). */
export const QUOTE_COLUMN = 1;

function csvField(v: Cell): string {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function excerptCsv(m: ExcerptModel): string {
  const rows = [tableHeader(m), ...tableRows(m)];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
