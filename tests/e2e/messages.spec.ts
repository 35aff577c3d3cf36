/**
 * Issue 12, point 10: an error banner and the status line take rows of their own, so they never
 * cover the toolbar or the text being read; a status clears at the next action; an error stays
 * until it is dismissed.
 */
import { expect, test, type Locator } from '@playwright/test';
import { dragSelect, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

const box = async (l: Locator) => (await l.boundingBox())!;
const overlaps = (a: { y: number; height: number }, b: { y: number; height: number }) => a.y < b.y + b.height && b.y < a.y + a.height;

test('errors and status messages never cover the toolbar or the transcript; a status clears on the next action', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: /^co-02\.txt/ }).click();
  const toolbar = page.locator('header.toolbar');
  const transcript = page.getByTestId('transcript');

  // An error: the code picker (Ctrl+K) with nothing selected.
  await page.getByTestId('transcript').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+k');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Select some text');
  expect(overlaps(await box(alert), await box(toolbar))).toBe(false);
  expect(overlaps(await box(alert), await box(transcript))).toBe(false);
  // It stays through other actions until dismissed.
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss the message' }).click();
  await expect(alert).toBeHidden();

  // A status: after undo; it sits below the panels and goes at the next key press.
  await page.keyboard.press('Control+z');
  const status = page.getByRole('status');
  await expect(status).toContainText('Undid');
  expect(overlaps(await box(status), await box(transcript))).toBe(false);
  expect(overlaps(await box(status), await box(page.getByRole('complementary', { name: 'Codings, retrieval, search and memos' })))).toBe(false);
  await page.keyboard.press('Shift');
  await expect(status).toHaveText('');
});
