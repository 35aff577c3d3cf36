/** What every format prints the same way: the facts above the tables, and a number rounded for people. */
import type { ColumnKind, Cell, ReportModel } from './model.js';

/** The facts above the tables, as label/value pairs, in the order every format prints them. */
export function facts(m: ReportModel): [string, string][] {
  return [
    ['Project file', m.project],
    ['Date', m.date],
    ['Coder A', m.coders[0]],
    ['Coder B', m.coders[1]],
    ['Unit', m.unitDescription],
    ['Overlap threshold', m.overlap === null ? 'does not apply to this unit' : `${m.overlap}% of the union`],
    ['Statistics', m.statistics.map((s) => `${s.name}: ${s.about}`).join('; ')],
    ['Bands', m.bands],
    ['Documents compared', m.documentsCompared.join(', ') || 'none'],
    ...m.excluded.map((e): [string, string] => ['Left out', `${e.document} (${e.reason})`]),
    ...(m.unusedCodes.length
      ? [['Codes nobody used', `${m.unusedCodes.join(', ')} (neither coder applied them in these documents; not in the tables)`] as [string, string]]
      : []),
  ];
}

/** Rounded for people: percentages 2 decimals, coefficients 3, undefined as "undefined"; '' does not apply. */
export function showCell(c: Cell, kind: ColumnKind): string {
  if (c === null) return kind === 'text' ? '' : 'undefined';
  if (typeof c === 'string') return c;
  if (kind === 'percent') return c.toFixed(2);
  if (kind === 'coef') return c.toFixed(3);
  return String(c);
}
