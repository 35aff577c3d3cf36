import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { dragSelect, ROOT, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-03-norway.txt', 'transcripts/ip-01.txt']);
});
test.afterEach(() => served.stop());

const codingsIn = (project: string) => {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare('SELECT g.start, g."end", g.quote, c.name AS code FROM codings g JOIN codes c ON c.id = g.code_id ORDER BY g.start').all() as {
      start: number;
      end: number;
      quote: string;
      code: string;
    }[];
  } finally {
    db.close();
  }
};

test('select text with the mouse, press 1, and the coding is highlighted and stored at UTF-16 offsets', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { name: 'co-03-norway.txt' })).toBeVisible();
  await page.getByLabel('Active coder').selectOption('Alice');
  const text = readFileSync(join(ROOT, 'fixtures/transcripts/co-03-norway.txt'), 'utf8');
  // A phrase after the emoji, so its offsets are only right if 👍 counts 2 UTF-16 units.
  const emojiAt = text.search(/\p{Extended_Pictographic}/u);
  const phrase = text.slice(emojiAt + 2).match(/[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+/)![0];
  await dragSelect(page, phrase);
  await page.keyboard.press('1');
  await expect(page.getByRole('list', { name: 'Codings' }).getByRole('listitem')).toHaveCount(1);
  const start = text.indexOf(phrase, emojiAt);
  await expect.poll(() => codingsIn(served.project)).toEqual([{ start, end: start + phrase.length, quote: phrase, code: 'Rapport' }]);
  await expect(page.locator('[data-codings]').first()).toHaveText(phrase);

  // Ctrl+Z undoes the coding (in the file too); Shift+Ctrl+Z brings it back with the same offsets.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('list', { name: 'Codings' }).getByRole('listitem')).toHaveCount(0);
  await expect.poll(() => codingsIn(served.project)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('list', { name: 'Codings' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => codingsIn(served.project)).toEqual([{ start, end: start + phrase.length, quote: phrase, code: 'Rapport' }]);

  // Remove it again from the list.
  await page.getByRole('button', { name: /^Remove coding/ }).click();
  await expect(page.getByRole('list', { name: 'Codings' }).getByRole('listitem')).toHaveCount(0);
  await expect.poll(() => codingsIn(served.project)).toEqual([]);
});

test('an API error is shown as a readable message, not a blank screen', async ({ page }) => {
  await page.goto(served.url.replace(/token=[0-9a-f]+/, 'token=wrong'));
  await expect(page.getByRole('alert')).toContainText('missing or wrong token');
});
