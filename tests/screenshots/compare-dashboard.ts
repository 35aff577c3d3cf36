/**
 * Screenshots of the agreement dashboard (Compare coders → Agreement) for docs/screenshots/:
 * the whole screen at 1280×720 and 1920×1080 in the light and dark themes, and both charts.
 * Called by take.ts; needs a served project with two coders who coded the same documents.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

export async function compareDashboardShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
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
      await page.locator('.agreement-dashboard[data-ready="true"]').waitFor();
      await page
        .getByRole('button', { name: /^Rapport: show per document$/ })
        .first()
        .click();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const name = `compare-dashboard-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      if (width === 1920) {
        await page.getByLabel('95% intervals').check();
        await page.locator('.agreement-dashboard[data-ready="true"]').waitFor();
        await page.waitForTimeout(300);
        const charts = `compare-dashboard-charts-${scheme}.png`;
        await page.locator('.agreement-charts').screenshot({ path: join(out, charts) });
        saved.push(charts);
      }
      await page.close();
    }
  return saved;
}
