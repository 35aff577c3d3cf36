/**
 * Screenshots of the rest of Compare coders for docs/screenshots/: the disagreement review, the
 * report export and the merge panel, at 1280×720 and 1920×1080 in the light and dark themes.
 * Only looks: nothing is started or merged, so the served project is left as it was.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

const PARTS = [
  { tab: 'Disagreements', file: 'compare-review', ready: '[data-testid="disagreement-current"]' },
  { tab: 'Report', file: 'compare-report', ready: '[role="tabpanel"]:not([hidden]) button' },
  { tab: 'Merge a coder’s project', file: 'compare-merge', ready: '[role="tabpanel"]:not([hidden]) button' },
] as const;

export function compareReviewShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    const saved: string[] = [];
    await page.getByRole('button', { name: 'Compare coders' }).click();
    for (const part of PARTS) {
      await page.getByRole('tab', { name: part.tab }).click();
      await page.locator(part.ready).first().waitFor();
      saved.push(await snap(page, out, `${part.file}-${width}-${scheme}.png`));
    }
    return saved;
  });
}
