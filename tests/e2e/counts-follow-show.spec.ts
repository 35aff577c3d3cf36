/**
 * Regression (issue 12, point 3): the code book counted every coder's codings while the
 * transcript showed only mine. Now the code book, its caption and Retrieval follow "Show" and
 * say whose codings they count.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
const code = (project: string, coder: string, name: string, quote: string) =>
  cli(['code', project, '--doc', 'co-02.txt', '--code', name, '--coder', coder, '--quote', quote]);

const rapport = (page: Page) => page.getByRole('tree', { name: 'Code book' }).getByRole('treeitem', { name: 'Rapport', exact: true }).locator('.cb-counts');
const caption = (page: Page) => page.getByTestId('code-book-counting');

test('regression: counts follow Show (the code book counted all coders while the transcript showed only mine)', async ({ page }) => {
  // Written before the server opens the project (it then holds the one-writer lock).
  served = await serveFreshProject(['transcripts/co-02.txt'], (project) => {
    cli(['coders', 'add', project, 'Bob']);
    code(project, 'Alice', 'Rapport', 'the few minutes you spend at their door');
    code(project, 'Bob', 'Rapport', 'Cuff ports, escorts');
    code(project, 'Bob', 'Rapport', "how's the food, did your mail come");
    code(project, 'Bob', 'Boundaries', 'Carefully. Being a woman');
  });

  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  const show = page.getByLabel('Show codings of');
  const transcriptCodings = page.getByRole('list', { name: 'Codings' }).getByRole('listitem');

  // Mine: one coding on screen, and the code book counts that one.
  await expect(transcriptCodings).toHaveCount(1);
  await expect(rapport(page)).toHaveAttribute('data-counts', '1/1');
  await expect(caption(page)).toHaveText('Counts: your codings');

  await show.selectOption({ label: "Bob's" });
  await expect(transcriptCodings).toHaveCount(3);
  await expect(rapport(page)).toHaveAttribute('data-counts', '2/2');
  await expect(caption(page)).toHaveText("Counts: Bob's codings");

  await show.selectOption('all');
  await expect(transcriptCodings).toHaveCount(4);
  await expect(rapport(page)).toHaveAttribute('data-counts', '3/3');
  await expect(caption(page)).toHaveText("Counts: all coders' codings");

  // Retrieval starts from the same coders, says whose codings it counts, and follows a new Show.
  await page.getByRole('tab', { name: 'Retrieval' }).click();
  const panel = page.getByRole('tabpanel');
  const select = panel.getByLabel('Code', { exact: true });
  await select.selectOption((await select.locator('option[title="Dynamic security/Rapport"]').getAttribute('value'))!);
  await expect(panel.getByRole('status')).toHaveText("3 segments in 1 document, counting all coders' codings");
  await show.selectOption('mine');
  await expect(panel.getByRole('status')).toHaveText('1 segment in 1 document, counting your codings');
  await expect(rapport(page)).toHaveAttribute('data-counts', '1/1');
});
