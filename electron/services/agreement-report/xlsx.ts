/**
 * The agreement report as an Excel workbook: an "About" sheet with the facts, then one sheet
 * per table with a frozen header row. Numbers are stored as numbers in full precision; the
 * number formats round only what is shown (percent 0.00, coefficients 0.000, counts 0). An
 * undefined statistic is an empty cell; its reason is on the "Undefined values" sheet.
 * exceljs is loaded on first use so the CLI starts without it.
 */
import type { ColumnKind, ReportModel } from './model.js';
import { facts } from './present.js';

const FORMAT: Record<ColumnKind, string | undefined> = { text: undefined, count: '0', percent: '0.00', coef: '0.000' };

export async function reportXlsx(m: ReportModel): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Marginalia';
  wb.created = new Date(m.date);
  const about = wb.addWorksheet('About', { views: [{ state: 'frozen', ySplit: 1 }] });
  about.columns = [
    { header: 'item', key: 'k', width: 22 },
    { header: 'value', key: 'v', width: 110 },
  ];
  about.addRow(['Report', `Agreement between ${m.coders[0]} (A) and ${m.coders[1]} (B)`]);
  for (const [k, v] of facts(m)) about.addRow([k, v]);
  about.addRow(['Note', 'Percent agreement is 0–100. An empty statistic cell is undefined; its reason is on the "Undefined values" sheet.']);
  about.getRow(1).font = { bold: true };
  for (const s of m.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({
      header: c.label,
      key: `c${i}`,
      width: c.kind === 'text' ? (c.label === 'passage' || c.label === 'reason' ? 60 : 28) : Math.max(12, c.label.length + 2),
      ...(FORMAT[c.kind] && { style: { numFmt: FORMAT[c.kind]! } }),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
    if (s.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
