/**
 * The code book end to end, each step checked in the project file: create, rename, re-parent by
 * drag and by keyboard, recolour, definition in the details sheet, a code memo, merge, delete with
 * its confirmation; and a project memo typed with formatting is stored as Markdown.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-01.txt']);
});
test.afterEach(() => served.stop());

interface CodeRow {
  id: number;
  name: string;
  parent: string | null;
  color: string;
  definition: string;
  position: number;
}

function read<T>(project: string, fn: (db: Database.Database) => T): T {
  const db = new Database(project, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const codeNamed = (project: string, name: string) =>
  read(
    project,
    (db) =>
      db
        .prepare(
          'SELECT c.id, c.name, p.name AS parent, c.color, c.definition, c.position FROM codes c LEFT JOIN codes p ON p.id = c.parent_id WHERE c.name = ?',
        )
        .get(name) as CodeRow | undefined,
  );
const childrenOf = (project: string, parent: string | null) =>
  read(project, (db) =>
    (
      db
        .prepare(
          `SELECT c.name FROM codes c LEFT JOIN codes p ON p.id = c.parent_id WHERE ${parent === null ? 'c.parent_id IS NULL' : 'p.name = ?'} ORDER BY c.position`,
        )
        .all(...(parent === null ? [] : [parent])) as { name: string }[]
    ).map((r) => r.name),
  );
const memoOf = (project: string, kind: string, targetId = 0) =>
  read(
    project,
    (db) =>
      (db.prepare('SELECT body FROM memos WHERE target_kind = ? AND (? = 0 OR target_id = ?)').get(kind, targetId, targetId) as { body: string } | undefined)
        ?.body,
  );

const tree = (page: Page) => page.getByRole('tree', { name: 'Code book' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
const row = item;

test('create, rename, re-parent by drag and by keyboard, recolour, define, merge and delete a code', async ({ page }) => {
  await page.goto(served.url);
  await expect(item(page, 'Rapport')).toBeVisible();
  const p = served.project;

  // Create: the new code opens for renaming at once.
  await page.getByRole('button', { name: 'New code' }).click();
  const name = page.getByRole('textbox', { name: 'New name for New code' });
  await expect(name).toBeFocused();
  await name.fill('Officer humour');
  await name.press('Enter');
  await expect(item(page, 'Officer humour')).toBeFocused();
  expect(codeNamed(p, 'Officer humour')).toMatchObject({ parent: null });

  // Rename with F2.
  await item(page, 'Officer humour').press('F2');
  await page.getByRole('textbox', { name: 'New name for Officer humour' }).fill('Humour');
  await page.getByRole('textbox', { name: 'New name for Officer humour' }).press('Enter');
  await expect(item(page, 'Humour')).toBeVisible();
  await expect.poll(() => codeNamed(p, 'Humour')?.parent).toBeNull();
  expect(codeNamed(p, 'Officer humour')).toBeUndefined();

  // Close the big default branch (Left on an open row), so Humour sits just below it, and drag
  // Humour onto the middle of it: Humour becomes its last sub-code and the branch opens again.
  await item(page, 'Dynamic security').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'Dynamic security')).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Rapport')).toHaveCount(0);
  await row(page, 'Humour').dragTo(row(page, 'Dynamic security'));
  await expect(item(page, 'Humour')).toHaveAttribute('aria-level', '2');
  await expect(item(page, 'Dynamic security')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => codeNamed(p, 'Humour')?.parent).toBe('Dynamic security');
  expect(childrenOf(p, 'Dynamic security').at(-1)).toBe('Humour');

  // Keyboard: Alt+Up moves it up one among its siblings; Alt+Left outdents it to just after its parent; Alt+Right indents it back.
  const before = childrenOf(p, 'Dynamic security');
  await expect(item(page, 'Humour')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => childrenOf(p, 'Dynamic security')).toEqual([...before.slice(0, -2), 'Humour', before.at(-2)]);
  await expect(item(page, 'Humour')).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => childrenOf(p, null)).toEqual(['Dynamic security', 'Humour']);
  await expect(item(page, 'Humour')).toHaveAttribute('aria-level', '1');
  await expect(item(page, 'Humour')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => codeNamed(p, 'Humour')?.parent).toBe('Dynamic security');
  await expect(item(page, 'Humour')).toHaveAttribute('aria-level', '2');

  // Space opens the details sheet: recolour, definition (saved on leaving the field), memo.
  await item(page, 'Humour').press('Space');
  const sheet = page.getByRole('region', { name: 'Code details: Dynamic security/Humour' });
  await expect(sheet).toBeVisible();
  await sheet.getByLabel('Colour').fill('#c0392b');
  await expect.poll(() => codeNamed(p, 'Humour')?.color).toBe('#c0392b');
  await sheet.getByLabel('Definition').fill('Joking between staff and prisoners that eases tension.');
  await sheet.getByLabel('Definition').press('Tab');
  await expect.poll(() => codeNamed(p, 'Humour')?.definition).toBe('Joking between staff and prisoners that eases tension.');
  const memo = sheet.getByRole('textbox', { name: 'Memo on code Humour' });
  await memo.click();
  await page.keyboard.type('Often **with** new officers');
  await expect(sheet.getByRole('status')).toHaveText('Saved');
  const humourId = codeNamed(p, 'Humour')!.id;
  expect(memoOf(p, 'code', humourId)).toBe('Often **with** new officers');

  // Merge into Respect: Humour goes, its memo joins Respect's.
  await item(page, 'Humour').focus();
  await page.getByRole('button', { name: 'Merge…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Dynamic security/Humour” into another code' });
  await merge.getByLabel('Merge into').selectOption('Dynamic security/Respect');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();
  await expect(item(page, 'Humour')).toHaveCount(0);
  await expect.poll(() => codeNamed(p, 'Humour')).toBeUndefined();
  expect(memoOf(p, 'code', codeNamed(p, 'Respect')!.id)).toContain('Often **with** new officers');

  // Delete Respect: the confirmation counts its sub-codes; Cancel keeps it, Delete removes it.
  const subcodes = childrenOf(p, 'Respect').length;
  expect(subcodes).toBeGreaterThan(0);
  await item(page, 'Respect').press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete code “Dynamic security/Respect”?' });
  await expect(confirm).toContainText(`This deletes ${subcodes} sub-codes and removes 0 codings`);
  const axe = await new AxeBuilder({ page }).include('.cb-panel').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`),
  ).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(item(page, 'Respect')).toBeFocused();
  expect(codeNamed(p, 'Respect')).toBeDefined();
  await item(page, 'Respect').press('Delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(item(page, 'Respect')).toHaveCount(0);
  await expect.poll(() => codeNamed(p, 'Respect')).toBeUndefined();
});

test('a project memo typed with a heading, bold and a list is stored as Markdown', async ({ page }) => {
  await page.goto(served.url);
  await page.getByRole('tab', { name: 'Memos' }).click();
  const editor = page.getByRole('textbox', { name: 'Project memo' });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  await page.keyboard.type('# Findings');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Officers earn ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('respect');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' slowly.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- names');
  await page.keyboard.press('Enter');
  await page.keyboard.type('routines');
  await expect(editor.locator('h1')).toHaveText('Findings');
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText('Saved');
  expect(memoOf(served.project, 'project')).toBe('# Findings\n\nOfficers earn **respect** slowly.\n\n- names\n- routines');
});
