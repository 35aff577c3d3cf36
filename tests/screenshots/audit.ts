/**
 * Screenshots of File → Audit log… for docs/screenshots/: the whole trail, at 1280×720 and
 * 1920×1080 in the light and dark themes. Only looks: nothing in the served project changes.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

export function auditShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Audit log…' }).click();
    await page.getByRole('dialog', { name: 'Audit log' }).locator('tbody tr').first().waitFor();
    return [await snap(page, out, `audit-${width}-${scheme}.png`)];
  });
}
