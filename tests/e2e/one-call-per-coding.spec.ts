/**
 * Issue 12 point 14, one frame per coding: a coding keypress used to cost one write and seven
 * reads (the document's codings twice, cases, project info, documents, code book, coders), hidden
 * tabs included. Now the write answers with the stored coding and its counts, and the page updates
 * from that: every request to the bridge is recorded, and a coding is exactly one call.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, ROOT, serveFreshProject, storedCodings, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
const counts = (page: Page, name: string) =>
  page.getByRole('tree', { name: 'Code book' }).getByRole('treeitem', { name, exact: true }).locator('.cb-counts').first();
const docCounts = (page: Page) => page.locator('.doc-item', { hasText: 'co-02.txt' }).locator('.doc-counts');

/** The API methods the page calls from now on. */
function record(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([^?#]+)/.exec(r.url());
    if (m) calls.push(decodeURIComponent(m[1]!));
  });
  return calls;
}

/** Lets any call a change might still set off be made (so "no other call" is not said too early). */
async function quiet(page: Page) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
}

test('a coding keypress is one write and no re-read; removing is one write; both update every count', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt'], (project) => {
    cli(['coders', 'add', project, 'Bob']);
    cli(['code', project, '--doc', 'co-02.txt', '--code', 'Rapport', '--coder', 'Bob', '--quote', 'Cuff ports, escorts']);
  });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  await page.getByLabel('Show codings of').selectOption('all');
  const list = page.getByRole('list', { name: 'Codings' }).getByRole('listitem');
  await expect(list).toHaveCount(1);
  await expect(counts(page, 'Rapport')).toHaveAttribute('data-counts', '1/1');
  // A search left open in a hidden tab: it must not be asked again for a coding.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByRole('tabpanel').getByRole('searchbox').fill('door');
  await page.getByRole('tabpanel').getByRole('searchbox').press('Enter');
  await expect(page.getByRole('tabpanel').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Codings' }).click();
  await quiet(page);

  const calls = record(page);
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await expect(list).toHaveCount(2);
  // Counts from the write's answer: the code book (Rapport, and Dynamic security above it) and Alice in the document list.
  await expect(counts(page, 'Rapport')).toHaveAttribute('data-counts', '2/2');
  await expect(docCounts(page)).toContainText('Alice');
  await quiet(page);
  expect(calls).toEqual(['codings.apply']);
  expect(
    storedCodings(served.project)
      .map((c) => `${c.coder}:${c.code}`)
      .sort(),
  ).toEqual(['Alice:Rapport', 'Bob:Rapport']);

  // The stored coding replaced the optimistic one: it can be chosen and removed by its GUID.
  calls.length = 0;
  const mine = list.filter({ hasText: 'Alice' }).getByRole('button', { name: /^Remove coding/ });
  await mine.click();
  await expect(list).toHaveCount(1);
  await expect(counts(page, 'Rapport')).toHaveAttribute('data-counts', '1/1');
  await expect(docCounts(page)).not.toContainText('Alice');
  await quiet(page);
  expect(calls).toEqual(['codings.remove']);
  expect(storedCodings(served.project).map((c) => `${c.coder}:${c.code}`)).toEqual(['Bob:Rapport']);

  // Undo may change anything, so it reads again, but the document's codings only once.
  calls.length = 0;
  await page.keyboard.press('Control+z');
  await expect(list).toHaveCount(2);
  await quiet(page);
  expect(calls.filter((c) => c === 'codings.forDocument')).toHaveLength(1);
  expect(calls).toContain('history.undo');
});

test('coding while showing another coder’s work stores it but does not draw it, and leaves the shown counts alone', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt'], (project) => {
    cli(['coders', 'add', project, 'Bob']);
    cli(['code', project, '--doc', 'co-02.txt', '--code', 'Rapport', '--coder', 'Bob', '--quote', 'Cuff ports, escorts']);
  });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  const bob = await page.getByLabel('Show codings of').locator('option', { hasText: 'Bob' }).getAttribute('value');
  await page.getByLabel('Show codings of').selectOption(bob!);
  const list = page.getByRole('list', { name: 'Codings' }).getByRole('listitem');
  await expect(list).toHaveCount(1);
  await quiet(page);

  const calls = record(page);
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await expect.poll(() => storedCodings(served.project).length).toBe(2);
  await quiet(page);
  expect(calls).toEqual(['codings.apply']);
  await expect(list).toHaveCount(1);
  await expect(counts(page, 'Rapport')).toHaveAttribute('data-counts', '1/1');
  // Alice's own count moved, in the documents list.
  await expect(docCounts(page)).toContainText('Alice');
});
