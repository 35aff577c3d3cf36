/**
 * Screenshots of the agreement dashboard (Compare coders → Agreement) for docs/screenshots/:
 * the whole screen at 1280×720 and 1920×1080 in the light and dark themes, and both charts.
 * Called by take.ts; needs a served project with two coders who coded the same documents.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

export function compareDashboardShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    const saved: string[] = [];
    await page.getByRole('button', { name: 'Compare coders' }).click();
    await page.locator('.agreement-dashboard[data-ready="true"]').waitFor();
    await page
      .getByRole('button', { name: /^Rapport: show per document$/ })
      .first()
      .click();
    saved.push(await snap(page, out, `compare-dashboard-${width}-${scheme}.png`));
    if (width === 1920) {
      await page.getByLabel('95% intervals').check();
      await page.locator('.agreement-dashboard[data-ready="true"]').waitFor();
      await page.waitForTimeout(300);
      const charts = `compare-dashboard-charts-${scheme}.png`;
      await page.locator('.agreement-charts').screenshot({ path: join(out, charts) });
      saved.push(charts);
    }
    return saved;
  });
}
