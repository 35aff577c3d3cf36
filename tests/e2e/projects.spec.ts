/**
 * Issue 12 point 12, projects from the UI in browser mode: `npm run web -- new.marginalia` on a
 * path that does not exist yet shows a start screen offering to create it; projects are created,
 * opened by path and reopened from the recent list (kept server-side, in MARGINALIA_HOME); the
 * open project's file is always on screen. Every file is checked on disk; axe in light and dark.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { ROOT, startWeb } from './workspace.js';

let dir = '';
let stop: (() => void) | undefined;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-projects-'));
});
test.afterEach(() => {
  stop?.();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
const projectName = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM project_meta WHERE key = 'name'").get() as { value: string }).value;
  } finally {
    db.close();
  }
};

async function noSeriousAxe(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include(what).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openFileMenuProjects(page: Page) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /^Projects/ }).click();
  return page.getByRole('dialog', { name: 'Projects' });
}

test('a path that does not exist: the start screen offers to create it; created, it opens with its file shown', async ({ page }) => {
  const file = join(dir, 'new.marginalia');
  const web = await startWeb(file, [], join(dir, 'home'));
  stop = web.stop;
  await page.goto(web.url);
  const start = page.getByRole('main', { name: 'Marginalia' });
  await expect(start).toContainText(`No project at ${file} yet`);
  const path = start.getByLabel(/^Project file \(a new/);
  await expect(path).toHaveValue(file);
  await expect(start.getByRole('region', { name: 'Recent projects' })).toContainText('None yet');
  await noSeriousAxe(page, 'main.pj-start');

  // Every other call is refused while no project is open (one clear line).
  const refused = await page.evaluate(async () => {
    const token = sessionStorage.getItem('marginalia.token')!;
    const r = await fetch('/api/documents.list', { method: 'POST', headers: { 'x-marginalia-token': token, 'content-type': 'application/json' }, body: '{}' });
    return r.json();
  });
  expect(refused).toEqual({ ok: false, error: { code: 'not_found', message: 'no project is open: create or open one on the start screen' } });

  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('button', { name: 'File' })).toBeVisible();
  await expect(page.getByTestId('project-path')).toContainText(file);
  expect(existsSync(file)).toBe(true);
  expect(projectName(file)).toBe('new');
  await expect(page.getByText('No documents yet')).toBeVisible();
});

test('open by path, reopen from the recent list, close to the start screen; bad paths get one clear line', async ({ page }) => {
  const home = join(dir, 'home');
  const study = join(dir, 'study.marginalia');
  cli(['init', study, '--name', 'Prison study']);
  cli(['import', study, join(ROOT, 'fixtures/transcripts/co-02.txt')]);
  const web = await startWeb(join(dir, 'first.marginalia'), [], home);
  stop = web.stop;
  await page.goto(web.url);
  const start = page.getByRole('main', { name: 'Marginalia' });

  // A file that is already there is not overwritten.
  await start.getByLabel(/^Project file \(a new/).fill(study);
  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(start.getByRole('alert')).toHaveText(`${study}: a file already exists there; open it, or choose another name`);
  // A missing file and a folder are named as such.
  const open = start.getByRole('form', { name: 'Open project' });
  await open.getByLabel('Project file').fill(join(dir, 'nope.marginalia'));
  await open.getByRole('button', { name: 'Open project' }).click();
  await expect(open.getByRole('alert')).toContainText(`${join(dir, 'nope.marginalia')}: no such project file`);
  await open.getByLabel('Project file').fill(dir);
  await open.getByRole('button', { name: 'Open project' }).click();
  await expect(open.getByRole('alert')).toContainText('is a folder');

  await open.getByLabel('Project file').fill(study);
  await open.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  await expect(page.getByTestId('project-path')).toContainText(study);
  await expect(page.locator('.toolbar .project')).toContainText('Prison study');

  // File > Projects: where the open one is, the recent list, and Close.
  const dialog = await openFileMenuProjects(page);
  await expect(dialog).toContainText(`Open now: ${study}`);
  const recent = dialog.getByRole('region', { name: 'Recent projects' });
  await expect(recent.getByRole('button', { name: /^study/ })).toContainText('open now');
  await noSeriousAxe(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Close this project' }).click();

  // The start screen again; the recent list (kept by the server) reopens the study.
  await expect(start).toContainText('No project is open');
  const again = start.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: /^study/ });
  await expect(again).toContainText(study);
  await again.click();
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  await expect(page.getByTestId('project-path')).toContainText(study);

  // Forgetting an entry leaves the file alone.
  const d2 = await openFileMenuProjects(page);
  await d2.getByRole('button', { name: 'Remove study from the recent list' }).click();
  await expect(d2.getByRole('region', { name: 'Recent projects' })).toContainText('None yet');
  expect(existsSync(study)).toBe(true);
});
