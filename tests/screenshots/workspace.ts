/**
 * Screenshots of the coding workspace for docs/screenshots/: the demo interview with every coder
 * shown (stripes with coder initials) and a coding chosen, at 1280×720 and 1920×1080 in the light
 * and dark themes. Only looks: nothing in the served project changes.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

export function workspaceShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    await page.getByRole('button', { name: /^co-01\.txt/ }).click();
    await page.getByLabel('Show codings of').selectOption('all');
    await page.locator('.stripe').nth(2).click();
    return [await snap(page, out, `workspace-${width}-${scheme}.png`)];
  });
}
