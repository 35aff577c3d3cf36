/**
 * Screenshots of File → Backups… for docs/screenshots/: at 1280×720 and 1920×1080 in the light and
 * dark themes, with a few backups listed and the integrity check run. Backing up only writes into
 * the backups folder: the served project itself does not change.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

export function safetyShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  let first = true;
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Backups…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    if (first) {
      // Two backups to show (the demo project is new, so it has none of its own yet).
      for (const n of [1, 2]) {
        await dialog.getByRole('button', { name: 'Back up now' }).click();
        await dialog
          .locator('tbody tr[data-backup]')
          .nth(n - 1)
          .waitFor();
      }
      first = false;
    }
    await dialog.locator('tbody tr[data-backup]').first().waitFor();
    await dialog.getByRole('button', { name: 'Check integrity' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Integrity check' }).waitFor();
    return [await snap(page, out, `backups-${width}-${scheme}.png`)];
  });
}
