/**
 * Restoring a backup, in the open session (the Backups dialog, browser mode) or on a file nobody
 * has open (the CLI, which must also work when the project is too damaged to open). Either way the
 * file as it was is kept first (a backup, or its raw bytes when SQLite cannot read it).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { keepOf, listBackups, writeBackup } from '../../../db/backup.js';
import { quickCheck } from '../../../db/integrity.js';
import { describeHolder, tryLock } from '../../../db/lock.js';
import { connect, reconnect } from '../../../db/open.js';
import { keepDamagedCopy, putInPlace, stageBackup } from '../../../db/restore.js';
import { fail } from '../../../shared/errors.js';
import type { BackupView, RestoreView } from '../../../shared/safety/types.js';
import type { Session } from '../session.js';

/** A backup by the name `backups` lists, `latest` (the newest), or a path to a backup file. */
export function findBackup(projectPath: string, given: string): BackupView {
  const all = listBackups(projectPath);
  if (given === 'latest') {
    if (all[0]) return all[0];
    fail('not_found', `${basename(projectPath)}: has no backups yet (none in ${basename(projectPath)}-backups)`);
  }
  const listed = all.find((b) => b.name === given || b.path === given);
  if (listed) return listed;
  if (given.includes('/') || given.includes('\\') || isAbsolute(given)) {
    const path = resolve(given);
    if (existsSync(path) && statSync(path).isFile())
      return { name: basename(path), path, at: statSync(path).mtime.toISOString(), reason: 'file', bytes: statSync(path).size };
  }
  return fail('not_found', `${basename(projectPath)}: no backup named "${given}"; \`marginalia backups ${basename(projectPath)}\` lists them`);
}

/** The project file as it is now, kept before it is replaced; '' when there is no file. */
function keepCurrent(projectPath: string): string {
  if (!existsSync(projectPath)) return '';
  let sqlite;
  try {
    sqlite = connect(projectPath);
    if (quickCheck(sqlite).length === 0) return writeBackup(sqlite, projectPath, 'before-restore', keepOf(sqlite));
  } catch {
    // Unreadable through SQLite: fall through to the raw copy.
  } finally {
    sqlite?.close();
  }
  return keepDamagedCopy(projectPath);
}

/** Restore into the open session: close, replace, reopen the same Project (listeners carry on). */
export function restoreInSession(session: Session, given: string): RestoreView {
  const { project } = session;
  if (project.readOnly) fail('conflict', describeHolder(project.path, project.readOnly));
  const backup = findBackup(project.path, given);
  const staged = stageBackup(backup.path, project.path);
  const preRestore = quickCheck(project.sqlite).length === 0 ? writeBackup(project.sqlite, project.path, 'before-restore') : keepDamagedCopy(project.path);
  project.sqlite.close();
  putInPlace(staged, project.path);
  reconnect(project);
  return { project: basename(project.path), restored: backup, preRestore, schemaVersion: staged.schemaVersion };
}

/** Restore a file no process has open (taking its lock for the while), even a damaged one. */
export function restoreFile(projectPath: string, given: string): RestoreView {
  const lock = tryLock(projectPath);
  if (!lock.ok) fail('conflict', describeHolder(projectPath, lock.holder));
  try {
    const backup = findBackup(projectPath, given);
    const staged = stageBackup(backup.path, projectPath);
    const preRestore = keepCurrent(projectPath);
    putInPlace(staged, projectPath);
    return { project: basename(projectPath), restored: backup, preRestore, schemaVersion: staged.schemaVersion };
  } finally {
    lock.release();
  }
}
