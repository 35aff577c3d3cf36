/**
 * The `marginalia` command runs a bundle (dist/cli/marginalia.cjs), never stale code: it rebuilds
 * when a file the bundle came from changed. The staleness rules and bin.cjs itself are exercised
 * on a small copy of the layout in a temp folder, so nothing in the shared checkout is touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBundle, staleReason } from '../../electron/launch/cli-bundle.mjs';
import { cleanup, freshDir, ROOT } from './cli-harness.js';

afterAll(cleanup);

/** Writes a file with an mtime in the past, as if saved a while before the build. */
function writeOld(path: string, text: string, secondsAgo = 60): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, t, t);
}

/** A miniature package: the real bin.cjs and bundler, a main.ts that imports shared/greeting.ts. */
function miniPackage(greeting: string): string {
  const root = freshDir();
  for (const f of ['electron/cli/bin.cjs', 'electron/cli/load-bundle.cjs', 'electron/launch/cli-bundle.mjs', 'electron/launch/bundle-stamp.cjs']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    copyFileSync(join(ROOT, f), join(root, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeOld(join(root, 'package.json'), '{ "name": "mini", "version": "9.9.9", "type": "module" }\n');
  writeOld(join(root, 'shared', 'greeting.ts'), `export const greeting: string = ${JSON.stringify(greeting)};\n`);
  writeOld(
    join(root, 'electron', 'cli', 'main.ts'),
    [
      "import { greeting } from '../../shared/greeting.js';",
      'export async function main(argv: string[]): Promise<number> {',
      "  process.stdout.write(`${greeting} ${argv.join(' ')}\\n`);",
      '  return argv.includes("fail") ? 3 : 0;',
      '}',
      '',
    ].join('\n'),
  );
  return root;
}

function bin(root: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'electron', 'cli', 'bin.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARGINALIA_CLI_TRACE: '1', MARGINALIA_DEBUG: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('staleness of the bundle', () => {
  it('is fresh after a build and stale once any imported source changes, even to an older mtime', async () => {
    const root = miniPackage('hello');
    expect(staleReason(root)).toBe('not built yet');
    expect(await ensureBundle(root)).toBe('built');
    expect(staleReason(root)).toBeNull();
    expect(await ensureBundle(root)).toBe('fresh');

    writeOld(join(root, 'shared', 'greeting.ts'), 'export const greeting: string = "bonjour";\n', 120);
    expect(staleReason(root)).toBe('shared/greeting.ts changed');
    expect(await ensureBundle(root)).toBe('built');
    expect(readFileSync(join(root, 'dist', 'cli', 'marginalia.cjs'), 'utf8')).toContain('bonjour');
    expect(staleReason(root)).toBeNull();
  });

  it('is stale when the bundle itself is gone', async () => {
    const root = miniPackage('hello');
    await ensureBundle(root);
    rmSync(join(root, 'dist', 'cli', 'marginalia.cjs'));
    expect(staleReason(root)).toBe('not built yet');
    expect(await ensureBundle(root)).toBe('built');
    expect(staleReason(root)).toBeNull();
  });

  it('is not blocked by the lock of a builder that was killed', async () => {
    const root = miniPackage('hello');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', 'cli', 'marginalia.cjs.lock'), String(dead));
    const t = performance.now();
    expect(await ensureBundle(root)).toBe('built');
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(existsSync(join(root, 'dist', 'cli', 'marginalia.cjs.lock'))).toBe(false);
  });
});

describe('bin.cjs', () => {
  it('builds on first run, then runs the fresh bundle (with its code cache) without rebuilding', () => {
    const root = miniPackage('hello');
    const first = bin(root, ['a', 'b']);
    expect(first).toMatchObject({ code: 0, stdout: 'hello a b\n' });
    expect(first.stderr).toMatch(/^marginalia: building dist\/cli\/marginalia\.cjs \(not built yet\)…$/m);
    expect(first.stderr).toContain('marginalia: trace: running dist/cli/marginalia.cjs');
    expect(existsSync(join(root, 'dist', 'cli', 'marginalia.cjs.v8cache'))).toBe(true);

    const second = bin(root, ['fail']);
    expect(second).toMatchObject({ code: 3, stdout: 'hello fail\n' });
    expect(second.stderr).not.toContain('building');
    expect(second.stderr).toContain('marginalia: trace: bundle fresh');
  });

  it('writes the code cache from a run that reached a command, not from help, and uses it after', () => {
    const root = miniPackage('hello');
    const cache = join(root, 'dist', 'cli', 'marginalia.cjs.v8cache');
    expect(bin(root, ['--help']).code).toBe(0);
    expect(existsSync(cache)).toBe(false);
    expect(bin(root, ['codes', 'x']).stderr).toContain('(code cache: none,');
    expect(existsSync(cache)).toBe(true);
    expect(bin(root, ['codes', 'y']).stderr).toContain('(code cache: used,');
  });

  it('rebuilds before running when a source changed, so it never runs stale code', () => {
    const root = miniPackage('hello');
    expect(bin(root, []).code).toBe(0);
    writeOld(join(root, 'shared', 'greeting.ts'), 'export const greeting: string = "hej";\n', 30);
    const r = bin(root, ['x']);
    expect(r).toMatchObject({ code: 0, stdout: 'hej x\n' });
    expect(r.stderr).toMatch(/^marginalia: building dist\/cli\/marginalia\.cjs \(shared\/greeting\.ts changed\)…$/m);
  });

  it('falls back to tsx, saying so in one line, when the sources cannot be bundled', () => {
    const root = miniPackage('hello');
    // Top-level await cannot go into a CommonJS bundle, but runs fine as an ES module through tsx.
    writeOld(join(root, 'shared', 'greeting.ts'), 'export const greeting: string = await Promise.resolve("via tsx");\n');
    const r = bin(root, ['y']);
    expect(r).toMatchObject({ code: 0, stdout: 'via tsx y\n' });
    expect(r.stderr).toMatch(/^marginalia: cannot build dist\/cli\/marginalia\.cjs \(.+\); running the sources through tsx$/m);
    expect(r.stderr).toContain('marginalia: trace: running electron/cli/main.ts through tsx');
  });
});

describe('the real CLI', () => {
  it('answers --version from the bundle, not through tsx', () => {
    const r = bin(ROOT, ['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `marginalia ${pkg.version}\n` });
    expect(r.stderr).toContain('marginalia: trace: running dist/cli/marginalia.cjs');
    expect(r.stderr).not.toContain('tsx');
  });

  it('finds the migrations from the bundle: a new project is at the latest schema version', () => {
    const path = join(freshDir(), 'study.marginalia');
    expect(bin(ROOT, ['init', path, '--as', 'test']).code).toBe(0);
    const info = JSON.parse(bin(ROOT, ['info', path, '--json']).stdout) as { data: { schemaVersion: number } };
    const journal = JSON.parse(readFileSync(join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(info.data.schemaVersion).toBe(journal.entries.length);
  });
});
