/**
 * Screenshots of correcting a transcript (docs/screenshots/): the edit step, and the review of a
 * correction that moves codings and orphans two, at 1280×720 and 1920×1080, light and dark.
 * Called by take.ts on the demo project; it cancels, so the project is left unchanged.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';

const GONE = 'Consistency, mostly. Being the same guy on Monday as on Friday. ';

export async function transcriptEditShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
      await page.getByRole('button', { name: /^co-01\.txt/ }).click();
      await page.getByRole('button', { name: 'Edit text' }).click();
      const box = page.getByRole('dialog', { name: 'Edit text' }).getByRole('textbox');
      const text = await box.inputValue();
      await box.fill(text.replace('walking the range', 'walking the unit').replace('Eleven years', 'Twelve years').replace(GONE, ''));
      if (width === 1280 && scheme === 'light') {
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(out, 'transcript-edit-editing.png') });
        saved.push('transcript-edit-editing.png');
      }
      await page.getByRole('button', { name: 'Review changes' }).click();
      await page.getByRole('dialog', { name: 'Review the correction' }).waitFor();
      await page.waitForTimeout(300);
      const name = `transcript-edit-review-${width}-${scheme}.png`;
      await page.screenshot({ path: join(out, name) });
      saved.push(name);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.close();
    }
  return saved;
}
