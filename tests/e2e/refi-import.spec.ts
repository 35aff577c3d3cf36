/**
 * REFI-QDA import in browser mode: File → Import REFI-QDA project (.qdpx)… imports the ATLAS.ti-style
 * fixture into a new project file beside the served one, shows the report (counts, every skipped
 * and adjusted item, the new file's path) and passes axe-core; the served project is unchanged.
 * The code book panel's "Import .qdc…" merges a Taguette-style code book and shows its report.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { queryProject, ROOT, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-01.txt']);
});
test.afterEach(() => served.stop());

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(r.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ROOT, 'test-results', 'refi-import', `${name}.png`) });

test('File → Import REFI-QDA project: a new project beside this one, and the report', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(served.url);
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Import REFI-QDA project (.qdpx)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
  await expect(dialog).toBeVisible();
  await axe(page);
  await dialog.getByLabel('Project file').setInputFiles(join(ROOT, 'fixtures', 'refi', 'atlas-style.qdpx'));
  await dialog.getByRole('button', { name: 'Import into a new project' }).click();

  const report = page.getByRole('dialog', { name: 'REFI-QDA import report' });
  await expect(report).toBeVisible();
  const target = join(dirname(served.project), 'atlas-style.marginalia');
  await expect(report.locator('.refi-in-path code')).toHaveText(target);
  await expect(report.getByRole('definition').first()).toHaveText('2');
  await expect(report.getByRole('cell', { name: 'Site visit.mp4', exact: true })).toBeVisible();
  await expect(report.getByRole('cell', { name: 'Trial.qde', exact: true })).toBeVisible();
  await axe(page);
  await shot(page, 'report-1280-light');

  expect(existsSync(target)).toBe(true);
  expect(queryProject<{ n: number }>(target, 'SELECT count(*) AS n FROM codings')[0]!.n).toBe(5);
  expect(queryProject<{ n: number }>(served.project, 'SELECT count(*) AS n FROM documents')[0]!.n).toBe(1);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'report-1920-dark');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toBeHidden();
});

test('a damaged .qdpx is refused in the dialog, in one line, and nothing is written', async ({ page }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Import REFI-QDA project (.qdpx)…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
  await dialog.getByLabel('Project file').setInputFiles({ name: 'broken.qdpx', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await dialog.getByRole('button', { name: 'Import into a new project' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^broken\.qdpx: not a REFI-QDA project/);
  await axe(page);
  expect(existsSync(join(dirname(served.project), 'broken.marginalia'))).toBe(false);
});

test('code book panel → Import .qdc… merges the code book and shows its report', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(served.url);
  await expect(page.getByRole('button', { name: 'Import .qdc…' })).toBeVisible();
  await page.locator('input[type="file"][accept=".qdc,.xml"]').setInputFiles(join(ROOT, 'fixtures', 'refi', 'taguette.qdc'));
  const report = page.getByRole('dialog', { name: 'Code book import report' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('list', { name: 'Codes added' }).getByRole('listitem')).toHaveText(['trust', 'boundaries', 'Rapport']);
  await axe(page);
  await shot(page, 'qdc-report-1280-light');
  await report.getByRole('button', { name: 'Close' }).click();
  expect(
    queryProject<{ name: string }>(served.project, "SELECT name FROM codes WHERE parent_id IS NULL AND name IN ('trust', 'boundaries') ORDER BY name").map(
      (r) => r.name,
    ),
  ).toEqual(['boundaries', 'trust']);
});
