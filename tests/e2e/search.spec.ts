/**
 * Corpus search end to end: a phrase from a fixture transcript, results grouped by document
 * with the match marked, and a hit opening its document with every match there highlighted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, serveFreshProject, type Served } from './workspace.js';

const FILES = ['co-01.txt', 'co-03-norway.txt', 'ip-01.txt'];
const textOf = (f: string) => readFileSync(join(ROOT, 'fixtures/transcripts', f), 'utf8');

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(FILES.map((f) => `transcripts/${f}`));
});
test.afterEach(() => served.stop());

async function search(page: Page, query: string) {
  const panel = page.getByRole('tabpanel');
  if (!(await panel.getByRole('search').isVisible())) await page.getByRole('tab', { name: 'Search' }).click();
  await panel.getByLabel('Search all transcripts').fill(query);
  await panel.getByLabel('Search all transcripts').press('Enter');
  return panel;
}

/** Texts of the ranges painted as search marks in the open transcript. */
const markedTexts = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-marks');
    return h ? [...h].map((r) => r.toString()) : [];
  });

test('a quoted phrase is found, listed under its document, and opens with every match marked', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
  const phrase = 'grown man';
  const occurrences = textOf('ip-01.txt').split(phrase).length - 1;
  expect(occurrences).toBe(2);
  for (const f of FILES.filter((f) => f !== 'ip-01.txt')) expect(textOf(f)).not.toContain(phrase);

  const panel = await search(page, `"${phrase}"`);
  await expect(panel.getByRole('status')).toHaveText(`${occurrences} matches in 1 document`);
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([`ip-01.txt · ${occurrences} matches`]);
  const hits = panel.getByRole('list', { name: 'Matches in ip-01.txt' }).getByRole('button');
  await expect(hits).toHaveCount(occurrences);
  await expect(hits.locator('mark')).toHaveText([phrase, phrase]);

  // The panel with its results, in the light and the dark theme: no serious or critical accessibility problems (axe-core).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
  }

  await hits.nth(1).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ip-01.txt' })).toBeVisible();
  await expect.poll(() => markedTexts(page)).toEqual([phrase, phrase]);
});

test('a word in several transcripts is grouped by document; accents are ignored; nothing found says so', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();

  const panel = await search(page, 'respect');
  const withWord = FILES.filter((f) => /\brespect\b/i.test(textOf(f)));
  expect(withWord.length).toBeGreaterThan(1);
  await expect(panel.getByRole('heading', { level: 3 })).toHaveCount(withWord.length);
  for (const f of withWord) {
    const list = panel.getByRole('list', { name: `Matches in ${f}` });
    await expect(list.getByRole('button').first().locator('mark')).toHaveText(/^respect$/i);
  }

  // Accents are folded on the server: "securite" finds "sécurité" in the French passage, marked as written.
  expect(textOf('co-03-norway.txt')).toContain('sécurité');
  await search(page, 'securite');
  await expect(panel.getByRole('status')).toHaveText('1 match in 1 document');
  await expect(panel.getByRole('list', { name: 'Matches in co-03-norway.txt' }).locator('mark')).toHaveText('sécurité');

  await search(page, 'zebra');
  await expect(panel.getByRole('status')).toHaveText('Nothing found for “zebra”.');
  await expect(panel.getByRole('list')).toHaveCount(0);
});
