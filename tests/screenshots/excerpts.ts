/**
 * Screenshots of the themed excerpt export for docs/screenshots/: the export dialog at 1280×720
 * and 1920×1080 in the light and dark themes, and the first page of a Research snippet — the
 * HTML export the dialog downloads, rendered in Chromium at A4 width (the README shows it).
 * Called by take.ts on the demo project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { inEachView, snap } from './views.js';

/** Opens File → Export themed excerpts… on a page already showing the workspace. */
async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Export themed excerpts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export themed excerpts' });
  await dialog
    .getByTestId('excerpt-summary')
    .filter({ hasText: / from \d+ documents?/ })
    .waitFor();
  return dialog;
}

export async function excerptShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved = await inEachView(browser, url, coder, async (page, { width, scheme }) => {
    const dialog = await openDialog(page);
    await dialog.getByLabel('Replace names in this export').check();
    await dialog.getByRole('textbox').fill('CO-01,Officer A');
    await dialog
      .getByTestId('excerpt-summary')
      .filter({ hasText: / from \d+ documents?/ })
      .waitFor();
    return [await snap(page, out, `excerpt-dialog-${width}-${scheme}.png`)];
  });

  // The first page of a snippet export, as the file reads when opened.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
  await page.goto(url);
  const dialog = await openDialog(page);
  await dialog.getByLabel('Format', { exact: true }).selectOption('html');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Export/ }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  const sheet = await browser.newPage({ viewport: { width: 794, height: 1123 }, colorScheme: 'light' });
  await sheet.setContent(html);
  const name = 'excerpts-snippet-page1.png';
  await sheet.screenshot({ path: join(out, name) });
  saved.push(name);
  await sheet.close();
  await page.close();
  return saved;
}
