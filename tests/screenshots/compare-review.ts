/**
 * Screenshots of the rest of Compare coders for docs/screenshots/: the disagreement review, the
 * report export and the merge panel, at 1280×720 and 1920×1080 in the light and dark themes.
 * Only looks: nothing is started or merged, so the served project is left as it was.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

const PARTS = [
  { tab: 'Disagreements', file: 'compare-review', ready: '[data-testid="disagreement-current"]' },
  { tab: 'Report', file: 'compare-report', ready: '[role="tabpanel"]:not([hidden]) button' },
  { tab: 'Merge a coder’s project', file: 'compare-merge', ready: '[role="tabpanel"]:not([hidden]) button' },
] as const;

export async function compareReviewShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
      await page.getByRole('button', { name: 'Compare coders' }).click();
      for (const part of PARTS) {
        await page.getByRole('tab', { name: part.tab }).click();
        await page.locator(part.ready).first().waitFor();
        await page.mouse.move(0, 0);
        await page.waitForTimeout(300);
        const name = `${part.file}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(out, name) });
        saved.push(name);
      }
      await page.close();
    }
  return saved;
}
