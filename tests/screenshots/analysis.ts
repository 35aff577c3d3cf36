/**
 * Screenshots of the Analysis view for docs/screenshots/: prevalence at 1280×720 and 1920×1080,
 * co-occurrence and the cross-tab at 1920×1080, light and dark, each with the passages behind
 * one bar or cell open. Called by take.ts on the served demo project.
 */
import type { Browser, Page } from '@playwright/test';
import { inEachView, snap } from './views.js';

async function report(page: Page, tab: string): Promise<void> {
  const view = page.locator('section.analysis');
  await view.getByRole('button', { name: tab, exact: true }).click();
  await page.locator('section.analysis[data-ready="true"]').waitFor();
}

/** Opens the passages behind the first number that has some. */
async function firstPassages(page: Page): Promise<void> {
  await page.locator('section.analysis .cell-button').first().click();
  await page.getByTestId('analysis-passages').locator('li').first().waitFor();
}

export function analysisShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    const saved: string[] = [];
    await page.getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.locator('section.analysis[data-ready="true"]').waitFor();
    await firstPassages(page);
    saved.push(await snap(page, out, `analysis-prevalence-${width}-${scheme}.png`));
    if (width === 1920) {
      await report(page, 'Co-occurrence');
      await page.getByLabel('Co-occur when').selectOption('turn');
      await page.locator('section.analysis[data-ready="true"]').waitFor();
      await firstPassages(page);
      saved.push(await snap(page, out, `analysis-cooccurrence-${scheme}.png`));
      await report(page, 'Cross-tab');
      await firstPassages(page);
      saved.push(await snap(page, out, `analysis-crosstab-${scheme}.png`));
    }
    return saved;
  });
}
