/**
 * The workspace end to end in Chromium against browser mode, each test on a fresh project file:
 * import, coding by mouse and keyboard (pinned keys, picker, code book, in vivo), overlaps,
 * stripes, resize, remove, coding memos, coders and blind mode, find in document, shortcuts.
 * Every coding is checked in the SQLite file, not just on screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, dropFiles, phraseBox, ROOT, serveFreshProject, storedCodings, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

const CO02 = readFileSync(join(ROOT, 'fixtures/transcripts/co-02.txt'), 'utf8');
const at = (phrase: string) => {
  const start = CO02.indexOf(phrase);
  if (start === -1) throw new Error(`not in co-02: ${phrase}`);
  return { start, end: start + phrase.length };
};
const codingList = (page: Page) => page.getByRole('list', { name: 'Codings' }).getByRole('listitem');
/** The clickable row of a code in the code book (not its sub-codes). */
const codeRow = (page: Page, name: string) => page.locator('.cb-row', { has: page.locator('.cb-name', { hasText: new RegExp(`^${name}$`) }) }).first();
const storedCount = (n: number) => expect.poll(() => storedCodings(served.project).length).toBe(n);

async function openAsAlice(page: Page, doc: string) {
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: new RegExp(`^${doc.replace('.', '\\.')}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: doc })).toBeVisible();
}

test('import several files with the picker and one by dropping it; a bad file is named and nothing else is lost', async ({ page }) => {
  served = await serveFreshProject([]);
  await page.goto(served.url);
  await expect(page.getByText('No documents yet')).toBeVisible();
  await page
    .getByLabel('Files to import')
    .setInputFiles(['formats/co-01.docx', 'formats/ip-01.vtt', 'transcripts/co-02.txt'].map((f) => join(ROOT, 'fixtures', f)));
  const list = page.getByRole('list', { name: 'Transcripts' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 of 3 files' })).toBeVisible();

  const b64 = (f: string) => readFileSync(join(ROOT, 'fixtures', f)).toString('base64');
  await dropFiles(page, 'nav.documents', [
    { name: 'ip-02.txt', base64: b64('transcripts/ip-02.txt') },
    { name: 'broken.pdf', base64: Buffer.from('not a pdf at all').toString('base64') },
  ]);
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('alert')).toContainText('broken.pdf');
  await expect(list).toContainText('ip-02.txt');
});

test('code three spans with the mouse and two with the keyboard; overlaps; each stored at its offsets', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
  await openAsAlice(page, 'co-02.txt');

  // 1. Mouse + pinned key 1 (Rapport).
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await storedCount(1);
  expect(storedCodings(served.project)).toEqual([
    { ...at('the few minutes you spend at their door'), quote: 'the few minutes you spend at their door', code: 'Rapport', coder: 'Alice' },
  ]);

  // 2. Mouse + the code picker (C, type, Enter), overlapping the first coding.
  await dragSelect(page, 'spend at their door are the only real contact');
  await page.keyboard.press('c');
  await page.getByRole('combobox', { name: 'Find a code' }).fill('boundar');
  await expect(page.getByRole('dialog').getByRole('option').first()).toContainText('Boundaries');
  await page.keyboard.press('Enter');
  await storedCount(2);
  // The overlap is drawn flat: one piece carries both codings.
  await expect(page.locator('[data-codings*=" "]').first()).toHaveText('spend at their door');

  // 3. Mouse + clicking a code in the code book; a partial-word selection snaps to whole words.
  await dragSelect(page, 'arefully. Being a woman on a men');
  await codeRow(page, 'Discretion').click();
  await storedCount(3);
  const stored = storedCodings(served.project);
  expect(stored.map((c) => [c.code, c.quote])).toEqual([
    ['Rapport', 'the few minutes you spend at their door'],
    ['Boundaries', 'spend at their door are the only real contact'],
    ['Discretion', "Carefully. Being a woman on a men's"],
  ]);
  expect(stored[2]).toMatchObject(at("Carefully. Being a woman on a men's"));

  // 4–5. Keyboard only: focus the text, move the caret by line and word, extend with Shift+Arrow.
  const textbox = page.getByRole('textbox', { name: 'Transcript text' });
  for (const [key, lines] of [
    ['2', 3],
    ['c', 5],
  ] as const) {
    await textbox.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < lines; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowRight');
    const chosen = (await page.evaluate(() => document.getSelection()!.toString())).trim();
    expect(chosen.split(/\s+/).length).toBeGreaterThanOrEqual(2);
    await page.keyboard.press(key);
    if (key === 'c') {
      await page.keyboard.type('respect');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => storedCodings(served.project).filter((c) => c.quote === chosen).length).toBe(1);
    const row = storedCodings(served.project).find((c) => c.quote === chosen)!;
    expect(CO02.slice(row.start, row.end)).toBe(chosen);
  }
  await expect(codingList(page)).toHaveCount(5);
  expect(
    storedCodings(served.project)
      .map((c) => c.code)
      .sort(),
  ).toEqual(['Boundaries', 'Discretion', 'Rapport', 'Respect', 'Working relationships']);
});

test('stripes: one per coding, hover highlights and click chooses; resize by keys and by dragging a handle; memo; remove; in vivo', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
  await openAsAlice(page, 'co-02.txt');
  await dragSelect(page, 'the few minutes you spend at their door');
  await page.keyboard.press('1');
  await dragSelect(page, 'Cuff ports, escorts');
  await page.keyboard.press('3');
  const stripes = page.getByRole('group', { name: 'Coding stripes' }).getByRole('button');
  await expect(stripes).toHaveCount(2);

  // Click a stripe: that coding is chosen (handles appear) and listed as chosen.
  await stripes.filter({ hasText: 'Rapport' }).click();
  await expect(page.getByRole('button', { name: /^Start of the chosen coding/ })).toBeVisible();

  // Keyboard resize: the end moves one word right, then the start one word left.
  await page.getByRole('button', { name: /^End of the chosen coding/ }).press('ArrowRight');
  await expect.poll(() => storedCodings(served.project).find((c) => c.code === 'Rapport')?.quote).toBe('the few minutes you spend at their door are');
  await page.getByRole('button', { name: /^Start of the chosen coding/ }).press('ArrowLeft');
  await expect.poll(() => storedCodings(served.project).find((c) => c.code === 'Rapport')?.quote).toBe('day, the few minutes you spend at their door are');

  // Drag the end handle back to just after "door".
  const handle = page.getByRole('button', { name: /^End of the chosen coding/ });
  const hb = (await handle.boundingBox())!;
  const target = await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-start]')) {
      const t = el.firstChild as Text | null;
      const i = t?.data.indexOf('their door are') ?? -1;
      if (!t || i === -1) continue;
      const r = document.createRange();
      r.setStart(t, i + 'their door'.length - 1);
      r.setEnd(t, i + 'their door'.length);
      const b = r.getBoundingClientRect();
      return { x: b.right - 1, y: b.top + b.height / 2 };
    }
    throw new Error('no target');
  });
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => storedCodings(served.project).find((c) => c.code === 'Rapport')?.quote).toBe('day, the few minutes you spend at their door');

  // A memo on the chosen coding, saved as you type.
  await page.keyboard.press('m');
  await expect(page.getByRole('textbox', { name: /^Memo on the coding/ })).toBeFocused();
  await page.keyboard.type('Door contact as rapport');
  await expect(page.getByText('Saved', { exact: true }).first()).toBeVisible();

  // Remove with Delete (focus back on the page, not in the memo).
  await page.getByRole('heading', { level: 1 }).click();
  await stripes.filter({ hasText: 'Rapport' }).click();
  await page.keyboard.press('Delete');
  await expect(stripes).toHaveCount(1);
  await expect.poll(() => storedCodings(served.project).map((c) => c.code)).toEqual(['Information flow']);

  // In vivo: a new code named by the words, applied to them.
  await dragSelect(page, 'special handling');
  await page.keyboard.press('v');
  await expect(stripes).toHaveCount(2);
  await expect(page.getByRole('treeitem', { name: /special handling/ })).toBeVisible();
  await expect
    .poll(() =>
      storedCodings(served.project)
        .map((c) => c.code)
        .sort(),
    )
    .toEqual(['Information flow', 'special handling']);
});

test('a drag of the selected words onto a code applies it', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
  await openAsAlice(page, 'co-02.txt');
  await codeRow(page, 'Respect').scrollIntoViewIfNeeded();
  await dragSelect(page, 'Cuff ports, escorts');
  const from = await phraseBox(page, 'Cuff ports, escorts');
  const to = (await codeRow(page, 'Respect').boundingBox())!;
  await page.mouse.move(from.x1 + 20, from.y1);
  await page.mouse.down();
  await page.mouse.move(to.x + 30, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => storedCodings(served.project).map((c) => [c.code, c.quote])).toEqual([['Respect', 'Cuff ports, escorts']]);
});
