/**
 * Screenshots of File → Backups… for docs/screenshots/: at 1280×720 and 1920×1080 in the light and
 * dark themes, with a few backups listed and the integrity check run. Backing up only writes into
 * the backups folder: the served project itself does not change.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

export async function safetyShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  let first = true;
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
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
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const name = `backups-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      await page.close();
    }
  return saved;
}
