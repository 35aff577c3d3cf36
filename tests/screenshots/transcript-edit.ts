/**
 * Screenshots of correcting a transcript (docs/screenshots/): the edit step, and the review of a
 * correction that moves codings and orphans two, at 1280×720 and 1920×1080, light and dark.
 * Called by take.ts on the demo project; it cancels, so the project is left unchanged.
 */
import type { Browser } from '@playwright/test';
import { inEachView, snap } from './views.js';

const GONE = 'Consistency, mostly. Being the same guy on Monday as on Friday. ';

export function transcriptEditShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  return inEachView(browser, url, coder, async (page, { width, scheme }) => {
    const saved: string[] = [];
    await page.getByRole('button', { name: /^co-01\.txt/ }).click();
    await page.getByRole('button', { name: 'Edit text' }).click();
    const box = page.getByRole('dialog', { name: 'Edit text' }).getByRole('textbox');
    const text = await box.inputValue();
    await box.fill(text.replace('walking the range', 'walking the unit').replace('Eleven years', 'Twelve years').replace(GONE, ''));
    if (width === 1280 && scheme === 'light') saved.push(await snap(page, out, 'transcript-edit-editing.png'));
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByRole('dialog', { name: 'Review the correction' }).waitFor();
    saved.push(await snap(page, out, `transcript-edit-review-${width}-${scheme}.png`));
    await page.getByRole('button', { name: 'Cancel' }).click();
    return saved;
  });
}
