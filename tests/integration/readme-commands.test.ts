/**
 * Every command the README shows runs as written. The `npx marginalia …` lines of each shell
 * block run in order, by bash, in a fresh folder that sees the repository's fixtures (so each
 * block is one session, as a reader would type it). `npm start` and `npm run web` start browser
 * mode on a demo project in a temporary home, and must print the workspace's address. Commands
 * too big to run inside a test (`npm install`, `npm test` itself, `npm run dist`, `npm run bench`)
 * must at least name a script that exists. A line of any other form fails the test, so a new
 * command in the README cannot go unchecked.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCRIPTS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The commands of each ```sh block, without comments; `a && b` counts as two. */
function shellBlocks(): string[][] {
  return [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/\s+#\s.*$/, '').trim())
      .filter(Boolean)
      .flatMap((l) => l.split(/\s+&&\s+/)),
  );
}

/** The npm script a command names (`npm start`, `npm run web -- x`), or null for `npm install|ci`. */
function npmScript(command: string): string | null {
  const m = /^(?:[A-Z_]+=\S+\s+)*npm\s+(\S+)(?:\s+(\S+))?/.exec(command);
  if (!m) throw new Error(`not an npm command: ${command}`);
  if (m[1] === 'install' || m[1] === 'ci') return null;
  return m[1] === 'run' ? m[2]! : m[1]!;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'marginalia-readme-'));
  made.push(d);
  return d;
}

/** Runs an npm command until it prints the browser-mode address, then stops it. */
function untilServing(command: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `exec ${command}`], { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
    let out = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => (stop(), reject(new Error(`${command}: no address after 120 s:\n${out}`))), 120_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        stop();
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/Open http/.test(out)) reject(new Error(`${command} exited ${code} before serving:\n${out}`));
    });
  });
}

describe('the README commands', () => {
  const blocks = shellBlocks();
  const all = blocks.flat();

  it('are all of a form this test knows how to check', () => {
    expect(all.length).toBeGreaterThan(10);
    const unknown = all.filter((c) => !/^npx marginalia |^npx tsx \S+$|^npx drizzle-kit generate --config \S+( --custom)?$|^([A-Z_]+=\S+\s+)*npm\s/.test(c));
    expect(unknown).toEqual([]);
  });

  it('name npm scripts and files that exist', () => {
    const missing: string[] = [];
    for (const c of all) {
      if (/npm\s/.test(c) && !c.startsWith('npx')) {
        const s = npmScript(c);
        if (s !== null && !SCRIPTS[s]) missing.push(`${c}: no "${s}" script`);
      }
      const file = /^npx tsx (\S+)$/.exec(c)?.[1] ?? /--config (\S+)/.exec(c)?.[1];
      if (file && !existsSync(join(ROOT, file))) missing.push(`${c}: ${file} does not exist`);
    }
    expect(missing).toEqual([]);
  });

  it('run every `npx marginalia` session as written, each command exiting 0', { timeout: 180_000 }, () => {
    const sessions = blocks.map((b) => b.filter((c) => c.startsWith('npx marginalia '))).filter((b) => b.length > 0);
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) {
      const dir = tempDir();
      symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
      // `npx marginalia` as npm would resolve it inside the repository: this package's own bin.
      const shim = `npx() { if [ "$1" = marginalia ]; then shift; node ${JSON.stringify(join(ROOT, 'electron/cli/bin.cjs'))} "$@"; else command npx "$@"; fi; }`;
      for (const command of session) {
        const r = spawnSync('bash', ['-c', `${shim}\n${command}`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        expect({ command, code: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ command, code: 0, stderr: '' });
        expect(r.stdout.trim().length, `${command} printed nothing`).toBeGreaterThan(0);
      }
    }
  });

  it('start the workspace in browser mode: `npm start` (MARGINALIA_BROWSER=1) and `npm run web`', { timeout: 300_000 }, async () => {
    const starts = [...new Set(all.filter((c) => /^([A-Z_]+=\S+\s+)*npm (start|run web)$/.test(c)).map((c) => c.replace(/^([A-Z_]+=\S+\s+)*/, '')))];
    expect(starts.sort()).toEqual(['npm run web', 'npm start']);
    for (const command of starts) {
      const url = await untilServing(command, { MARGINALIA_HOME: tempDir(), MARGINALIA_BROWSER: '1' });
      expect(url).toMatch(/#token=[0-9a-f]+$/);
    }
  });
});
