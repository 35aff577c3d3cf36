/**
 * Screenshots of File → Import REFI-QDA project (.qdpx)… for docs/screenshots/: the import report
 * of the ATLAS.ti-style fixture at 1280×720 and 1920×1080, light and dark. Each import writes a
 * new project file beside the served one (in the screenshot run's temporary folder).
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'refi', 'atlas-style.qdpx');

export async function refiImportShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
      await page.getByRole('button', { name: 'File' }).click();
      await page.getByRole('menuitem', { name: 'Import REFI-QDA project (.qdpx)…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
      await dialog.getByLabel('Project file').setInputFiles(FIXTURE);
      await dialog.getByRole('button', { name: 'Import into a new project' }).click();
      await page.getByRole('dialog', { name: 'REFI-QDA import report' }).waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const name = `refi-import-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      await page.close();
    }
  return saved;
}
