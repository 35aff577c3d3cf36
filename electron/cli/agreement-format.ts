/**
 * Agreement reports for people: every number says its unit and statistic (the row names the
 * document or summary, the column the statistic), and an undefined value prints "—(n)" pointing
 * at its reason below the table. A blank cell means "does not apply" (e.g. counts on a mean
 * row), which is not the same as undefined. The same rows feed the text table, --csv and --md.
 */
import type { AgreementReport, BinaryStats, CharacterReport, SegmentReport } from '../../shared/agreement/reports.js';
import { toCsv } from '../../shared/csv.js';

export type AnyReport = AgreementReport;

/** A number, null (= undefined statistic, see reasons) or '' (= does not apply to this row). */
type Value = string | number | null;

export interface ReportRow {
  cells: Record<string, Value>;
  /** Column → why its value is null. */
  reasons: Record<string, string>;
}

const COUNTS = new Set(['n', 'both', 'onlyA', 'onlyB', 'neither', 'units', 'segments A', 'segments B', 'matched', 'unmatched']);
const LABEL_COLUMNS = new Set(['code', 'row']);
export const ALL_CODES = 'ALL CODES';

/** Percentages with 2 decimals, coefficients with 3, counts as they are. */
function show(column: string, v: number): string {
  if (COUNTS.has(column)) return String(v);
  return v.toFixed(column.startsWith('percent') ? 2 : 3);
}

function row(cells: Record<string, Value>, reasons: Record<string, string | undefined> = {}): ReportRow {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(reasons)) if (v && cells[k] === null) clean[k] = v;
  return { cells, reasons: clean };
}

type Stat3 = {
  percentAgreement: number | null;
  kappa: number | null;
  alphaBinary: number | null;
  reasons?: Partial<Record<'percentAgreement' | 'kappa' | 'alphaBinary', string>>;
};
type Counts = { n: number; both: number; onlyA: number; onlyB: number; neither: number };
const NO_COUNTS = { n: '', both: '', onlyA: '', onlyB: '', neither: '' };
const counts = (c: Counts): Counts => ({ n: c.n, both: c.both, onlyA: c.onlyA, onlyB: c.onlyB, neither: c.neither });

function character(code: string, label: string, s: Stat3, n: Counts | typeof NO_COUNTS, ci?: CharacterReport['overall']['ci'] | null): ReportRow {
  const cells: Record<string, Value> = { code, row: label, ...n, 'percent agreement': s.percentAgreement, 'Cohen κ': s.kappa, '|uα': s.alphaBinary };
  if (ci !== undefined) {
    Object.assign(
      cells,
      ci
        ? {
            'κ 95% CI lower': ci.kappa.lower,
            'κ 95% CI upper': ci.kappa.upper,
            '|uα 95% CI lower': ci.alphaBinary.lower,
            '|uα 95% CI upper': ci.alphaBinary.upper,
          }
        : { 'κ 95% CI lower': '', 'κ 95% CI upper': '', '|uα 95% CI lower': '', '|uα 95% CI upper': '' },
    );
  }
  const k = ci?.kappa.reason;
  const a = ci?.alphaBinary.reason;
  return row(cells, {
    'percent agreement': s.reasons?.percentAgreement,
    'Cohen κ': s.reasons?.kappa,
    '|uα': s.reasons?.alphaBinary,
    'κ 95% CI lower': k,
    'κ 95% CI upper': k,
    '|uα 95% CI lower': a,
    '|uα 95% CI upper': a,
  });
}

function characterRows(r: CharacterReport): ReportRow[] {
  const withCi = r.overall.ci !== undefined;
  const summaries = (code: string, s: Pick<CharacterReport['overall'], 'pooled' | 'mean' | 'weighted' | 'ci'>) => [
    character(code, 'pooled', s.pooled, counts(s.pooled), withCi ? (s.ci ?? null) : undefined),
    character(code, 'mean (documents equal)', s.mean, NO_COUNTS, withCi ? null : undefined),
    character(code, 'length-weighted mean', s.weighted, NO_COUNTS, withCi ? null : undefined),
  ];
  return [
    ...r.codes.flatMap((c) => [...c.documents.map((d) => character(c.code, d.document, d, counts(d), withCi ? null : undefined)), ...summaries(c.code, c)]),
    ...summaries(ALL_CODES, r.overall),
  ];
}

function binary(code: string, label: string, b: BinaryStats): ReportRow {
  return row(
    {
      code,
      row: label,
      units: b.units,
      both: b.both,
      onlyA: b.onlyA,
      onlyB: b.onlyB,
      neither: b.neither,
      'percent agreement': b.percentAgreement,
      'Cohen κ': b.kappa,
      'Krippendorff α (nominal)': b.alpha,
    },
    { 'percent agreement': b.reasons?.percentAgreement, 'Cohen κ': b.reasons?.kappa, 'Krippendorff α (nominal)': b.reasons?.alpha },
  );
}

function segment(code: string, label: string, s: SegmentReport['overall']['pooled']): ReportRow {
  return row(
    {
      code,
      row: label,
      'segments A': s.segmentsA,
      'segments B': s.segmentsB,
      matched: s.matched,
      unmatched: s.unmatched,
      'percent agreement': s.percentAgreement,
      'Brennan–Prediger κ': s.kappaBP,
    },
    { 'percent agreement': s.reasons?.percentAgreement, 'Brennan–Prediger κ': s.reasons?.kappaBP },
  );
}

/** One row per code × document plus the summary rows, with the statistic named in each column. */
export function reportRows(r: AnyReport): ReportRow[] {
  switch (r.unit) {
    case 'character':
      return characterRows(r);
    case 'turn':
      return [
        ...r.codes.flatMap((c) => [...c.documents.map((d) => binary(c.code, d.document, d)), binary(c.code, 'pooled', c.pooled)]),
        binary(ALL_CODES, 'pooled', r.overall.pooled),
      ];
    case 'document':
      return [...r.codes.map((c) => binary(c.code, 'over documents', c)), binary(ALL_CODES, 'pooled', r.overall.pooled)];
    case 'segment':
      return [
        ...r.codes.flatMap((c) => [...c.documents.map((d) => segment(c.code, d.document, d)), segment(c.code, 'pooled', c.pooled)]),
        segment(ALL_CODES, 'pooled', r.overall.pooled),
      ];
    case 'unitized':
      return [
        row(
          {
            code: r.codes.join(' + '),
            row: 'the chosen codes as one variable',
            'u-α': r.overall.alphaU.value,
            '|uα': r.overall.alphaBinaryU.value,
            'cu-α': r.overall.alphaCU.value,
            'Cu-α': '',
          },
          { 'u-α': r.overall.alphaU.reason, '|uα': r.overall.alphaBinaryU.reason, 'cu-α': r.overall.alphaCU.reason },
        ),
        ...r.perCategory.map((p) =>
          row({ code: p.code, row: 'this code', 'u-α': '', '|uα': '', 'cu-α': '', 'Cu-α': p.alphaCu.value }, { 'Cu-α': p.alphaCu.reason }),
        ),
      ];
  }
}

function heading(r: AnyReport): string[] {
  const unit = {
    character: 'character (each UTF-16 unit of text is coded or not, per code × document)',
    turn: 'speaker turn (a turn counts as coded if any character of it is)',
    document: 'document presence (a code is used in a document or not)',
    segment: `segment (matched when the other coder's segment of the code overlaps it by ≥ ${'overlapPercent' in r ? r.overlapPercent : 90}% of their union; Brennan–Prediger p_c = 1/${'categories' in r ? r.categories : 2})`,
    unitized: "Krippendorff's unitized α family over the chosen codes as one variable",
  }[r.unit];
  const out = [`Agreement between ${r.coders[0]} (A) and ${r.coders[1]} (B) — unit: ${unit}`, `Documents compared: ${r.documentsCompared.join(', ')}`];
  for (const e of r.excluded) out.push(`Left out: ${e.document} (${e.reason})`);
  if (r.unit === 'character') {
    out.push('pooled = the 2×2 tables summed, then one statistic; mean = documents weigh the same; length-weighted mean = documents weigh by their length.');
    if (r.overall.ci)
      out.push(`95% CI: bootstrap percentile interval of the pooled value, ${r.overall.ci.resamples} resamples of documents, seed ${r.overall.ci.seed}.`);
  }
  if (r.unit === 'turn' || r.unit === 'segment') out.push('pooled = the counts of all documents summed, then one statistic.');
  out.push('Percent agreement is 0–100. — = undefined (the reason is given below the table); a blank cell does not apply.');
  return out;
}

/** Cells as strings, with numbered reasons for undefined values. */
function render(rows: ReportRow[]): { cols: string[]; cells: string[][]; notes: string[] } {
  const cols = Object.keys(rows[0]?.cells ?? {});
  const notes: string[] = [];
  const cells = rows.map((r) =>
    cols.map((c) => {
      const v = r.cells[c];
      if (typeof v === 'number') return show(c, v);
      if (v !== null && v !== undefined) return v;
      const reason = r.reasons[c] ?? 'undefined';
      let i = notes.indexOf(reason);
      if (i < 0) i = notes.push(reason) - 1;
      return `—(${i + 1})`;
    }),
  );
  return { cols, cells, notes: notes.map((n, i) => `(${i + 1}) ${n}`) };
}

function align(cols: string[], cells: string[][]): string {
  const widths = cols.map((h, i) => Math.max([...h].length, ...cells.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const fill = ' '.repeat(widths[i]! - [...c].length);
        return LABEL_COLUMNS.has(cols[i]!) ? c + fill : fill + c;
      })
      .join('  ')
      .trimEnd();
  return [line(cols), ...cells.map(line)].join('\n');
}

export function reportText(r: AnyReport): string {
  const { cols, cells, notes } = render(reportRows(r));
  return [...heading(r), '', align(cols, cells), ...(notes.length ? ['', 'Undefined values:', ...notes.map((n) => `  ${n}`)] : [])].join('\n');
}

/** "col, col: reason; col: reason" — columns sharing a reason named together. */
function why(reasons: Record<string, string>): string {
  const byReason = new Map<string, string[]>();
  for (const [c, r] of Object.entries(reasons)) byReason.set(r, [...(byReason.get(r) ?? []), c]);
  return [...byReason].map(([r, cols]) => `${cols.join(', ')}: ${r}`).join('; ');
}

/** Plain values (empty = undefined or not applicable) and a last column saying why a value is undefined. */
export function reportCsv(r: AnyReport): string {
  const rows = reportRows(r);
  const cols = Object.keys(rows[0]?.cells ?? {});
  const body = rows.map((x) => [...cols.map((c) => (x.cells[c] === null || x.cells[c] === undefined ? '' : String(x.cells[c]))), why(x.reasons)]);
  return toCsv([[...cols, 'undefined because'], ...body]);
}

export function reportMarkdown(r: AnyReport): string {
  const { cols, cells, notes } = render(reportRows(r));
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    ...heading(r).map((h, i, all) => (i < all.length - 1 ? `${esc(h)}  ` : esc(h))),
    '',
    `| ${cols.map(esc).join(' | ')} |`,
    `|${cols.map((c) => (LABEL_COLUMNS.has(c) ? ':---' : '---:')).join('|')}|`,
    ...cells.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ...(notes.length ? ['', 'Undefined values:', '', ...notes.map((n) => `- ${esc(n)}`)] : []),
  ].join('\n');
}
