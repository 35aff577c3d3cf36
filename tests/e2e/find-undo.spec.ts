/**
 * Find in this document (next/previous), undo and redo of code book edits, imports and deletes
 * (checked in the project file), the shortcuts sheet, and an axe-core check of the workspace
 * with a coded transcript in light and dark themes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, queryProject, ROOT, serveFreshProject, storedCodings, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
});
test.afterEach(() => served.stop());

async function open(page: Page, scheme: 'light' | 'dark' = 'light') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
}
const highlighted = (page: Page, name: string) =>
  page.evaluate((n) => [...((CSS.highlights.get(n) as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()), name);

test('find in this document: every match marked, Enter / Shift+Enter step through them', async ({ page }) => {
  await open(page);
  const text = readFileSync(join(ROOT, 'fixtures/transcripts/co-02.txt'), 'utf8');
  const count = text.toLowerCase().split('door').length - 1;
  expect(count).toBeGreaterThan(2);
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: 'Find in this document' });
  await expect(box).toBeFocused();
  await box.fill('DOOR');
  const status = page.getByRole('search', { name: 'Find in this document' }).getByRole('status');
  await expect(status).toHaveText(`1 of ${count}`);
  expect(await highlighted(page, 'search-marks')).toHaveLength(count);
  expect(await highlighted(page, 'search-current')).toEqual(['door']);
  await box.press('Enter');
  await expect(status).toHaveText(`2 of ${count}`);
  await box.press('Shift+Enter');
  await box.press('Shift+Enter');
  await expect(status).toHaveText(`${count} of ${count}`);
  await box.fill('zebra');
  await expect(status).toHaveText('no matches');
});

test('undo and redo a code rename, an import and a document delete, each in the project file', async ({ page }) => {
  await open(page);
  const names = () => queryProject<{ name: string }>(served.project, "SELECT name FROM codes WHERE name IN ('Rapport', 'Rapport building')").map((r) => r.name);
  const docs = () => queryProject<{ name: string }>(served.project, 'SELECT name FROM documents ORDER BY name').map((r) => r.name);

  const rapport = page.getByRole('tree', { name: 'Code book' }).getByRole('treeitem', { name: 'Rapport', exact: true });
  await rapport.press('F2');
  await page.getByRole('textbox', { name: /^New name for .*Rapport$/ }).fill('Rapport building');
  await page.getByRole('textbox', { name: /^New name for .*Rapport$/ }).press('Enter');
  await expect.poll(names).toEqual(['Rapport building']);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(names).toEqual(['Rapport']);
  await expect(page.getByRole('status').filter({ hasText: 'Undid' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(names).toEqual(['Rapport building']);

  await page.getByLabel('Files to import').setInputFiles(join(ROOT, 'fixtures/transcripts/ip-01.txt'));
  await expect.poll(docs).toEqual(['co-02.txt', 'ip-01.txt']);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(docs).toEqual(['co-02.txt']);
  await expect(page.getByRole('list', { name: 'Transcripts' }).getByRole('listitem')).toHaveCount(1);

  // Delete a coded document (the dialog says how many codings go), then undo brings both back.
  await dragSelect(page, 'Cuff ports, escorts');
  await page.keyboard.press('1');
  await expect.poll(() => storedCodings(served.project).length).toBe(1);
  await page.getByRole('button', { name: 'Delete document co-02.txt' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete co-02.txt?' });
  await expect(confirm).toContainText('1 coding');
  await confirm.getByRole('button', { name: 'Delete document' }).click();
  await expect.poll(docs).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect.poll(docs).toEqual(['co-02.txt']);
  expect(storedCodings(served.project).map((c) => c.quote)).toEqual(['Cuff ports, escorts']);
});

test('the shortcuts sheet opens with ? and closes with Escape; the workspace passes axe in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await open(page, scheme);
    await dragSelect(page, 'the few minutes you spend at their door');
    await page.keyboard.press('1');
    await page.locator('.stripe').first().click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Apply pinned code 1 … 9');
    // Issue 12, point 13: the sheet opens at its top (its Close button is at the bottom).
    expect(await sheet.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(sheet.getByRole('heading', { name: 'Anywhere' })).toBeInViewport();
    const withSheet = await new AxeBuilder({ page }).analyze();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    const workspace = await new AxeBuilder({ page }).analyze();
    const bad = [...withSheet.violations, ...workspace.violations]
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
    expect(bad).toEqual([]);
  }
});
