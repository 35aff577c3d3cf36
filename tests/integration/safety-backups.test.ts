/**
 * Backups and restore (issue 13, point 2): consistent copies in NAME.marginalia-backups/, named by
 * time and reason, rolling, taken before migrations and merges and once a day; restore puts one
 * back (the file as it was kept first), in an open session and through the CLI.
 */
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDirOf, listBackups } from '../../db/backup.js';
import { latestSchemaVersion } from '../../db/migrations.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { setMeta } from '../../db/queries/meta.js';
import { backupBefore, backupNow, dailyBackupIfDue, sessionBackups, setBackupKeep } from '../../electron/services/safety/backups.js';
import { restoreInSession } from '../../electron/services/safety/restore.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { addText, dumpProject, tempDir, tempProject, type TempProject } from './helpers.js';
import { cleanup, cli, dump, expectFailure, fixture, freshDir, ok, okJson } from './cli-harness.js';

const open: TempProject[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.done();
  cleanup();
});

function project(): TempProject {
  const p = tempProject({ empty: false });
  open.push(p);
  addText(p.session, 'a.txt', 'Officer: we talk at the door every morning.\nPrisoner: sometimes.');
  addCoder(p.session, 'Ann');
  return p;
}

const codingCount = (sqlite: Database.Database) => (sqlite.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;

describe('backups in the folder beside the project', () => {
  it('are named by time and reason, hold the project as it was, and are listed newest first', () => {
    const p = project();
    const first = backupNow(p.session);
    applyCoding(p.session, { document: 'a.txt', code: 'Dynamic security/Rapport', coder: 'Ann', start: 0, end: 7 });
    const second = backupBefore(p.session, 'refi-import');
    expect(first.path.startsWith(join(p.dir, 'study.marginalia-backups'))).toBe(true);
    expect(first.name).toMatch(/^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.\d{3}Z_manual(-\d+)?\.marginalia$/);
    expect(second).toMatch(/_before-refi-import(-\d+)?\.marginalia$/);
    const listed = sessionBackups(p.session);
    expect(listed.backups.map((b) => b.path)).toEqual([second, first.path]);
    expect(listed.keep).toBe(10);
    // Each copy is a whole SQLite database with what was committed when it was taken.
    for (const [file, n] of [
      [first.path, 0],
      [second, 1],
    ] as const) {
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(codingCount(db)).toBe(n);
      db.close();
    }
    // No half-written copy is left behind under a temporary name.
    expect(readdirSync(backupsDirOf(p.path)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('roll: only the newest N are kept, N being the project’s own setting', () => {
    const p = project();
    for (let i = 0; i < 4; i += 1) backupNow(p.session, `run${i}`);
    const r = setBackupKeep(p.session, 2);
    expect(r.removed.map((n) => /_(run\d)\.marginalia$/.exec(n)?.[1]).sort()).toEqual(['run0', 'run1']);
    expect(listBackups(p.path).map((b) => b.reason)).toEqual(['run3', 'run2']);
    backupNow(p.session, 'run4');
    expect(listBackups(p.path).map((b) => b.reason)).toEqual(['run4', 'run3']);
    expect(sessionBackups(p.session).keep).toBe(2);
  });

  it('refuse to be taken inside a transaction (SQLite cannot copy from inside one)', () => {
    const p = project();
    expect(() => p.session.project.sqlite.transaction(() => backupBefore(p.session, 'merge'))()).toThrow(/inside a transaction/);
  });

  it('are taken once a day when an older project is opened, not more often', () => {
    const p = project();
    // A project made today gets no daily copy yet.
    expect(dailyBackupIfDue(p.session.project)).toBeNull();
    // Made three days ago and never backed up: opening it takes one; opening it again that day does not.
    setMeta(p.session.project.db, 'created_at', new Date(Date.now() - 3 * 86_400_000).toISOString());
    const made = dailyBackupIfDue(p.session.project);
    expect(made).toMatch(/_daily\.marginalia$/);
    expect(dailyBackupIfDue(p.session.project)).toBeNull();
    expect(dailyBackupIfDue(p.session.project, Date.now() + 23 * 3_600_000)).toBeNull();
    // A day after the newest backup, the next open takes another.
    expect(dailyBackupIfDue(p.session.project, Date.now() + 25 * 3_600_000)).toMatch(/_daily(-\d+)?\.marginalia$/);
    expect(listBackups(p.path)).toHaveLength(2);
  });

  it('is taken before a migration, into the folder, holding the old schema', () => {
    const { dir, done } = tempDir();
    try {
      const old = join(dir, 'old.marginalia');
      copyFileSync(fixture('projects', 'schema-2.marginalia'), old);
      const s = openSession(old, 'tester');
      try {
        expect(s.project.backupPath).toMatch(/old\.marginalia-backups\/.*_before-migration-schema2\.marginalia$/);
        const db = new Database(s.project.backupPath!, { readonly: true });
        expect(db.pragma('user_version', { simple: true })).toBe(2);
        db.close();
        expect(s.project.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
      } finally {
        closeSession(s);
      }
    } finally {
      done();
    }
  });
});

describe('restore', () => {
  it('in an open session: the content equals the backup, the file as it was is kept, and the session goes on', () => {
    const p = project();
    const backup = backupNow(p.session);
    const atBackup = dumpProject(p.session);
    applyCoding(p.session, { document: 'a.txt', code: 'Dynamic security/Rapport', coder: 'Ann', start: 0, end: 7 });
    const same = p.session.project;

    const r = restoreInSession(p.session, backup.name);
    expect(r.restored.name).toBe(backup.name);
    expect(p.session.project).toBe(same);
    expect(dumpProject(p.session)).toBe(atBackup);
    expect(codingCount(p.session.project.sqlite)).toBe(0);
    // The pre-restore copy holds the coding the restore took away.
    expect(r.preRestore).toMatch(/_before-restore\.marginalia$/);
    const kept = new Database(r.preRestore, { readonly: true });
    expect(codingCount(kept)).toBe(1);
    kept.close();
    // The same session keeps working on the restored file.
    applyCoding(p.session, { document: 'a.txt', code: 'Dynamic security/Rapport', coder: 'Ann', start: 8, end: 12 });
    expect(codingCount(p.session.project.sqlite)).toBe(1);
  });

  it('refuses a backup that is not a project, or does not exist, and changes nothing', () => {
    const p = project();
    const before = dumpProject(p.session);
    expect(() => restoreInSession(p.session, 'nope.marginalia')).toThrow(/no backup named "nope\.marginalia"/);
    expect(() => restoreInSession(p.session, fixture('transcripts', 'co-01.txt'))).toThrow(/co-01\.txt: this backup is damaged|not a Marginalia/);
    expect(dumpProject(p.session)).toBe(before);
    expect(listBackups(p.path)).toEqual([]);
    expect(existsSync(`${p.path}.restoring`)).toBe(false);
  });
});

describe('the CLI: backup, backups, restore', () => {
  it('backs up, lists, restores (the current file backed up first), and the restored file equals the backup', { timeout: 120_000 }, () => {
    const dir = freshDir();
    const path = join(dir, 'study.marginalia');
    ok(['init', path]);
    ok(['import', path, fixture('transcripts', 'co-02.txt')]);
    const made = okJson<{ backup: { name: string; path: string } }>(['backup', path, '--keep', '5']);
    const atBackup = dump(made.backup.path);
    ok(['coders', 'add', path, 'Bob']);
    expect(dump(path)).not.toBe(atBackup);

    const list = okJson<{ keep: number; backups: { name: string }[] }>(['backups', path]);
    expect(list.keep).toBe(5);
    expect(list.backups.map((b) => b.name)).toEqual([made.backup.name]);
    expect(ok(['backups', path])).toContain(made.backup.name);

    const r = okJson<{ preRestore: string }>(['restore', path, made.backup.name]);
    expect(dump(path)).toBe(atBackup);
    expect(existsSync(r.preRestore)).toBe(true);
    const kept = new Database(r.preRestore, { readonly: true });
    expect(kept.prepare("SELECT count(*) AS n FROM coders WHERE name = 'Bob'").get()).toEqual({ n: 1 });
    kept.close();
    expect(readdirSync(dir).sort()).toEqual(['study.marginalia', 'study.marginalia-backups']);
    expectFailure(cli(['restore', path, 'missing.marginalia']), /^marginalia: study\.marginalia: no backup named "missing\.marginalia"/);
  });

  it('restores a project too damaged to open, keeping the damaged bytes', { timeout: 120_000 }, () => {
    const dir = freshDir();
    const path = join(dir, 'study.marginalia');
    ok(['init', path]);
    ok(['import', path, fixture('transcripts', 'co-02.txt'), fixture('transcripts', 'co-01.txt')]);
    const made = okJson<{ backup: { name: string; path: string } }>(['backup', path]);
    corrupt(path);
    expectFailure(cli(['docs', path]), /the project file is corrupt .*marginalia restore study\.marginalia BACKUP/);
    expect(ok(['backups', path])).toContain(made.backup.name);
    const r = okJson<{ preRestore: string }>(['restore', path, made.backup.name]);
    expect(r.preRestore).toMatch(/_before-restore-damaged\.marginalia$/);
    expect(dump(path)).toBe(dump(made.backup.path));
    expect(ok(['check', path])).toMatch(/sound/);
  });
});

/** Overwrites the middle of the file with garbage, as a failing disk might. */
function corrupt(path: string): void {
  const db = new Database(path);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  const garbage = Buffer.alloc(pageSize * Math.max(2, Math.floor(pages / 2)), 0x5a);
  const h = openSync(path, 'r+');
  writeSync(h, garbage, 0, garbage.length, pageSize * Math.floor(pages / 4));
  closeSync(h);
}
