/**
 * The agreement report as one CSV file (UTF-8 with a BOM, so spreadsheet programs read the
 * accents): the facts first, then each table under its name, separated by blank rows. Numbers
 * are written in full precision; an undefined statistic is an empty cell, its reason listed in
 * the "Undefined values" table.
 */
import { toCsv } from '../../../shared/csv.js';
import type { ReportModel } from './model.js';
import { facts } from './present.js';

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text cells only: a spreadsheet must not run a code name as a formula. Numbers are left alone. */
const text = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

export function reportCsv(m: ReportModel): string {
  const rows: string[][] = [['Agreement report'], ...facts(m).map(([k, v]) => [k, text(v)])];
  for (const s of m.sheets) {
    rows.push(
      [],
      [s.name],
      s.columns.map((c) => c.label),
    );
    for (const r of s.rows) rows.push(r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : text(c))));
  }
  return `\uFEFF${toCsv(rows)}`;
}
