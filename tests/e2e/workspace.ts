/** Page-object helpers: a fresh project served in browser mode, and selecting text like a person. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';

export const ROOT = join(import.meta.dirname, '..', '..');
/** MARGINALIA_HOME for the servers tests start. */
export const E2E_HOME = process.env.MARGINALIA_HOME ?? join(tmpdir(), 'marginalia-e2e-home');

export interface Served {
  url: string;
  project: string;
  stop(): void;
}

/** Browser mode (`electron/web.ts`) on a project and a free port; resolves with the printed link. */
export async function startWeb(project: string, args: string[] = [], home = E2E_HOME): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', project, ...args], {
    cwd: ROOT,
    // Marginalia's own files (the recent-projects list) go in a test folder, not the user's.
    env: { ...process.env, MARGINALIA_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

/**
 * A new project with the given fixture transcripts, served by `electron/web.ts` on a free port.
 * `setup` changes it first (e.g. through the CLI): once served, the project is locked to the server
 * and another process's writes are refused.
 */
export async function serveFreshProject(fixtures: string[], setup?: (project: string) => void): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const project = join(dir, 'e2e.marginalia');
  const run = (args: string[]) =>
    new Promise<void>((ok, fail) => {
      const p = spawn(process.execPath, ['electron/cli/bin.cjs', ...args], { cwd: ROOT, stdio: 'ignore' });
      p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`marginalia ${args[0]} exited ${code}`))));
    });
  await run(['init', project]);
  if (fixtures.length) await run(['import', project, ...fixtures.map((f) => join(ROOT, 'fixtures', f))]);
  await run(['coders', 'add', project, 'Alice']);
  setup?.(project);
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

/** Screen points of the start and end of `phrase` in the transcript (it may cross coded pieces). */
export async function phraseBox(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  // The transcript may still be arriving (a document was just opened).
  await page.waitForFunction(
    (p) =>
      [...document.querySelectorAll('[data-testid="transcript"] [data-start]')]
        .map((e) => e.textContent)
        .join('')
        .includes(p),
    phrase,
    { timeout: 10_000 },
  );
  return page.evaluate((p) => {
    const nodes: Text[] = [];
    for (const el of document.querySelectorAll('[data-testid="transcript"] [data-start]')) if (el.firstChild instanceof Text) nodes.push(el.firstChild);
    const all = nodes.map((n) => n.data).join('');
    const at = all.indexOf(p);
    if (at === -1) throw new Error(`phrase not in the transcript: ${p}`);
    const locate = (k: number, end: boolean) => {
      let left = k;
      for (const n of nodes) {
        if (left < n.data.length || (end && left === n.data.length)) return { n, o: left };
        left -= n.data.length;
      }
      throw new Error('past the end');
    };
    const a = locate(at, false);
    const b = locate(at + p.length, true);
    const r = document.createRange();
    r.setStart(a.n, a.o);
    r.setEnd(b.n, b.o);
    const rects = [...r.getClientRects()].filter((x) => x.width > 0);
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, phrase);
}

/** Drags the mouse across `phrase` in the transcript, as a person selects text. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  const box = await phraseBox(page, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

export interface StoredCoding {
  start: number;
  end: number;
  quote: string;
  code: string;
  coder: string;
}

/** The codings as the project file holds them (read-only; the server keeps its own connection). */
export function storedCodings(project: string): StoredCoding[] {
  const db = new Database(project, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT g.start, g."end", g.quote, c.name AS code, k.name AS coder FROM codings g JOIN codes c ON c.id = g.code_id JOIN coders k ON k.id = g.coder_id ORDER BY g.start, c.name',
      )
      .all() as StoredCoding[];
  } finally {
    db.close();
  }
}

/** Drops files on an element as a person drags them from the file manager. */
export async function dropFiles(page: Page, selector: string, files: { name: string; base64: string }[]): Promise<void> {
  await page.evaluate(
    ({ selector, files }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, files },
  );
}

/** Rows of a read-only query on the project file. */
export function queryProject<T>(project: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(project, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
