/**
 * Agreement reports for people: every number says its unit and statistic, and an undefined
 * value prints "—" with its reason. The same rows feed --csv and --md.
 */
import type { CharacterReport } from '../services/agreement/character.js';
import type { PresenceReport } from '../services/agreement/presence.js';
import type { SegmentReport } from '../services/agreement/segments.js';
import type { TurnReport } from '../services/agreement/turns.js';
import type { UnitizedReport } from '../services/agreement/unitized.js';
import { toCsv } from '../../shared/csv.js';
import { table } from './format.js';

export type AnyReport = CharacterReport | TurnReport | SegmentReport | PresenceReport | UnitizedReport;

type Row = Record<string, string | number | null>;

const fmt = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(digits));

/** Percentages with 2 decimals, coefficients with 3, counts as they are. */
function cell(column: string, v: string | number | null | undefined): string {
  if (typeof v !== 'number') return v ?? '—';
  return fmt(v, column.startsWith('percent') ? 2 : 3);
}

/** One row per code × document plus the summary rows, with the statistic named in each column. */
export function reportRows(r: AnyReport): Row[] {
  switch (r.unit) {
    case 'character':
      return [
        ...r.codes.flatMap((c) => [
          ...c.documents.map((d) => ({ code: c.code, row: d.document, n: d.n, both: d.both, onlyA: d.onlyA, onlyB: d.onlyB, neither: d.neither, 'percent agreement': d.percentAgreement, 'Cohen κ': d.kappa, '|uα': d.alphaBinary })),
          { code: c.code, row: 'pooled', n: c.pooled.n, both: c.pooled.both, onlyA: c.pooled.onlyA, onlyB: c.pooled.onlyB, neither: c.pooled.neither, 'percent agreement': c.pooled.percentAgreement, 'Cohen κ': c.pooled.kappa, '|uα': c.pooled.alphaBinary },
          { code: c.code, row: 'mean (documents equal)', n: null, both: null, onlyA: null, onlyB: null, neither: null, 'percent agreement': c.mean.percentAgreement, 'Cohen κ': c.mean.kappa, '|uα': c.mean.alphaBinary },
          { code: c.code, row: 'length-weighted mean', n: null, both: null, onlyA: null, onlyB: null, neither: null, 'percent agreement': c.weighted.percentAgreement, 'Cohen κ': c.weighted.kappa, '|uα': c.weighted.alphaBinary },
        ]),
        { code: 'ALL CODES', row: 'pooled', n: r.overall.pooled.n, both: r.overall.pooled.both, onlyA: r.overall.pooled.onlyA, onlyB: r.overall.pooled.onlyB, neither: r.overall.pooled.neither, 'percent agreement': r.overall.pooled.percentAgreement, 'Cohen κ': r.overall.pooled.kappa, '|uα': r.overall.pooled.alphaBinary },
      ];
    case 'turn':
      return [
        ...r.codes.flatMap((c) => [...c.documents.map((d) => ({ code: c.code, row: d.document, ...binary(d) })), { code: c.code, row: 'pooled', ...binary(c.pooled) }]),
        { code: 'ALL CODES', row: 'pooled', ...binary(r.overall.pooled) },
      ];
    case 'document':
      return [...r.codes.map((c) => ({ code: c.code, row: 'documents', ...binary(c) })), { code: 'ALL CODES', row: 'pooled', ...binary(r.overall.pooled) }];
    case 'segment':
      return [
        ...r.codes.flatMap((c) => [...c.documents.map((d) => ({ code: c.code, row: d.document, ...segment(d) })), { code: c.code, row: 'pooled', ...segment(c.pooled) }]),
        { code: 'ALL CODES', row: 'pooled', ...segment(r.overall.pooled) },
      ];
    case 'unitized':
      return [
        { code: r.codes.join(' | '), row: 'all', 'u-α': r.alphaU.value, '|uα': r.alphaBinaryU.value, 'cu-α': r.alphaCU.value },
        ...r.perCategory.map((p) => ({ code: p.code, row: 'Cu-α (this code)', 'u-α': null, '|uα': null, 'cu-α': p.alphaCu.value })),
      ];
  }
}

function binary(b: { units: number; both: number; onlyA: number; onlyB: number; neither: number; percentAgreement: number | null; kappa: number | null; alpha: number | null }): Row {
  return { units: b.units, both: b.both, onlyA: b.onlyA, onlyB: b.onlyB, neither: b.neither, 'percent agreement': b.percentAgreement, 'Cohen κ': b.kappa, 'Krippendorff α (nominal)': b.alpha };
}

function segment(s: SegmentReport['overall']['pooled']): Row {
  return { 'segments A': s.segmentsA, 'segments B': s.segmentsB, matched: s.matched, unmatched: s.unmatched, 'percent agreement': s.percentAgreement, 'Brennan–Prediger κ': s.kappaBP };
}

function heading(r: AnyReport): string[] {
  const unit = {
    character: 'character (each UTF-16 unit of text is coded or not, per code × document)',
    turn: 'speaker turn (a turn counts as coded if any character of it is)',
    document: 'document presence (a code is used in a document or not)',
    segment: `segment (matched when the other coder's segment of the code overlaps it by ≥ ${'overlapPercent' in r ? r.overlapPercent : 90}% of their union; p_c = 1/${'categories' in r ? r.categories : 2})`,
    unitized: "Krippendorff's unitized α family over the chosen codes as one variable",
  }[r.unit];
  const out = [`Agreement between ${r.coders[0]} (A) and ${r.coders[1]} (B) — unit: ${unit}`, `Documents compared: ${r.documentsCompared.join(', ')}`];
  for (const e of r.excluded) out.push(`Left out: ${e.document} (${e.reason})`);
  if (r.unit === 'character') out.push('pooled = tables summed; mean = documents weigh the same; length-weighted = documents weigh by length. — = undefined (see --json for the reason).');
  return out;
}

export function reportText(r: AnyReport): string {
  const rows = reportRows(r);
  const cols = Object.keys(rows[0] ?? {});
  // Headers as written: upper-casing would turn κ and α into Greek capitals.
  return [...heading(r), '', table(cols, rows.map((row) => cols.map((c) => cell(c, row[c])))), ...reasonLines(r)].join('\n');
}

function reasonLines(r: AnyReport): string[] {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    if ('reasons' in v && v.reasons && typeof v.reasons === 'object') for (const x of Object.values(v.reasons)) out.add(String(x));
    if ('reason' in v && typeof v.reason === 'string') out.add(v.reason);
    for (const x of Object.values(v)) visit(x);
  };
  visit(r);
  return out.size ? ['', 'Why some values are undefined (—):', ...[...out].map((x) => `  ${x}`)] : [];
}

export function reportCsv(r: AnyReport): string {
  const rows = reportRows(r);
  const cols = Object.keys(rows[0] ?? {});
  return toCsv([cols, ...rows.map((row) => cols.map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c]))))]);
}

export function reportMarkdown(r: AnyReport): string {
  const rows = reportRows(r);
  const cols = Object.keys(rows[0] ?? {});
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    ...heading(r).map((h) => `${h}  `),
    '',
    `| ${cols.map(esc).join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cols.map((c) => esc(cell(c, row[c]))).join(' | ')} |`),
    ...reasonLines(r),
  ].join('\n');
}
