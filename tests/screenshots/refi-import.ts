/**
 * Screenshots of File → Import REFI-QDA project (.qdpx)… for docs/screenshots/: the import report
 * of the ATLAS.ti-style fixture at 1280×720 and 1920×1080, light and dark. Each import writes a
 * new project file beside the served one (in the screenshot run's temporary folder).
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'refi', 'atlas-style.qdpx');

export function refiImportShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Import REFI-QDA project (.qdpx)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
    await dialog.getByLabel('Project file').setInputFiles(FIXTURE);
    await dialog.getByRole('button', { name: 'Import into a new project' }).click();
    await page.getByRole('dialog', { name: 'REFI-QDA import report' }).waitFor();
    return [await snap(page, out, `refi-import-${width}-${scheme}.png`)];
  });
}
