/** Page-object helpers: a fresh project served in browser mode, and selecting text like a person. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Served {
  url: string;
  project: string;
  stop(): void;
}

/** Browser mode (`electron/web.ts`) on a project and a free port; resolves with the printed link. */
export async function startWeb(project: string, args: string[] = []): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', project, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(out);
      if (m) ok(m[1]!);
    });
    child.on('exit', (code) => fail(new Error(`web exited ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill() };
}

/** A new project with the given fixture transcripts, served by `electron/web.ts` on a free port. */
export async function serveFreshProject(fixtures: string[]): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const project = join(dir, 'e2e.marginalia');
  const run = (args: string[]) =>
    new Promise<void>((ok, fail) => {
      const p = spawn(process.execPath, ['electron/cli/bin.mjs', ...args], { cwd: ROOT, stdio: 'ignore' });
      p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`marginalia ${args[0]} exited ${code}`))));
    });
  await run(['init', project]);
  await run(['import', project, ...fixtures.map((f) => join(ROOT, 'fixtures', f))]);
  await run(['coders', 'add', project, 'Alice']);
  const web = await startWeb(project);
  return {
    url: web.url,
    project,
    stop() {
      web.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drags the mouse across `phrase` in the transcript, as a person selects text. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((p) => {
    const root = document.querySelector('[data-testid="transcript"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(p);
      if (i === -1) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + p.length);
      const rects = r.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`phrase not in one text piece: ${p}`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
