/**
 * A session is an open project plus who is acting. Every service takes one, so the CLI,
 * the HTTP bridge and the Electron shell call the same functions.
 */
import { userInfo } from 'node:os';
import { closeProject, createProject, openProject, type OpenOptions, type Project } from '../../db/open.js';
import { dailyBackupIfDue } from './safety/backups.js';

export interface Session {
  project: Project;
  /** Who the event log records for each change (a coder's name, or the OS user). */
  actor: string;
}

export function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Opens a project (see db/open.ts: lock, quick check, migration) and takes the day's backup if due. */
export function openSession(path: string, actor = defaultActor(), options: OpenOptions = {}): Session {
  const project = openProject(path, options);
  try {
    dailyBackupIfDue(project);
  } catch (err) {
    // A backup that cannot be written (full disk, read-only folder) must not lock the user out.
    console.error(`marginalia: the daily backup of ${path} failed:`, err instanceof Error ? err.message : err);
  }
  return { project, actor };
}

export function createSession(path: string, actor = defaultActor()): Session {
  return { project: createProject(path), actor };
}

export function closeSession(session: Session): void {
  closeProject(session.project);
}
