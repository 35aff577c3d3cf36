/**
 * Adjusting a disagreement's span in the review with the same handles as the transcript: drag the
 * end handle along the passage (it snaps to words), move the start handle by key, save, and the
 * consensus decision in the project file holds exactly the span shown.
 */
import { expect, test } from '@playwright/test';
import { serveTwoCoderProject } from './compare-fixture.js';
import { queryProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveTwoCoderProject();
});
test.afterEach(() => served.stop());

test('drag the end handle and key the start handle of an adjusted span, then save it', async ({ page }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'I am Alice' }).click();
  await page.getByRole('button', { name: 'Compare coders' }).click();
  await page.getByRole('tab', { name: 'Disagreements' }).click();
  const review = page.getByTestId('disagreement-review');
  await review.getByRole('button', { name: 'Start consensus…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start consensus' }).click();
  const current = page.getByTestId('disagreement-current');
  await expect(current.getByRole('button', { name: /Accept A/ })).toBeEnabled();
  const id = (await current.getAttribute('data-id'))!;
  await page.keyboard.press('s');

  const endHandle = current.getByRole('button', { name: /^End of the adjusted span/ });
  const startHandle = current.getByRole('button', { name: /^Start of the adjusted span/ });
  await expect(endHandle).toBeVisible();
  const shown = current.locator('#rv-spans-text dd').last();
  const before = (await shown.innerText()).trim();

  // Drag the end onto the last words of the context after the passage.
  const from = (await endHandle.boundingBox())!;
  const tail = current.locator('.rv-passage [data-start]').last();
  const to = (await tail.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width * 0.6, to.y + to.height - 6, { steps: 8 });
  await page.mouse.up();
  await expect(shown).not.toHaveText(before);
  const dragged = (await shown.innerText()).trim();
  // Far past the first word it met: the drag follows the pointer to the last line.
  expect(dragged.length).toBeGreaterThan(before.length + 30);

  // The start one word earlier, by key on its handle.
  await startHandle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(shown).not.toHaveText(dragged);
  const final = (await shown.innerText()).trim().replace(/^“|”$/g, '');

  await current.getByRole('button', { name: /^Save span/ }).click();
  await expect
    .poll(() => queryProject<{ decision: string }>(served.project, 'SELECT decision FROM consensus_decisions WHERE item_id = ?', id)[0]?.decision)
    .toBe('custom');
  const [row] = queryProject<{ custom_start: number; custom_end: number; text: string }>(
    served.project,
    `SELECT c.custom_start, c.custom_end, t.text FROM consensus_decisions c JOIN document_texts t ON t.document_id = c.document_id WHERE c.item_id = ?`,
    id,
  );
  const saved = row!.text.slice(row!.custom_start, row!.custom_end);
  expect(saved).toBe(final);
  // Snapped to words: the span neither starts nor ends inside a word.
  expect(/\w/.test(row!.text[row!.custom_start - 1] ?? ' ') && /\w/.test(saved[0]!)).toBe(false);
  expect(/\w/.test(row!.text[row!.custom_end] ?? ' ') && /\w/.test(saved.at(-1)!)).toBe(false);
});
