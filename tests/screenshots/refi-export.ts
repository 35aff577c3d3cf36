/**
 * Screenshots of File → Export REFI-QDA project (.qdpx)… for docs/screenshots/: at 1280×720 and
 * 1920×1080 in the light and dark themes, after an export (the summary line shown). Exporting
 * only reads the project.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

export function refiExportShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Export REFI-QDA project (.qdpx)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export REFI-QDA' });
    await dialog.getByRole('definition').first().waitFor();
    await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export .qdpx' }).click()]);
    await dialog.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    return [await snap(page, out, `refi-export-${width}-${scheme}.png`)];
  });
}
