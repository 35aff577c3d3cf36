/**
 * Compare coders, end to end in browser mode: merging a second coder's project from the Merge
 * part (the report shown, the codings in the SQLite file, a backup on disk), bad files refused
 * in one line with the project file byte-for-byte unchanged, and the agreement report exported
 * in every format from the Report part and read back (exceljs, the CSV parser, the HTML's tables,
 * Markdown rows) with the numbers `marginalia agreement --json` gives.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../shared/csv.js';
import { marginalia, marginaliaJson, serveTwoCoderProject } from './compare-fixture.js';
import { queryProject, ROOT, serveFreshProject, type Served } from './workspace.js';

let served: Served;
let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-merge-'));
});
test.afterEach(() => {
  served.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Bob's own project, made with the CLI: the same transcript, his coder, two codings. */
function bobsProject(): string {
  const bob = join(dir, 'bob.marginalia');
  marginalia(['init', bob]);
  marginalia(['import', bob, join(ROOT, 'fixtures/transcripts/co-01.txt')]);
  marginalia(['coders', 'add', bob, 'Bob']);
  marginalia(['code', bob, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Bob', '--lines', '3-5']);
  marginalia(['code', bob, '--doc', 'co-01.txt', '--code', 'Boundaries/First names', '--coder', 'Bob', '--lines', '7']);
  return bob;
}

const fileState = (path: string) =>
  ['', '-wal']
    .map((s) =>
      existsSync(path + s)
        ? createHash('sha256')
            .update(readFileSync(path + s))
            .digest('hex')
        : 'none',
    )
    .join(' ');

async function openPart(page: Page, part: 'Merge a coder’s project' | 'Report') {
  await page.goto(served.url);
  await page.getByLabel('Active coder').selectOption('Alice');
  await page.getByRole('button', { name: 'Compare coders' }).click();
  await page.getByRole('tab', { name: part }).click();
  return page.getByRole('tabpanel', { name: part });
}

async function noSeriousAxe(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('.compare-panel:not([hidden])').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what} ${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a second coder’s project is merged from the Merge part; bad files change nothing', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-01.txt', 'transcripts/ip-01.txt'], (project) =>
    marginalia(['code', project, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Alice', '--lines', '3-4']),
  );
  const bob = bobsProject();
  // One coder: the Report part says what is needed and how to merge.
  const report = await openPart(page, 'Report');
  await expect(report.getByTestId('one-coder')).toContainText('This project has one coder, Alice.');
  await report.getByRole('button', { name: 'Merge a coder’s project' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Merge a coder’s project' });
  await expect(panel).toBeVisible();
  await noSeriousAxe(page, 'merge');

  const newer = join(dir, 'newer.marginalia');
  copyFileSync(bob, newer);
  const db = new Database(newer);
  db.pragma('user_version = 99');
  db.close();
  const same = join(dir, 'same.marginalia');
  copyFileSync(served.project, same);
  const bad: [string, Buffer, RegExp][] = [
    ['empty.marginalia', Buffer.alloc(0), /^empty\.marginalia: the file is empty, not a Marginalia project\. Nothing was changed\.$/],
    [
      'notes.marginalia',
      Buffer.from('Interview notes, not a project.\n'.repeat(20)),
      /^notes\.marginalia: not a Marginalia project \(not an SQLite database\)\. Nothing was changed\.$/,
    ],
    ['newer.marginalia', readFileSync(newer), /^newer\.marginalia: saved by a newer Marginalia \(schema 99; .*\. Nothing was changed\.$/],
    ['same.marginalia', readFileSync(same), /^same\.marginalia: this is the same project as the one open \(same project GUID.*Nothing was changed\.$/],
  ];
  const before = fileState(served.project);
  for (const [name, buffer, message] of bad) {
    await panel.getByTestId('merge-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(panel.getByRole('alert')).toHaveText(message);
  }
  expect(fileState(served.project)).toBe(before);

  await panel.getByTestId('merge-file').setInputFiles({ name: 'bob.marginalia', mimeType: 'application/octet-stream', buffer: readFileSync(bob) });
  const shown = panel.getByRole('region', { name: 'Merge report' });
  await expect(shown.getByRole('heading', { name: 'Merged bob.marginalia' })).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(shown.getByRole('row', { name: /^Coders 1 Bob/ })).toBeVisible();
  await expect(shown.getByRole('row', { name: /^Codings 2/ })).toBeVisible();
  await expect(shown.getByRole('row', { name: /^Documents 0 .*1 matched/ })).toBeVisible();
  const backup = (await shown.getByTestId('merge-backup').textContent())!;
  expect(backup.startsWith(`${served.project}-backups/`)).toBe(true);
  expect(backup).toMatch(/_before-merge\.marginalia$/);
  expect(existsSync(backup)).toBe(true);
  await expect(shown).toContainText('Undo (Ctrl/Cmd+Z) takes the whole merge back as one step');
  const stored = queryProject<{ coder: string; n: number }>(
    served.project,
    'SELECT k.name AS coder, COUNT(*) AS n FROM codings g JOIN coders k ON k.id = g.coder_id GROUP BY k.name ORDER BY k.name',
  );
  expect(stored).toEqual([
    { coder: 'Alice', n: 1 },
    { coder: 'Bob', n: 2 },
  ]);
  // The backup holds the project as it was: Alice's coding only.
  expect(queryProject<{ n: number }>(backup, 'SELECT COUNT(*) AS n FROM codings')).toEqual([{ n: 1 }]);

  const [md] = await Promise.all([page.waitForEvent('download'), shown.getByRole('button', { name: 'Save report (Markdown)' }).click()]);
  const mdText = readFileSync((await md.path())!, 'utf8');
  expect(mdText).toContain('# Merge of bob.marginalia into e2e.marginalia');
  expect(mdText).toContain(`**Backup of e2e.marginalia made before the merge:** ${backup}`);
  expect(mdText).toMatch(/^\| codings \| 2 \| 0 skipped/m);
  const [json] = await Promise.all([page.waitForEvent('download'), shown.getByRole('button', { name: 'Save report (JSON)' }).click()]);
  expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toMatchObject({ from: 'bob.marginalia', backup, codings: { added: 2, skipped: 0 } });
  await noSeriousAxe(page, 'merge report');
  // The merge is one undo step: Bob and his codings leave the file; redo brings them back.
  const codings = () => queryProject<{ n: number }>(served.project, 'SELECT COUNT(*) AS n FROM codings')[0]!.n;
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(codings).toBe(1);
  expect(queryProject(served.project, "SELECT 1 FROM coders WHERE name = 'Bob'")).toEqual([]);
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Redo' }).click();
  await expect.poll(codings).toBe(3);
});

test('the agreement report is exported in every format and reads back with the CLI’s numbers', async ({ page }) => {
  served = await serveTwoCoderProject();
  const cli = marginaliaJson<{ codes: { code: string; pooled: { kappa: number | null; alphaBinary: number | null; n: number } }[] }>([
    'agreement',
    served.project,
    '--coders',
    'Alice,Bob',
  ]);
  const panel = await openPart(page, 'Report');
  await expect(panel.getByTestId('report-summary')).toContainText('3 documents compared');
  await noSeriousAxe(page, 'report');
  const save = async (label: string) => {
    const [d] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: label }).click()]);
    await expect(panel.getByRole('status').last()).toContainText(d.suggestedFilename());
    return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
  };
  const withKappa = cli.codes.filter((c) => c.pooled.kappa !== null);
  expect(withKappa.length).toBeGreaterThan(2);

  const xlsx = await save('Excel (.xlsx)');
  expect(xlsx.name).toMatch(/^e2e agreement Alice-Bob character \d{4}-\d\d-\d\d\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Per code')!;
  const head = (ws.getRow(1).values as unknown[]).map(String);
  for (const c of withKappa) {
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== c.code) return;
      found = true;
      expect(row.getCell(head.indexOf('Cohen κ (pooled)')).value).toBe(c.pooled.kappa);
      expect(row.getCell(head.indexOf('characters')).value).toBe(c.pooled.n);
    });
    expect(found).toBe(true);
  }

  const csv = await save('CSV');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  const at = rows.findIndex((r) => r.length === 1 && r[0] === 'Per code');
  const cols = rows[at + 1]!;
  for (const c of withKappa) expect(Number(rows.find((r, i) => i > at && r[0] === c.code)![cols.indexOf('Cohen κ (pooled)')])).toBe(c.pooled.kappa);

  const md = (await save('Markdown')).bytes.toString('utf8');
  for (const c of withKappa) expect(md.split('\n').find((l) => l.startsWith(`| ${c.code} |`))).toContain(` ${c.pooled.kappa!.toFixed(3)} `);

  const html = (await save('HTML')).bytes.toString('utf8');
  expect(html).not.toMatch(/<script|<link|src=/);
  const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string) => { window: Window } };
  const doc = new JSDOM(html).window.document;
  expect(doc.querySelector('svg.chart')).not.toBeNull();
  const table = [...doc.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === 'Per code')!.querySelector('table')!;
  const hs = [...table.querySelectorAll('th')].map((th) => th.textContent);
  for (const c of withKappa) {
    const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.children[0]!.textContent === c.code)!;
    expect(tr.children[hs.indexOf('Cohen κ (pooled)')]!.textContent).toBe(c.pooled.kappa!.toFixed(3));
  }
});

test('two coders who share no document: the Report part says what is needed and offers no export', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-01.txt', 'transcripts/ip-01.txt'], (project) => {
    marginalia(['coders', 'add', project, 'Bob']);
    marginalia(['code', project, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Alice', '--lines', '3-4']);
    marginalia(['code', project, '--doc', 'ip-01.txt', '--code', 'Rapport', '--coder', 'Bob', '--lines', '3-4']);
  });
  const panel = await openPart(page, 'Report');
  await expect(panel.getByRole('alert')).toHaveText(
    'Alice and Bob have no document in common to compare: agreement needs transcripts both of them coded. Have each coder code the same documents (or merge the project in which they did), or choose another pair.',
  );
  for (const label of ['Excel (.xlsx)', 'CSV', 'Markdown', 'HTML']) await expect(panel.getByRole('button', { name: label })).toBeDisabled();
  await noSeriousAxe(page, 'report, no shared document');
});
