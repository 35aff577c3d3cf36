/**
 * The one door to a project for every caller that is not a transport: the CLI, the Electron
 * menu actions, scripts and tests. A door opens (or creates) a project file and answers contract
 * calls through the same `dispatch` and handlers the HTTP bridge and IPC use, so an operation
 * written once (contract → handler → service) is reachable from all of them, validated alike.
 */
import { fromSqliteError } from '../../db/errors.js';
import { isApiMethod, methodWrites, type ApiArgs, type ApiMethod, type ApiResponse, type ApiResult } from '../../shared/api/contract.js';
import { MarginaliaError, type ErrorCode } from '../../shared/errors.js';
import { initProject, type InitOptions } from '../services/project.js';
import { closeSession, openSession, type Session } from '../services/session.js';
import { dispatch } from './dispatch.js';
import { createHandlers } from './handlers.js';
import type { Handlers } from './handler-types.js';
import { FILE_SAFETY_METHODS, fileSafetyHandlers, type FileSafetyMethod } from './handlers/safety.js';
import { describeHolder } from '../../db/lock.js';

export interface ProjectDoor {
  readonly path: string;
  /** The schema the file had before this open upgraded it (0: new or current), and the copy kept. */
  readonly upgraded: { fromVersion: number; backupPath: string } | null;
  /** One contract call; a refusal throws a MarginaliaError with the call's code and one line. */
  call<M extends ApiMethod>(method: M, ...args: Record<never, never> extends ApiArgs<M> ? [ApiArgs<M>?] : [ApiArgs<M>]): Promise<ApiResult<M>>;
  /** The raw answer, for transports that pass it on as it is. */
  dispatch(method: string, args: unknown): Promise<ApiResponse<unknown>>;
  close(): void;
}

function doorOver(session: Session): ProjectDoor {
  const handlers = createHandlers(session);
  const path = session.project.path;
  const { openedFromVersion, backupPath } = session.project;
  const { readOnly } = session.project;
  const answer = async (method: string, args: unknown): Promise<ApiResponse<unknown>> => {
    // Another Marginalia has the project: this door reads, and a change is refused in one line.
    if (readOnly && isApiMethod(method) && methodWrites(method)) return { ok: false, error: { code: 'conflict', message: describeHolder(path, readOnly) } };
    const r = await dispatch(handlers, method, args ?? {}, path);
    if (readOnly && !r.ok && /read-only/.test(r.error.message)) return { ok: false, error: { code: 'conflict', message: describeHolder(path, readOnly) } };
    return r;
  };
  return {
    path,
    upgraded: backupPath ? { fromVersion: openedFromVersion, backupPath } : null,
    dispatch: answer,
    async call(method, ...args) {
      const r = await answer(method, args[0] ?? {});
      if (!r.ok) throw new MarginaliaError(r.error.code as ErrorCode, r.error.message);
      return r.data as never;
    },
    close: () => closeSession(session),
  };
}

/**
 * Opens an existing project (migrating it, with a backup first, when it is from an older schema).
 * When another Marginalia process has it open, the door only reads: every writing call is refused.
 */
export function openProjectDoor(path: string, actor?: string): ProjectDoor {
  return explained(path, () => doorOver(openSession(path, actor, { readOnlyIfLocked: true })));
}

/** Calls on a project file that need not (or cannot) be opened: `check`, `backups`, `restore` of a damaged file. */
export interface FileDoor {
  readonly path: string;
  call<M extends FileSafetyMethod>(method: M, ...args: Record<never, never> extends ApiArgs<M> ? [ApiArgs<M>?] : [ApiArgs<M>]): Promise<ApiResult<M>>;
}

export function openFileDoor(path: string): FileDoor {
  const handlers = fileSafetyHandlers(path);
  return {
    path,
    async call(method, ...args) {
      if (!(FILE_SAFETY_METHODS as readonly string[]).includes(method)) throw new MarginaliaError('invalid_input', `${method} needs the project opened`);
      // Only the listed methods are ever looked up in this partial table.
      const r = await dispatch(handlers as unknown as Handlers, method, args[0] ?? {}, path);
      if (!r.ok) throw new MarginaliaError(r.error.code as ErrorCode, r.error.message);
      return r.data as never;
    },
  };
}

/** Creates a new project file (the default code book unless `empty`). */
export function createProjectDoor(path: string, options: InitOptions = {}): ProjectDoor {
  return explained(path, () => doorOver(initProject(path, options)));
}

/** A file SQLite cannot open (corrupt, locked, not a database) is named in one readable line. */
function explained(path: string, open: () => ProjectDoor): ProjectDoor {
  try {
    return open();
  } catch (err) {
    throw fromSqliteError(err, path) ?? err;
  }
}

/** The actor recorded in the event log when none is named: the OS user. */
export { defaultActor } from '../services/session.js';
