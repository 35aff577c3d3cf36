/**
 * How the dashboard writes numbers for people: rounding, the reliability bands, the tooltip that
 * names each number's unit, formula and source, and the sort order of rows. The full-precision
 * value always travels with the rounded text (as data-value and in the tooltip).
 */
import type { AgreementUnit } from '../../../shared/agreement/reports.js';
import type { Cell, CodeRow, ColumnId, CountId, StatId } from './model.js';

export type Band = 'reliable' | 'tentative' | 'unreliable';
export const BAND_SOURCE = 'Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology (2nd ed.), p. 241';
export const BANDS: readonly { band: Band; label: string; rule: string; at: number }[] = [
  { band: 'reliable', label: 'Reliable', rule: '≥ 0.800', at: 0.8 },
  { band: 'tentative', label: 'Tentative', rule: '≥ 0.667', at: 0.667 },
  { band: 'unreliable', label: 'Not reliable', rule: '< 0.667', at: -Infinity },
];

/** Coefficients judged by the bands (percent agreement is not: it does not correct for chance). */
export const BANDED: ReadonlySet<StatId> = new Set(['kappa', 'alpha', 'kappaBP', 'alphaCu']);

export function bandOf(value: number | null): Band | null {
  if (value === null) return null;
  return value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable';
}

export function formatStat(stat: StatId, value: number | null): string {
  if (value === null) return 'undefined';
  if (stat === 'percent') return `${value.toFixed(1)} %`;
  return value.toFixed(3).replace('-', '−');
}

const grouped = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => grouped.format(n);

const UNIT_NAME: Record<AgreementUnit, string> = {
  character: 'characters (each UTF-16 offset of the text is one decision per coder)',
  turn: 'speaker turns (a turn counts as coded if any character of it is)',
  segment: 'segments (a run of one coder’s codings of a code)',
  document: 'documents (did the coder use the code anywhere in it)',
  unitized: 'the coded stretches of the continuum (unitized)',
};

const FORMULA: Record<StatId, string> = {
  percent: 'Percent agreement = (both + neither) / units × 100; segment unit: matched / (matched + unmatched) × 100. Not corrected for chance.',
  kappa: 'Cohen’s κ = (pₒ − pₑ) / (1 − pₑ), pₑ from each coder’s own marginals (Cohen 1960).',
  alpha: 'Krippendorff’s α (nominal, binary) = 1 − Dₒ / Dₑ, expected disagreement from the pooled values (Krippendorff 2004).',
  kappaBP: 'Brennan–Prediger κ = (pₒ − 1/q) / (1 − 1/q), q = the number of codes compared (as MAXQDA; Brennan & Prediger 1981).',
  alphaCu: 'Krippendorff’s Cu-α for this code within the unitized family (Krippendorff 2013/2019).',
};

const COUNT_TEXT: Record<CountId, string> = {
  onlyA: 'coded by A and not by B',
  onlyB: 'coded by B and not by A',
  both: 'coded by both coders',
  neither: 'coded by neither coder',
  n: 'compared in all',
  segmentsA: 'segments of coder A',
  segmentsB: 'segments of coder B',
  matched: 'segments of either coder with a match (counted from both sides)',
  unmatched: 'segments of either coder without a match',
};

const SOURCE = 'Source: the agreement service, the same numbers as `marginalia agreement --json`.';

/** The tooltip of one number: its value in full, unit, formula and source (and the reason when undefined). */
export function explainStat(unit: AgreementUnit, stat: StatId, c: Cell, scope: string): string {
  const unitText = unit === 'segment' && stat === 'alpha' ? '' : `Unit: ${UNIT_NAME[unit]}.`;
  const value = c.value === null ? `undefined: ${c.reason ?? 'no value'}` : String(c.value);
  const band =
    BANDED.has(stat) && c.value !== null
      ? ` Band: ${BANDS.find((b) => b.band === bandOf(c.value))!.label.toLowerCase()} (${BAND_SOURCE.split('.')[0]} 2004).`
      : '';
  return `${scope}: ${value}\n${unitText}\n${FORMULA[stat]}${band}\n${SOURCE}`;
}

export function explainCount(unit: AgreementUnit, count: CountId, n: number, scope: string): string {
  const what = unit === 'segment' ? COUNT_TEXT[count] : `${unitWord(unit)} ${COUNT_TEXT[count]}`;
  return `${scope}: ${n} ${what}.\nUnit: ${UNIT_NAME[unit]}.\n${SOURCE}`;
}

function unitWord(unit: AgreementUnit): string {
  return { character: 'characters', turn: 'turns', segment: 'segments', document: 'documents', unitized: 'units' }[unit];
}

export type SortKey = 'code' | ColumnId;
export interface Sort {
  key: SortKey;
  dir: 'ascending' | 'descending';
}

/** Rows in the chosen order; undefined values always last, ties in code-book order. */
export function sortRows(rows: readonly CodeRow[], sort: Sort): CodeRow[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  if (sort.key === 'code') return [...rows].sort((x, y) => sign * (x.order - y.order));
  const key = sort.key;
  const valueOf = (r: CodeRow): number | null => (key in r.stats ? (r.stats[key as StatId]?.value ?? null) : (r.counts[key as CountId] ?? null));
  return [...rows].sort((x, y) => {
    const a = valueOf(x);
    const b = valueOf(y);
    if (a === null || b === null) return a === b ? x.order - y.order : a === null ? 1 : -1;
    return sign * (a - b) || x.order - y.order;
  });
}
