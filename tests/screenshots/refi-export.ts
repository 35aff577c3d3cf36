/**
 * Screenshots of File → Export REFI-QDA project (.qdpx)… for docs/screenshots/: at 1280×720 and
 * 1920×1080 in the light and dark themes, after an export (the summary line shown). Exporting
 * only reads the project.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

export async function refiExportShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, acceptDownloads: true });
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
      await page.getByRole('button', { name: 'File' }).click();
      await page.getByRole('menuitem', { name: 'Export REFI-QDA project (.qdpx)…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export REFI-QDA' });
      await dialog.getByRole('definition').first().waitFor();
      await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export .qdpx' }).click()]);
      await dialog.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const name = `refi-export-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      await page.close();
    }
  return saved;
}
