/**
 * Correcting a transcript in the workspace: Edit text → review (what changes, codings that move
 * or are orphaned) → Save, checked in the project file; the orphaned codings shown under the
 * reader's head; Cancel writes nothing; undo restores the text; axe-core on the dialog and the
 * note in light and dark.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { queryProject, ROOT, startWeb } from './workspace.js';

let dir: string;
let project: string;
let web: { url: string; stop(): void };

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-edit-'));
  project = join(dir, 'e2e.marginalia');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['electron/cli/bin.cjs', ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`marginalia ${args[0]}: ${r.stderr}`);
  };
  cli('init', project);
  cli('import', project, ...['co-01.txt', 'ip-01.txt', 'co-03-norway.txt'].map((f) => join(ROOT, 'fixtures', 'transcripts', f)));
  cli('codings', 'import', project, join(ROOT, 'fixtures', 'codings-two-coders.csv'));
  web = await startWeb(project);
});
test.afterEach(() => {
  web.stop();
  rmSync(dir, { recursive: true, force: true });
});

const storedText = () =>
  queryProject<{ text: string }>(project, "SELECT t.text FROM document_texts t JOIN documents d ON d.id = t.document_id WHERE d.name = 'co-01.txt'")[0]!.text;
/** Codings of co-01 whose stored quote is not the text they cover now (offsets in UTF-16 units). */
const misplaced = () => {
  const text = storedText();
  return queryProject<{ start: number; end: number; quote: string }>(
    project,
    `SELECT c.start, c."end", c.quote FROM codings c JOIN documents d ON d.id = c.document_id WHERE d.name = 'co-01.txt'`,
  ).filter((c) => text.slice(c.start, c.end) !== c.quote);
};

async function openCo01(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(web.url);
  await page.getByRole('button', { name: /^co-01\.txt/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
}

const GONE = 'Consistency, mostly. Being the same guy on Monday as on Friday. ';

test('edit, review and save a correction: codings move with their words, orphans are kept and shown', async ({ page }) => {
  await openCo01(page, 'light');
  const original = storedText();
  expect(original).toContain(GONE);
  await page.getByRole('button', { name: 'Edit text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit text' });
  const box = dialog.getByRole('textbox', { name: 'Text of the transcript' });
  await expect(box).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  await box.fill(original.replace('walking the range', 'walking the unit').replace(GONE, ''));
  await dialog.getByRole('button', { name: 'Review changes' }).click();

  const review = page.getByRole('dialog', { name: 'Review the correction' });
  await expect(review.getByText(/Will change 2 places in co-01\.txt/)).toBeVisible();
  const counts = review.getByRole('definition');
  await expect(counts).toHaveText(['0', '15', '2', '0', '2']);
  await expect(review.getByRole('row').filter({ hasText: 'orphaned' })).toHaveCount(2);
  expect(storedText()).toBe(original);
  const axe = await new AxeBuilder({ page }).include('.te-dialog').analyze();
  expect(axe.violations).toEqual([]);

  await review.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog', { name: 'Correction saved' }).getByText(/^Saved 2 places/)).toBeVisible();
  await expect.poll(storedText).toContain('walking the unit');
  expect(storedText()).not.toContain(GONE);
  expect(misplaced()).toEqual([]);
  expect(queryProject<{ n: number }>(project, 'SELECT count(*) n FROM coding_orphans')[0]!.n).toBe(2);
  await page.getByRole('button', { name: 'Close' }).click();

  const note = page.getByRole('button', { name: '2 orphaned codings' });
  await expect(note).toBeVisible();
  await note.click();
  const list = page.getByRole('list', { name: /Orphaned codings/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Consistency, mostly.');
  const axe2 = await new AxeBuilder({ page }).include('.reader-head').analyze();
  expect(axe2.violations).toEqual([]);

  // One undoable action: undo brings back the text and the orphaned codings.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(storedText).toBe(original);
  expect(queryProject<{ n: number }>(project, 'SELECT count(*) n FROM coding_orphans')[0]!.n).toBe(0);
  await expect(page.getByRole('button', { name: /orphaned coding/ })).toHaveCount(0);
});

test('Cancel writes nothing; the dialog passes axe-core in the dark theme', async ({ page }) => {
  await openCo01(page, 'dark');
  const original = storedText();
  await page.getByRole('button', { name: 'Edit text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit text' });
  await dialog.getByRole('textbox').fill(original.replace('Eleven years', 'Twelve years'));
  await dialog.getByRole('button', { name: 'Review changes' }).click();
  const review = page.getByRole('dialog', { name: 'Review the correction' });
  await expect(review.getByRole('listitem').first()).toContainText('Eleven');
  const axe = await new AxeBuilder({ page }).include('.te-dialog').analyze();
  expect(axe.violations).toEqual([]);
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toHaveCount(0);
  expect(storedText()).toBe(original);
});
