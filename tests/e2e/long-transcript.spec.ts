/**
 * A transcript longer than one chunk of lines (renderer/transcript/chunk-node.ts): every line is in
 * the page with its number, and a selection key pressed while the reader is far down (no caret
 * yet) starts at the first words on screen, not at the top of the document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, serveFreshProject, type Served } from './workspace.js';

let served: Served;
const dir = mkdtempSync(join(tmpdir(), 'marginalia-long-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.afterEach(() => served?.stop());

const LINES = 300;
const text = Array.from({ length: LINES }, (_, i) =>
  i % 2 ? '' : `CO Berg: This is line ${i + 1}, about rapport and keeping boundaries on the unit, said in many words so that it wraps.`,
).join('\n');

test('every line of a long transcript is in the page, and a key with no caret starts where the reader is', async ({ page }) => {
  const file = join(dir, 'long.txt');
  writeFileSync(file, text);
  served = await serveFreshProject([], (project) => {
    const r = spawnSync(process.execPath, ['electron/cli/bin.cjs', 'import', project, file], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  await page.goto(served.url);
  await page.locator('.doc-item .doc-name', { hasText: 'long.txt' }).click();
  const lines = page.locator('[data-testid="transcript"] .line[data-line]');
  await expect(lines).toHaveCount(LINES);
  expect(await page.locator('[data-testid="transcript"] .chunk').count()).toBe(Math.ceil(LINES / 40));
  // Numbers come from each line, whatever chunk it is in.
  await expect(lines.nth(222)).toHaveAttribute('data-n', '223');

  // Far down, with nothing selected: Shift+Right selects the first word on screen.
  await lines.nth(240).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.locator('.transcript-text').focus();
  await page.keyboard.press('Shift+ArrowRight');
  const where = await page.evaluate(() => {
    const sel = document.getSelection()!;
    const line = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode?.parentElement)?.closest<HTMLElement>('[data-line]');
    const box = line?.getBoundingClientRect();
    const view = document.querySelector('[data-testid="transcript"]')!.getBoundingClientRect();
    return { n: Number(line?.dataset.n), selected: sel.toString(), onScreen: !!box && box.bottom > view.top && box.top < view.bottom };
  });
  expect(where.onScreen).toBe(true);
  expect(where.n).toBeGreaterThanOrEqual(235);
  expect(where.selected.length).toBeGreaterThan(0);
});
