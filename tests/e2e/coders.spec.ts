/**
 * Coders in the workspace: the active coder is chosen and remembered; the view shows mine, one
 * other coder's, or all; blind coding hides the others until a coder reveals them (recorded).
 */
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, queryProject, serveFreshProject, storedCodings, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
});
test.afterEach(() => served.stop());

const stripes = (page: Page) => page.getByRole('group', { name: 'Coding stripes' }).getByRole('button');
const show = (page: Page) => page.getByLabel('Show codings of');
/** The active coder as shown (the menu's values are GUIDs). */
const activeCoder = (page: Page) => page.getByLabel('Active coder').locator('option:checked');
const coderGuid = (project: string, name: string) => queryProject<{ guid: string }>(project, `SELECT guid FROM coders WHERE name = '${name}'`)[0]?.guid;

test('switch coder, show mine / another coder’s / all, then blind coding and reveal', async ({ page }) => {
  await page.goto(served.url);
  // First start on this computer: the workspace asks who is coding.
  const prompt = page.getByRole('form', { name: 'Who is coding?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'I am Alice' }).click();
  await expect(prompt).toBeHidden();
  await expect(activeCoder(page)).toHaveText('Alice');
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await expect.poll(() => storedCodings(served.project).length).toBe(1);

  // A second coder, added from the switcher; the choice survives a reload.
  await page.getByLabel('Active coder').selectOption({ label: 'New coder…' });
  await page.getByLabel("New coder's name").fill('Bob');
  await page.getByLabel("New coder's name").press('Enter');
  await expect(activeCoder(page)).toHaveText('Bob');
  await expect(stripes(page)).toHaveCount(0); // Bob sees his own codings: none yet
  await dragSelect(page, 'Cuff ports, escorts');
  await page.keyboard.press('1');
  await expect
    .poll(() =>
      storedCodings(served.project)
        .map((c) => `${c.coder}:${c.quote}`)
        .sort(),
    )
    .toEqual(['Alice:the few minutes you spend at their door', 'Bob:Cuff ports, escorts']);
  // Remembered on this computer by the coder's GUID, not the name.
  expect(await page.evaluate(() => localStorage.getItem('marginalia.activeCoder'))).toBe(coderGuid(served.project, 'Bob'));
  await page.reload();
  await expect(activeCoder(page)).toHaveText('Bob');
  await expect(stripes(page)).toHaveCount(1);

  await show(page).selectOption({ label: "Alice's" });
  await expect(stripes(page)).toHaveCount(1);
  await expect(stripes(page).first()).toHaveAccessibleName(/by Alice/);
  await show(page).selectOption('all');
  await expect(stripes(page)).toHaveCount(2);

  // Blind coding: back to "Mine", and no way to pick another coder's codings.
  await page.getByLabel('Blind coding').click();
  await expect(page.getByLabel('Blind coding')).toBeChecked();
  await expect(show(page)).toHaveValue('mine');
  await expect(show(page).locator('option')).toHaveText(['Mine']);
  await expect(stripes(page)).toHaveCount(1);
  expect(queryProject<{ value: string }>(served.project, "SELECT value FROM project_meta WHERE key = 'blind_coding'")[0]?.value).toBe('true');
  await page.getByLabel('Active coder').selectOption('Alice');
  await expect(stripes(page)).toHaveCount(1);
  await expect(stripes(page).first()).toHaveAccessibleName(/by Alice/);

  // Alice reveals (a recorded, final choice): the others' codings can be shown again.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: "Reveal others' codings" }).click();
  await expect(show(page).locator('option')).toHaveText(['Mine', "Bob's", 'All coders']);
  await show(page).selectOption('all');
  await expect(stripes(page)).toHaveCount(2);
  expect(queryProject(served.project, "SELECT key FROM project_meta WHERE key LIKE 'revealed:%'")).toHaveLength(1);
});
