/**
 * Screenshots of projects from the UI (issue 12 point 12) for docs/screenshots/: the browser-mode
 * start screen (a server started on a path that does not exist yet, with two recent projects and
 * one that has moved) and File → Projects… over the served demo, at 1280×720 and 1920×1080, light
 * and dark. Its own server and MARGINALIA_HOME in a temp folder: nothing of the user's is touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { ROOT, startWeb } from '../e2e/workspace.js';

const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;

export async function projectShots(browser: Browser, url: string, out: string, coder: string): Promise<string[]> {
  const saved: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-project-shots-'));
  const home = join(dir, 'home');
  const studies = join(dir, 'Documents', 'studies');
  mkdirSync(home, { recursive: true });
  mkdirSync(studies, { recursive: true });
  const cli = (args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT });
  cli(['init', join(studies, 'prison-officers-2025.marginalia'), '--name', 'Prison officers 2025']);
  cli(['init', join(studies, 'probation-pilot.marginalia'), '--name', 'Probation pilot']);
  const at = (h: number) => new Date(Date.UTC(2026, 10, 28, h, 15)).toISOString();
  writeFileSync(
    join(home, 'recent-projects.json'),
    JSON.stringify([
      { path: join(studies, 'prison-officers-2025.marginalia'), openedAt: at(16) },
      { path: join(studies, 'probation-pilot.marginalia'), openedAt: at(9) },
      { path: join(dir, 'old', 'pilot-interviews.marginalia'), openedAt: at(7) },
    ]),
  );
  const web = await startWeb(join(studies, 'youth-custody.marginalia'), [], home);
  try {
    for (const [width, height] of SIZES)
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
        await page.goto(web.url);
        await page.getByRole('main', { name: 'Marginalia' }).getByText('Recent projects').waitFor();
        await page.mouse.move(0, 0);
        await page.waitForTimeout(200);
        const name = `start-screen-${width}-${scheme}.png`;
        await page.screenshot({ path: join(out, name) });
        saved.push(name);

        const ws = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
        await ws.addInitScript((n) => localStorage.setItem('marginalia.activeCoder', n), coder);
        await ws.goto(url);
        await ws.getByRole('button', { name: 'File' }).click();
        await ws.getByRole('menuitem', { name: /^Projects/ }).click();
        await ws.getByRole('dialog', { name: 'Projects' }).getByText('Recent projects').waitFor();
        await ws.mouse.move(0, 0);
        await ws.waitForTimeout(200);
        const dialog = `projects-dialog-${width}-${scheme}.png`;
        await ws.screenshot({ path: join(out, dialog) });
        saved.push(dialog);
        await page.close();
        await ws.close();
      }
  } finally {
    web.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return saved;
}
