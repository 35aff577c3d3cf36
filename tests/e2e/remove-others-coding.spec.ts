/**
 * Regression (issue 12, point 4): one click on "Remove" deleted another coder's coding, with no
 * word about whose work it was. Now the coder's own codings go at once, another coder's only after
 * a confirmation naming them, and either way Ctrl/Cmd+Z brings the coding back.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, serveFreshProject, storedCodings, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('regression: removing another coder’s coding asks first, names them, and is undoable', async ({ page }) => {
  // Written before the server opens the project (it then holds the one-writer lock).
  served = await serveFreshProject(['transcripts/co-02.txt'], (project) => {
    cli(['coders', 'add', project, 'Bob']);
    cli(['code', project, '--doc', 'co-02.txt', '--code', 'Rapport', '--coder', 'Bob', '--quote', 'Cuff ports, escorts']);
    cli(['code', project, '--doc', 'co-02.txt', '--code', 'Boundaries', '--coder', 'Alice', '--quote', 'the few minutes you spend at their door']);
  });
  const coders = () => storedCodings(served.project).map((c) => `${c.coder}:${c.code}`);
  expect(coders().sort()).toEqual(['Alice:Boundaries', 'Bob:Rapport']);

  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: /^co-02\.txt/ }).click();
  await page.getByLabel('Show codings of').selectOption('all');
  const list = page.getByRole('list', { name: 'Codings' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Bob's coding: a confirmation that names him; Cancel keeps it.
  await list.getByRole('button', { name: /^Remove coding .*Rapport/ }).click();
  const ask = page.getByRole('alertdialog', { name: 'Remove Bob’s coding?' });
  await expect(ask).toContainText('made by Bob, not by you (Alice)');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  expect(coders().sort()).toEqual(['Alice:Boundaries', 'Bob:Rapport']);

  // Confirmed: gone from the file; Ctrl+Z brings it back.
  await list.getByRole('button', { name: /^Remove coding .*Rapport/ }).click();
  await ask.getByRole('button', { name: 'Remove Bob’s coding' }).click();
  await expect.poll(coders).toEqual(['Alice:Boundaries']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => coders().sort()).toEqual(['Alice:Boundaries', 'Bob:Rapport']);

  // Alice's own coding goes at once, without a question.
  await list.getByRole('button', { name: /^Remove coding .*Boundaries/ }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect.poll(coders).toEqual(['Bob:Rapport']);
});
