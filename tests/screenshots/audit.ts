/**
 * Screenshots of File → Audit log… for docs/screenshots/: the whole trail, at 1280×720 and
 * 1920×1080 in the light and dark themes. Only looks: nothing in the served project changes.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

export async function auditShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
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
      await page.getByRole('menuitem', { name: 'Audit log…' }).click();
      await page.getByRole('dialog', { name: 'Audit log' }).locator('tbody tr').first().waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      const name = `audit-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      await page.close();
    }
  return saved;
}
