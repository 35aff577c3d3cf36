/**
 * Integrity on open (issue 13, point 3) and `marginalia check`: a damaged file is refused when it
 * is opened, with the way to restore it, and is never changed; `check` runs integrity_check and
 * foreign_key_check and exits 1 when either finds something.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject } from '../../db/open.js';
import { MarginaliaError } from '../../shared/errors.js';
import { cleanup, cli, expectFailure, fixture, freshDir, ok, okJson } from './cli-harness.js';

afterAll(cleanup);

function project(): string {
  const path = join(freshDir(), 'study.marginalia');
  ok(['init', path]);
  ok(['import', path, fixture('transcripts', 'co-02.txt'), fixture('transcripts', 'co-01.txt')]);
  ok(['coders', 'add', path, 'Ann']);
  ok(['code', path, '--doc', 'co-02.txt', '--code', 'Rapport', '--coder', 'Ann', '--quote', 'Cuff ports, escorts']);
  return path;
}

/** Garbage over one page of a table's b-tree: the header stays valid, so only a check finds it. */
function corruptTable(path: string, table: string): void {
  const db = new Database(path);
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x3c), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

describe('integrity on open', () => {
  it('a damaged file is refused with the way to restore it, and left byte for byte as it was', () => {
    const path = project();
    ok(['backup', path]);
    corruptTable(path, 'codings');
    const bytes = readFileSync(path);
    let error: unknown;
    try {
      openProject(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MarginaliaError);
    expect((error as MarginaliaError).code).toBe('corrupt_file');
    expect((error as MarginaliaError).message).toMatch(
      /^study\.marginalia: the project file is corrupt \(.+\); nothing was repaired\. Its backups are in study\.marginalia-backups: `marginalia backups study\.marginalia` lists them, `marginalia restore study\.marginalia BACKUP` puts one back$/,
    );
    expectFailure(cli(['coders', 'add', path, 'Bob']), /^marginalia: study\.marginalia: the project file is corrupt/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    // No lock left behind by the refused opens.
    expect(readdirSync(join(path, '..')).sort()).toEqual(['study.marginalia', 'study.marginalia-backups']);
  });
});

describe('marginalia check', () => {
  it('a sound project: exit 0, both checks clean', () => {
    const path = project();
    const r = okJson<{ ok: boolean; integrity: string[]; foreignKeys: unknown[] }>(['check', path]);
    expect(r).toMatchObject({ ok: true, integrity: [], foreignKeys: [] });
    expect(ok(['check', path])).toBe('study.marginalia: sound (integrity_check ok, no foreign-key problems; schema ' + schema(path) + ')\n');
  });

  it('a damaged b-tree: exit 1, one line naming the problem and the way back', () => {
    const path = project();
    corruptTable(path, 'codings');
    expectFailure(cli(['check', path]), /^marginalia: study\.marginalia: damaged \(\d+ integrity problems?, .*marginalia restore study\.marginalia BACKUP/);
    const json = cli(['check', path, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });
  });

  it('a coding whose coder row is gone (a broken foreign key): exit 1', () => {
    const path = project();
    const db = new Database(path);
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM coders').run();
    db.close();
    expectFailure(
      cli(['check', path]),
      /^marginalia: study\.marginalia: damaged \(0 integrity problems, \d+ foreign-key problems?; first: codings row \d+ points to a missing coders\)/,
    );
  });

  it('refuses what is not a project, in one line', () => {
    const dir = freshDir();
    expectFailure(cli(['check', join(dir, 'missing.marginalia')]), /^marginalia: missing\.marginalia: no such project file\n$/);
    expectFailure(cli(['check', fixture('transcripts', 'co-01.txt')]), /^marginalia: co-01\.txt: not a Marginalia project \(not an SQLite database\)\n$/);
  });
});

function schema(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
