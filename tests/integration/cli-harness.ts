/**
 * Drives the real `marginalia` CLI as a child process (node electron/cli/bin.cjs, as npx would)
 * on real project files in fresh temp folders, and compares projects by their content.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, ['electron/cli/bin.cjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, MARGINALIA_DEBUG: '', ...options.env },
    timeout: 60_000,
  });
  // bin.cjs rebuilds dist/cli/ first when a source changed (others may be editing): not the command's output.
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^marginalia: building dist\/cli\/marginalia\.cjs \(.*\)…\n/m, '') };
}

/** Runs a command that must succeed; returns stdout. */
export function ok(args: string[], options?: { input?: string }): string {
  const r = cli(args, options);
  if (r.code !== 0) throw new Error(`marginalia ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Runs a command with --json that must succeed; returns its data. */
export function okJson<T = unknown>(args: string[], options?: { input?: string }): T {
  const out = JSON.parse(ok([...args, '--json'], options)) as { ok: boolean; data: T };
  expect(out.ok).toBe(true);
  return out.data;
}

/** A failure: the given exit status, exactly one line on stderr matching `pattern`, nothing on stdout. */
export function expectFailure(r: Run, pattern: RegExp, exit = 1): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: exit, stderr: expect.stringMatching(pattern) });
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^marginalia: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
}

const dirs: string[] = [];

/** A fresh temp folder, removed by `cleanup()`. */
export function freshDir(): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'marginalia-cli-'));
  dirs.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/**
 * A project with every transcript and (unless formats: false) format fixture, the two coders'
 * codings and the case attributes, built once through the CLI; tests copy it into their own folder.
 */
export function buildTemplate(options: { formats?: boolean } = {}): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'marginalia-cli-template-'));
  dirs.push(dir);
  const path = join(dir, 'template.marginalia');
  ok(['init', path, '--as', 'setup']);
  ok([
    'import',
    path,
    ...['co-01.txt', 'co-02.txt', 'co-03-norway.txt', 'co-04-pdf-like.txt', 'ip-01.txt', 'ip-02.txt', 'ip-03-crlf.txt', 'notes.md'].map((f) =>
      fixture('transcripts', f),
    ),
    ...(options.formats === false ? [] : ['co-01.docx', 'co-02.pdf', 'ip-01.vtt', 'ip-02.srt'].map((f) => fixture('formats', f))),
    // The .docx and .pdf may hold the same text as their .txt twins; keep them anyway.
    '--allow-duplicates',
    '--as',
    'setup',
  ]);
  ok(['codings', 'import', path, fixture('codings-two-coders.csv'), '--as', 'setup']);
  ok(['attributes', 'import', path, fixture('cases.csv'), '--as', 'setup']);
  return path;
}

/** A copy of `template` in a fresh folder (the CLI closed it, so the file holds everything). */
export function projectFrom(template: string, name = 'study.marginalia'): string {
  const path = join(freshDir(), name);
  copyFileSync(template, path);
  return path;
}

/**
 * Everything a project holds, as text: every table's rows (events included), and the header
 * fields we use. Compared instead of file bytes, since WAL and checkpoints may move bytes.
 */
export function dump(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const out: Record<string, unknown> = {
      user_version: db.pragma('user_version', { simple: true }),
      application_id: db.pragma('application_id', { simple: true }),
    };
    for (const { name } of tables)
      out[name] = db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
        .raw()
        .all();
    return JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  } finally {
    db.close();
  }
}

export function eventCount(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
