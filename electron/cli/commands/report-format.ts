/**
 * The analysis reports as people read them (an aligned table, Markdown) and as programs read
 * them (CSV with numbers in full). The same rows feed all three; only the table and Markdown round.
 */
import type { AnalysisScopeView, CooccurrenceReport, CrosstabReport, FrequencyReport } from '../../../shared/analysis/types.js';
import { toCsv } from '../../../shared/csv.js';
import { table, type Cell } from '../format.js';

export type Style = 'table' | 'csv' | 'md';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const indent = (code: string, depth: number) => `${'  '.repeat(depth)}${code.split('/').pop()}`;

function markdown(headers: string[], rows: Cell[][]): string {
  const esc = (c: Cell) =>
    String(c ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\s+/g, ' ');
  const right = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `|${right.map((r) => (r ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function render(style: Style, headers: string[], people: Cell[][], full: Cell[][], note: string): string {
  if (style === 'csv') return toCsv([headers, ...full.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))]).trimEnd();
  if (style === 'md') return `${markdown(headers, people)}\n\n${note}`;
  return `${table(headers, people)}\n\n${note}`;
}

/** Whose codings and which unit, in one line under every table. */
export function scopeNote(r: AnalysisScopeView, withUnit = true): string {
  const who =
    r.coders.mode === 'consensus'
      ? `consensus coder ${r.coders.coders[0]?.name}`
      : `${r.coders.mode === 'all' ? 'all coders' : 'coders'}: ${r.coders.coders.map((c) => c.name).join(', ') || 'none'}`;
  const unit =
    r.unit.kind === 'case'
      ? `prevalence over ${r.unit.total} ${r.unit.label} (cases)`
      : `prevalence over ${r.unit.total} ${r.unit.label} (documents: no document has a case)`;
  const uncased = r.unit.documentsWithoutCase ? `; ${r.unit.documentsWithoutCase} document(s) without a case count in codings and documents only` : '';
  const units = withUnit ? `; ${unit}${uncased}` : '';
  return `${who}; ${r.documents} document(s)${units}; ${r.subcodes ? 'sub-codes counted under their parents' : 'own codings only'}.`;
}

export function frequencyText(r: FrequencyReport, style: Style): string {
  const headers = ['code', 'codings', 'characters', 'documents', 'cases', `prevalence (${r.unit.label})`];
  const people = r.rows.map((x) => [
    style === 'table' ? indent(x.code, x.depth) : x.code,
    x.codings,
    x.characters,
    x.documents,
    x.cases,
    `${x.units} of ${r.unit.total} (${pct(x.prevalence)})`,
  ]);
  const full = r.rows.map((x) => [x.code, x.codings, x.characters, x.documents, x.cases, x.prevalence]);
  return render(style, headers, people, full, scopeNote(r));
}

export function cooccurrenceText(r: CooccurrenceReport, style: Style, jaccard: boolean): string {
  const headers = ['code', ...r.codes.map((c) => c.code)];
  const values = jaccard ? r.jaccard : r.counts;
  const people = r.codes.map((c, i) => [c.code, ...values[i]!.map((v) => (jaccard ? Number(v.toFixed(2)) : v))]);
  const full = r.codes.map((c, i) => [c.code, ...values[i]!]);
  const how =
    r.mode === 'overlap' ? 'codings that overlap' : r.mode === 'turn' ? 'codings in the same speaker turn' : `codings at most ${r.distance} characters apart`;
  const what = jaccard ? 'Jaccard: share of the two codes’ codings that co-occur with the other' : 'co-occurring pairs (diagonal: the code’s codings)';
  const turns = r.mode === 'turn' && r.documentsWithoutTurns ? `; ${r.documentsWithoutTurns} document(s) without speaker turns left out` : '';
  return render(style, headers, people, full, `${what}; ${how}, same coder, same document${turns}. ${scopeNote(r, false)}`);
}

export function crosstabText(r: CrosstabReport, style: Style, counts: boolean): string {
  if (style === 'csv') {
    // One row per code × value, every number in full: what a spreadsheet or script wants.
    const rows = r.rows.flatMap((x) =>
      x.cells.map((c, i) => [x.code, r.columns[i]!.value ?? '', String(r.columns[i]!.cases), String(c.cases), String(c.share), String(c.codings)]),
    );
    return toCsv([['code', r.attribute.name, 'cases_with_value', 'cases_coded', 'share', 'codings'], ...rows]).trimEnd();
  }
  const headers = ['code', ...r.columns.map((c) => `${r.attribute.name}=${c.label} (${c.cases})`)];
  const people = r.rows.map((x) => [
    style === 'table' ? indent(x.code, x.depth) : x.code,
    ...x.cells.map((c, i) => (counts ? c.codings : `${c.cases} of ${r.columns[i]!.cases} (${pct(c.share)})`)),
  ]);
  const what = counts ? 'codings per value' : `cases with a coding, of the cases with that ${r.attribute.name}`;
  return render(style, headers, people, [], `${what}. ${scopeNote(r)}`);
}
