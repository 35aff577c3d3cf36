/**
 * Screenshots of the Analysis view for docs/screenshots/: prevalence at 1280×720 and 1920×1080,
 * co-occurrence and the cross-tab at 1920×1080, light and dark, each with the passages behind
 * one bar or cell open. Called by take.ts on the served demo project.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

async function open(page: Page, url: string, coder: string): Promise<void> {
  await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
  await page.goto(url);
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.locator('section.analysis[data-ready="true"]').waitFor();
}

async function report(page: Page, tab: string): Promise<void> {
  const view = page.locator('section.analysis');
  await view.getByRole('button', { name: tab, exact: true }).click();
  await page.locator('section.analysis[data-ready="true"]').waitFor();
}

/** Opens the passages behind the first number that has some. */
async function firstPassages(page: Page): Promise<void> {
  await page.locator('section.analysis .cell-button').first().click();
  await page.getByTestId('analysis-passages').locator('li').first().waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

export async function analysisShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  const save = async (page: Page, name: string) => {
    await page.screenshot({ path: join(out, name) });
    saved.push(name);
  };
  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await open(page, url, coder);
      await firstPassages(page);
      await save(page, `analysis-prevalence-${width}-${scheme}.png`);
      if (width === 1920) {
        await report(page, 'Co-occurrence');
        await page.getByLabel('Co-occur when').selectOption('turn');
        await page.locator('section.analysis[data-ready="true"]').waitFor();
        await firstPassages(page);
        await save(page, `analysis-cooccurrence-${scheme}.png`);
        await report(page, 'Cross-tab');
        await firstPassages(page);
        await save(page, `analysis-crosstab-${scheme}.png`);
      }
      await page.close();
    }
  }
  return saved;
}
