/**
 * Backups of an open project: before a risky change (`backupBefore`, which a merge or a REFI
 * import calls just before its transaction), on request, and once a day when the project is
 * opened. They live in `NAME.marginalia-backups/` beside the project, newest N kept.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { runAction } from '../../../db/action.js';
import { backupsDirOf, DEFAULT_KEEP, keepOf, KEEP_META_KEY, listBackups, pruneBackups, writeBackup, type BackupEntry } from '../../../db/backup.js';
import { connect, type Project } from '../../../db/open.js';
import { getMeta, setMeta } from '../../../db/queries/meta.js';
import type { BackupSettingsView, BackupsView, BackupView } from '../../../shared/safety/types.js';
import { MarginaliaError } from '../../../shared/errors.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session (services/session.ts), named structurally: session.ts calls this file when it opens one. */
interface Session {
  project: Project;
  actor: string;
}

const view = (b: BackupEntry): BackupView => ({ name: b.name, path: b.path, at: b.at, reason: b.reason, bytes: b.bytes });

function writable(project: Project, what: string): void {
  if (project.sqlite.inTransaction) throw new MarginaliaError('internal', `${basename(project.path)}: a backup (${what}) cannot be taken inside a transaction`);
}

/**
 * A backup taken just before a change the undo history cannot reverse. Call it outside the
 * change's transaction (SQLite cannot copy from inside one): e.g. `backupBefore(session, 'refi-import')`
 * names the file `…_before-refi-import.marginalia`. Returns the backup's path.
 */
export function backupBefore(session: Session, reason: string): string {
  writable(session.project, `before ${reason}`);
  return writeBackup(session.project.sqlite, session.project.path, `before-${reason}`);
}

/** A backup on request (`marginalia backup`, the Backups dialog). */
export function backupNow(session: Session, reason = 'manual'): BackupView {
  writable(session.project, reason);
  const path = writeBackup(session.project.sqlite, session.project.path, reason);
  const made = listBackups(session.project.path).find((b) => b.path === path);
  if (!made) throw new MarginaliaError('internal', `${basename(path)}: the backup was written but cannot be listed`);
  return view(made);
}

/**
 * Once a day: when no backup is younger than a day (and the project itself is older than a day:
 * a new project's first state is not worth a copy), one is taken as the project opens.
 */
export function dailyBackupIfDue(project: Project, now = Date.now()): string | null {
  if (project.readOnly) return null;
  const newest = listBackups(project.path)[0];
  if (newest && now - Date.parse(newest.at) < DAY_MS) return null;
  if (!newest) {
    const created = Date.parse(getMeta(project.db, 'created_at') ?? '');
    if (!Number.isFinite(created) || now - created < DAY_MS) return null;
  }
  return writeBackup(project.sqlite, project.path, 'daily');
}

export function backupsOf(projectPath: string, keep: number): BackupsView {
  return { project: basename(projectPath), folder: backupsDirOf(projectPath), keep, backups: listBackups(projectPath).map(view) };
}

export function sessionBackups(session: Session): BackupsView {
  return backupsOf(session.project.path, keepOf(session.project.sqlite));
}

/** The project's own number of backups to keep; the oldest beyond it go now. */
export function setBackupKeep(session: Session, keep: number): BackupSettingsView {
  runAction(session.project, session.actor, (action) => {
    const before = getMeta(action.db, KEEP_META_KEY);
    if (before === String(keep)) return;
    setMeta(action.db, KEEP_META_KEY, String(keep));
    action.log({ action: 'project.backupSettings', entity: 'project', before: { keep: before ?? null }, after: { keep } });
  });
  return { keep, removed: pruneBackups(session.project.path, keep) };
}

/** The backups of a file that may not open (its keep setting read if it can be, else the default). */
export function fileBackups(projectPath: string): BackupsView {
  let keep = DEFAULT_KEEP;
  if (existsSync(projectPath)) {
    let sqlite;
    try {
      sqlite = connect(projectPath);
      keep = keepOf(sqlite);
    } catch {
      // Damaged or not a project: the listing is what matters.
    } finally {
      sqlite?.close();
    }
  }
  return backupsOf(projectPath, keep);
}
