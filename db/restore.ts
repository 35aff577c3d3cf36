/**
 * Putting a backup in place of a project file. The backup is first copied beside the project and
 * checked there (a Marginalia project, not from a newer schema, quick check clean), so a bad
 * backup never replaces anything; then the project's leftover -wal/-shm are removed (the caller
 * has closed every connection, which folds the WAL in) and the checked copy is renamed over the
 * project, an atomic step: a crash leaves either the old file or the restored one.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail } from '../shared/errors.js';
import { backupsDirOf, stampOf } from './backup.js';
import { quickCheck } from './integrity.js';
import { latestSchemaVersion } from './migrations.js';
import { APPLICATION_ID, connect } from './open.js';

const SIDE = ['-wal', '-shm', '-journal'];
const removeWithSides = (path: string) => {
  for (const s of ['', ...SIDE]) rmSync(path + s, { force: true });
};

export interface Staged {
  path: string;
  schemaVersion: number;
}

/** Copies `backupPath` beside the project and checks the copy; throws naming the backup if it is unusable. */
export function stageBackup(backupPath: string, projectPath: string): Staged {
  const name = basename(backupPath);
  if (!existsSync(backupPath)) fail('not_found', `${name}: no such backup`);
  const staged = `${projectPath}.restoring`;
  removeWithSides(staged);
  try {
    copyFileSync(backupPath, staged);
    // A backup copied with its -wal (the raw copy of a damaged file) keeps it.
    if (existsSync(`${backupPath}-wal`)) copyFileSync(`${backupPath}-wal`, `${staged}-wal`);
    let version = 0;
    let sqlite;
    try {
      sqlite = connect(staged);
      if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) fail('not_a_project', `${name}: not a Marginalia project backup`);
      version = sqlite.pragma('user_version', { simple: true }) as number;
      if (version > latestSchemaVersion()) fail('newer_schema', `${name}: saved by a newer Marginalia (schema ${version}); it cannot be restored here`);
      const problems = quickCheck(sqlite);
      if (problems.length) fail('corrupt_file', `${name}: this backup is damaged too (${problems[0]}); choose another`);
      // Fold anything in its WAL into the file, so the rename below moves one complete file.
      sqlite.pragma('journal_mode = DELETE');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/not a database|malformed|corrupt/i.test(message) && !/choose another/.test(message))
        fail('corrupt_file', `${name}: this backup is damaged (${message}); choose another`);
      throw err;
    } finally {
      sqlite?.close();
    }
    return { path: staged, schemaVersion: version };
  } catch (err) {
    removeWithSides(staged);
    throw err;
  }
}

/** Renames the checked copy over the project (every connection to the project must be closed). */
export function putInPlace(staged: Staged, projectPath: string): void {
  for (const s of SIDE) rmSync(projectPath + s, { force: true });
  renameSync(staged.path, projectPath);
  syncDir(dirname(projectPath));
}

/** A damaged file cannot be copied through SQLite: its bytes (and its WAL) are kept as they are. */
export function keepDamagedCopy(projectPath: string): string {
  const dir = backupsDirOf(projectPath);
  mkdirSync(dir, { recursive: true });
  const stamp = stampOf();
  let target = join(dir, `${stamp}Z_before-restore-damaged.marginalia`);
  for (let i = 2; existsSync(target); i += 1) target = join(dir, `${stamp}Z_before-restore-damaged-${i}.marginalia`);
  copyFileSync(projectPath, target);
  if (existsSync(`${projectPath}-wal`)) copyFileSync(`${projectPath}-wal`, `${target}-wal`);
  return target;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can sync a folder (Windows); the rename itself is still atomic.
  }
}
