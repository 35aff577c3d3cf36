/**
 * A session is an open project plus who is acting. Every service takes one, so the CLI,
 * the HTTP bridge and the Electron shell call the same functions.
 */
import { userInfo } from 'node:os';
import { closeProject, createProject, openProject, type Project } from '../../db/open.js';

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

export function openSession(path: string, actor = defaultActor()): Session {
  return { project: openProject(path), actor };
}

export function createSession(path: string, actor = defaultActor()): Session {
  return { project: createProject(path), actor };
}

export function closeSession(session: Session): void {
  closeProject(session.project);
}
