/** Handlers for the methods in shared/api/methods/safety.ts: on the open session, and on a file (the CLI's `check`, `backups`, `restore`). */
import type { safetyMethods } from '../../../shared/api/methods/safety.js';
import { backupNow, fileBackups, sessionBackups, setBackupKeep } from '../../services/safety/backups.js';
import { checkFile, checkSession } from '../../services/safety/check.js';
import { restoreFile, restoreInSession } from '../../services/safety/restore.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type SafetyMethod = keyof typeof safetyMethods;

export function safetyHandlers(session: Session): { [M in SafetyMethod]: Handler<M> } {
  return {
    'project.check': () => checkSession(session),
    'project.backup': ({ reason }) => backupNow(session, reason ?? 'manual'),
    'project.backups': () => sessionBackups(session),
    'project.restore': ({ backup }) => restoreInSession(session, backup),
    'project.backupSettings': ({ keep }) => setBackupKeep(session, keep),
  };
}

/** The calls that work on a project file without opening it as a session, so they also serve a damaged one. */
export const FILE_SAFETY_METHODS = ['project.check', 'project.backups', 'project.restore'] as const;
export type FileSafetyMethod = (typeof FILE_SAFETY_METHODS)[number];

export function fileSafetyHandlers(path: string): { [M in FileSafetyMethod]: Handler<M> } {
  return {
    'project.check': () => checkFile(path),
    'project.backups': () => fileBackups(path),
    'project.restore': ({ backup }) => restoreFile(path, backup),
  };
}
