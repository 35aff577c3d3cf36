/**
 * Undo kept in the project file: the toolbar's Undo/Redo work after a page reload and after the
 * server is restarted (checked in the file). The audit log dialog (File → Audit log…): filters by
 * who and by document, downloads CSV that reads back, and passes axe-core in light and dark.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../shared/csv.js';
import { dragSelect, queryProject, ROOT, startWeb, storedCodings } from './workspace.js';

let dir: string;
let project: string;
let web: { url: string; stop(): void } | null = null;

const cli = (args: string[]) =>
  new Promise<void>((ok, fail) => {
    const p = spawn(process.execPath, ['electron/cli/bin.cjs', ...args], { cwd: ROOT, stdio: 'ignore' });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`marginalia ${args[0]} exited ${code}`))));
  });

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-history-'));
  project = join(dir, 'study.marginalia');
  await cli(['init', project]);
  await cli(['import', project, join(ROOT, 'fixtures/transcripts/co-02.txt'), join(ROOT, 'fixtures/transcripts/ip-01.txt')]);
  await cli(['coders', 'add', project, 'Alice']);
  // Someone else's change, made from the CLI under another name: it shows in the audit, not in our undo list.
  await cli(['codes', 'add', project, 'Emergent', '--as', 'Bob']);
  web = await startWeb(project);
});
test.afterEach(() => {
  web?.stop();
  web = null;
  rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, scheme: 'light' | 'dark' = 'light') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(web!.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const history = (page: Page) => page.getByRole('group', { name: 'History' });
const quotes = () => storedCodings(project).map((c) => c.quote);

test('Undo and Redo work after a reload of the page and after the server restarts', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  await dragSelect(page, 'Cuff ports, escorts');
  await page.keyboard.press('1');
  await expect.poll(quotes).toEqual(['Cuff ports, escorts']);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await history(page).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(quotes).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Undid: apply code' })).toBeVisible();

  // A new server process on the same file: the redo list is still there.
  web!.stop();
  web = await startWeb(project);
  await open(page);
  await history(page).getByRole('button', { name: 'Redo' }).click();
  await expect.poll(quotes).toEqual(['Cuff ports, escorts']);
  await history(page).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(quotes).toEqual([]);
  // Bob's code is not ours to undo: the next undo takes back our coder, not his code.
  await history(page).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undid: add coder "Alice"' })).toBeVisible();
  expect(queryProject<{ name: string }>(project, "SELECT name FROM codes WHERE name = 'Emergent'")).toHaveLength(1);
});

test('the audit log: filters by who and by document, CSV download, axe in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await open(page, scheme);
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Audit log…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Audit log' });
    await expect(dialog).toBeVisible();
    const total = queryProject<{ n: number }>(project, 'SELECT count(*) AS n FROM events')[0]!.n;
    await expect(dialog.getByRole('status')).toHaveText(`${total} changes`);
    const rows = dialog.locator('tbody tr');
    await expect(rows).toHaveCount(total);
    await expect(rows.first()).toContainText('Bob');
    await expect(rows.first()).toContainText('created code "Emergent"');

    const bad = (await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
    expect(bad).toEqual([]);

    await dialog.getByLabel('Who').selectOption('Bob');
    await expect(dialog.getByRole('status')).toHaveText('1 change');
    await dialog.getByLabel('Who').selectOption('');
    await dialog.getByLabel('Document').selectOption({ label: 'ip-01.txt' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('imported "ip-01.txt"');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^study audit \d{4}-\d\d-\d\d\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8'));
    expect(csv.map((r) => [r[2], r[4]])).toEqual([
      ['Action', 'Document'],
      ['document.import', 'ip-01.txt'],
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
});
