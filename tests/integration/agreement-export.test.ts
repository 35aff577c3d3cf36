/**
 * The agreement report export, read back with real readers: exceljs for the workbook, the CSV
 * parser for the CSV, jsdom for the HTML's tables, Markdown table rows by line. The files come
 * through the one door (as the Report part calls it) and from the CLI's --xlsx / --html; their
 * numbers must be the ones `agreement.report` gives, in full precision where the format keeps it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import type { CharacterReport, SegmentReport } from '../../shared/agreement/reports.js';
import { parseCsv } from '../../shared/csv.js';
import { buildTemplate, cleanup, freshDir, ok, projectFrom } from './cli-harness.js';

let path: string;
let door: ProjectDoor;
let pair: [string, string];
let never: string;
let rapport: string;
beforeAll(async () => {
  path = projectFrom(buildTemplate({ formats: false }));
  door = openProjectDoor(path, 'tester');
  // A code nobody used: its statistics are undefined and must be listed with the reason.
  never = (await door.call('codebook.create', { parent: null, name: 'Never used' })).guid;
  rapport = (await door.call('codebook.list')).find((c) => c.path === 'Dynamic security/Rapport')!.guid;
  const coders = await door.call('coders.list');
  pair = [coders.find((c) => c.name === 'Alice')!.guid, coders.find((c) => c.name === 'Bob')!.guid];
});
afterAll(() => {
  door.close();
  cleanup();
});

const bytes = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as header → cell value maps. */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(head.map((h, i) => [h, v[i] ?? null])));
  });
  return out;
}

describe('agreement.export', () => {
  it('writes XLSX with one sheet per view, frozen headers and full-precision numbers with formats', async () => {
    const report = (await door.call('agreement.report', { coders: pair })) as CharacterReport;
    const file = await door.call('agreement.export', { coders: pair, format: 'xlsx' });
    expect(file.name).toMatch(/^study agreement Alice-Bob character \d{4}-\d\d-\d\d\.xlsx$/);
    const wb = await workbook(bytes(file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Per code', 'Per document', 'Disagreements', 'Undefined values']);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const about = Object.fromEntries(sheetRows(wb.getWorksheet('About')!).map((r) => [r.item, r.value]));
    expect(about['Project file']).toBe('study.marginalia');
    expect(about['Coder A']).toBe('Alice');
    expect(about['Bands']).toMatch(/α ≥ 0\.800 reliable; ≥ 0\.667 tentative.*Krippendorff/);
    expect(String(about['Statistics'])).toContain('Cohen κ');
    const perCode = sheetRows(wb.getWorksheet('Per code')!);
    expect(perCode.length).toBe(report.codes.length + 1);
    const first = report.codes.find((c) => c.pooled.kappa !== null)!;
    const row = perCode.find((r) => r.code === first.code)!;
    expect(row['Cohen κ (pooled)']).toBe(first.pooled.kappa);
    expect(row['|uα (pooled)']).toBe(first.pooled.alphaBinary);
    expect(row['characters']).toBe(first.pooled.n);
    const ws = wb.getWorksheet('Per code')!;
    const kappaCol = (ws.getRow(1).values as unknown[]).indexOf('Cohen κ (pooled)');
    expect(ws.getRow(2).getCell(kappaCol).numFmt).toBe('0.000');
    // The report leaves out a code nobody used; the file says so.
    expect(perCode.find((r) => r.code === 'Never used')).toBeUndefined();
    expect(about['Codes nobody used']).toMatch(/(^|, )Never used \(neither coder applied them in these documents; not in the tables\)$/);
    // Chosen explicitly, it is in the tables with undefined statistics and their reasons.
    const scoped = await workbook(bytes(await door.call('agreement.export', { coders: pair, codes: [never, rapport], format: 'xlsx' })));
    expect(sheetRows(scoped.getWorksheet('Per code')!).find((r) => r.code === 'Never used')!['Cohen κ (pooled)']).toBeNull();
    const undef = sheetRows(scoped.getWorksheet('Undefined values')!);
    expect(undef.some((u) => u.code === 'Never used' && u.statistic === 'Cohen κ' && String(u.reason).includes('neither coder'))).toBe(true);
    const dis = sheetRows(wb.getWorksheet('Disagreements')!);
    expect(dis.length).toBe((await door.call('agreement.disagreements', { coders: pair })).length);
  });

  it('writes CSV with a BOM that the CSV parser reads back in full precision', async () => {
    const report = (await door.call('agreement.report', { coders: pair, unit: 'segment', overlap: 75 })) as SegmentReport;
    const raw = bytes(await door.call('agreement.export', { coders: pair, unit: 'segment', overlap: 75, format: 'csv' }));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(raw.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows.find((r) => r[0] === 'Overlap threshold')![1]).toBe('75% of the union');
    const start = rows.findIndex((r) => r[0] === 'Per code' && r.length === 1);
    const head = rows[start + 1]!;
    const body = rows.slice(start + 2, rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === 'Per document') - 1);
    expect(body.length).toBe(report.codes.length + 1);
    const c = report.codes.find((x) => x.pooled.kappaBP !== null)!;
    const line = body.find((r) => r[0] === c.code)!;
    expect(Number(line[head.indexOf('Brennan–Prediger κ')])).toBe(c.pooled.kappaBP);
    expect(Number(line[head.indexOf('percent agreement')])).toBe(c.pooled.percentAgreement);
  });

  it('writes Markdown tables rounded for people', async () => {
    const report = (await door.call('agreement.report', { coders: pair })) as CharacterReport;
    const md = bytes(await door.call('agreement.export', { coders: pair, format: 'md' })).toString('utf8');
    expect(md).toMatch(/^# Agreement between Alice \(A\) and Bob \(B\)/);
    expect(md).toContain('- **Project file:** study.marginalia');
    const c = report.codes.find((x) => x.pooled.kappa !== null)!;
    const line = md.split('\n').find((l) => l.startsWith(`| ${c.code} |`))!;
    const cells = line.split(' | ');
    expect(cells).toContain(c.pooled.kappa!.toFixed(3));
    expect(md).toMatch(/^- \*\*Codes nobody used:\*\* .*Never used \(neither/m);
    const scoped = bytes(await door.call('agreement.export', { coders: pair, codes: [never], format: 'md' })).toString('utf8');
    expect(scoped.split('\n').some((l) => l.startsWith('| Never used |') && l.includes('undefined'))).toBe(true);
  });

  it('refuses an unknown format in one line', async () => {
    await expect(door.call('agreement.export', { coders: pair, format: 'pdf' as 'md' })).rejects.toThrow(/format must be one of xlsx, csv, md, html/);
  });
});

describe('marginalia agreement --xlsx / --html', () => {
  it('writes both files from the same export, the HTML self-contained with the chart inline', async () => {
    const dir = freshDir();
    const xlsx = join(dir, 'report.xlsx');
    const html = join(dir, 'report.html');
    const cliPath = projectFrom(path, 'cli.marginalia');
    const report = JSON.parse(ok(['agreement', cliPath, '--coders', 'Alice,Bob', '--unit', 'turn', '--xlsx', xlsx, '--html', html, '--json'])) as {
      codes: { code: string; pooled: { alpha: number | null; kappa: number | null } }[];
    };
    const wb = await workbook(readFileSync(xlsx));
    const perCode = sheetRows(wb.getWorksheet('Per code')!);
    for (const c of report.codes) expect(perCode.find((r) => r.code === c.code)!['Krippendorff α (nominal)']).toBe(c.pooled.alpha);

    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<script|<link|src=|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // jsdom ships no types; only its constructor and window are used here.
    const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string) => { window: Window } };
    const doc = new JSDOM(text).window.document;
    expect(doc.querySelectorAll('svg circle').length).toBe(report.codes.filter((c) => c.pooled.alpha !== null).length);
    const table = [...doc.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === 'Per code')!.querySelector('table')!;
    const heads = [...table.querySelectorAll('th')].map((th) => th.textContent);
    const ai = heads.indexOf('Krippendorff α (nominal)');
    for (const c of report.codes) {
      const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.children[0]!.textContent === c.code)!;
      expect(tr.children[ai]!.textContent).toBe(c.pooled.alpha === null ? 'undefined' : c.pooled.alpha.toFixed(3));
    }
    expect(doc.querySelector('dl.facts')!.textContent).toContain('cli.marginalia');
  });
});
