/**
 * The themed excerpt export in browser mode, on the hand-counted fixture project
 * (tests/integration/excerpts-fixture.ts): File → Export themed excerpts… says what the file will
 * hold, passes axe-core, and downloads a Word file whose quotes and attributions mammoth reads
 * back word for word; a pseudonymised CSV leaves the project file byte-identical; Retrieval's
 * "Export these…" exports exactly the segments it shows.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { parseCsv } from '../../shared/csv.js';
import { mdUnescape } from '../../shared/excerpts/markdown.js';
import { QUOTES } from '../integration/excerpts-fixture-text.js';
import { ROOT, startWeb } from './workspace.js';

let dir: string;
let project: string;
let web: { url: string; stop(): void };
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-excerpts-'));
  project = join(dir, 'study.marginalia');
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/integration/excerpts-fixture.ts', project], { cwd: ROOT, stdio: 'pipe' });
  web = await startWeb(project);
});
test.afterEach(() => {
  web.stop();
  rmSync(dir, { recursive: true, force: true });
});

const hash = () => createHash('sha256').update(readFileSync(project)).digest('hex');

async function openDialog(page: Page) {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Export themed excerpts…' }).click();
  return page.getByRole('dialog', { name: 'Export themed excerpts' });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

test('File → Export themed excerpts: the dialog counts what it will export, passes axe, and the Word file reads back', async ({ page }) => {
  const dialog = await openDialog(page);
  // Default: the first top-level code with everything under it, all coders, role and institution named.
  await expect(dialog.getByTestId('excerpt-summary')).toHaveText('3 themes, 6 quotes (7 codings) from 5 documents and 5 cases.');
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.map((v) => `${v.impact} ${v.id}: ${v.help}`)).toEqual([]);

  await dialog.getByLabel('Format', { exact: true }).selectOption('docx');
  const before = hash();
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export Word' }).click());
  expect(file.name).toMatch(/^study excerpts snippet \d{4}-\d{2}-\d{2}\.docx$/);
  await expect(dialog).toHaveCount(0);
  const { value } = await mammoth.convertToHtml(
    { path: file.path },
    { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Attribution'] => p.attribution:fresh"] },
  );
  const quotes = [...value.matchAll(/<blockquote><p>(.*?)<\/p><\/blockquote>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  expect(quotes).toEqual([QUOTES.co01Rapport, QUOTES.co02Rapport, QUOTES.ip01Rapport, QUOTES.co01Boundaries, QUOTES.co03Boundaries, QUOTES.ip02Boundaries]);
  expect(value).toContain('<p class="attribution">— IP-02, Incarcerated person, Institution A — ip-02.vtt, 00:01:02–00:01:06</p>');
  expect(value).toContain('Coded for 3 of 5 participants (60%)');
  expect(hash()).toBe(before);
});

test('a pseudonymised table as CSV, chosen by attribute: names replaced in the file only', async ({ page }) => {
  const dialog = await openDialog(page);
  await dialog.getByLabel('From', { exact: true }).selectOption('attribute');
  await dialog.getByLabel('Attribute', { exact: true }).selectOption('role');
  await dialog.getByLabel('Attribute value', { exact: true }).selectOption('Incarcerated person');
  await expect(dialog.getByTestId('excerpt-summary')).toHaveText('3 themes, 2 quotes from 2 documents and 2 cases.');
  await dialog.getByLabel('Template', { exact: true }).selectOption('table');
  await dialog.getByLabel('Format', { exact: true }).selectOption('csv');
  await dialog.getByLabel('Replace names in this export').check();
  await dialog.getByRole('textbox').fill('Émilie,[officer]\nIP-01,Participant A');
  const before = hash();
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export CSV' }).click());
  const rows = parseCsv(readFileSync(file.path, 'utf8'), file.name);
  expect(rows.slice(1).map((r) => [r[1], r[3]])).toEqual([
    ['… [officer] was always respectful.', 'Participant A'],
    [QUOTES.ip02Boundaries, 'Participant 5'],
  ]);
  expect(hash()).toBe(before);
});

test('Retrieval → Export these…: exactly the segments shown, as Markdown', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
  await page.getByRole('tab', { name: 'Retrieval' }).click();
  const panel = page.getByRole('tabpanel');
  const select = panel.getByLabel('Code', { exact: true });
  await select.selectOption((await select.locator('option[title="Dynamic security/Rapport"]').getAttribute('value'))!);
  await panel.getByLabel('Coder').selectOption('Bob');
  await expect(panel.getByText('2 segments in 2 documents', { exact: false })).toBeVisible();
  await panel.getByRole('button', { name: 'Export these…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export themed excerpts' });
  await expect(dialog).toContainText('The 2 segments shown in Retrieval: Dynamic security/Rapport');
  await expect(dialog.getByTestId('excerpt-summary')).toHaveText('1 theme, 2 quotes from 2 documents and 2 cases.');
  await dialog.getByLabel('Format', { exact: true }).selectOption('md');
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export Markdown' }).click());
  const md = readFileSync(file.path, 'utf8');
  const quotes = md
    .split('\n')
    .filter((l) => l.startsWith('> ') && !l.startsWith('> — '))
    .map((l) => mdUnescape(l.slice(2)));
  expect(quotes).toEqual([QUOTES.co02Rapport, QUOTES.ip01Rapport]);
  expect(md).toContain('## Rapport');
  // Bob's codings only: the prevalence counts his two participants.
  expect(md).toContain('**Coded for 2 of 5 participants (40%)**');
});
