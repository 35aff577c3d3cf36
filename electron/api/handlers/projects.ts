/**
 * Handlers for shared/api/methods/projects.ts. They run with or without an open project: the
 * host (the HTTP bridge) holds the open session and swaps it; in the desktop app and the CLI the
 * project is fixed (a window per project, opened from the File menu), so switching is refused.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { projectMethods } from '../../../shared/api/methods/projects.js';
import type { ProjectsView } from '../../../shared/api/types-projects.js';
import { fail } from '../../../shared/errors.js';
import { initProject } from '../../services/project.js';
import { forgetProject, recentProjects, rememberProject } from '../../services/recent-projects.js';
import { openSession, type Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type ProjectMethod = keyof typeof projectMethods;

export interface ProjectHost {
  session(): Session | null;
  /** Takes the new session (null: none); the one before is closed by the host. */
  replace(next: Session | null): void;
  /** A path given on the command line that does not exist yet. */
  offered: string | null;
  actor: string;
}

export const PROJECT_EXTENSION = '.marginalia';

/** Where new projects go unless another folder is typed: Documents when there is one. */
export function defaultFolder(): string {
  const docs = join(homedir(), 'Documents');
  return existsSync(docs) ? docs : homedir();
}

/** A typed path made absolute (~ is the home folder; a bare name goes in the default folder). */
export function projectPath(typed: string, forNew: boolean): string {
  let p = typed.trim();
  if (p === '~' || p.startsWith('~/')) p = join(homedir(), p.slice(1));
  if (!isAbsolute(p)) p = p.includes('/') || p.includes('\\') ? resolve(p) : join(defaultFolder(), p);
  if (forNew && extname(p).toLowerCase() !== PROJECT_EXTENSION) p += PROJECT_EXTENSION;
  return p;
}

function view(host: ProjectHost | null, fixed: Session | null): ProjectsView {
  const open = host ? (host.session()?.project.path ?? null) : (fixed?.project.path ?? null);
  return { open, recent: recentProjects(), offered: host?.offered && !open ? host.offered : null, folder: defaultFolder(), canSwitch: !!host };
}

const fixedOnly = (): never => fail('invalid_input', 'this window keeps its project: use File > New Project or Open Project in the menu bar');

/** The projects methods over `host`, or (no host) over a project that stays open. */
export function projectHandlers(host: ProjectHost | null, fixed: Session | null = null): { [M in ProjectMethod]: Handler<M> } {
  const swap = (open: () => Session) => {
    if (!host) return fixedOnly();
    const next = open();
    host.replace(next);
    // The command line's path was offered for a new project; once one is open, it no longer is.
    host.offered = null;
    rememberProject(next.project.path);
    return view(host, null);
  };
  return {
    'projects.current': () => view(host, fixed),
    'projects.open': ({ path }) =>
      swap(() => {
        const p = projectPath(path, false);
        if (!existsSync(p)) fail('not_found', `${p}: no such project file (check the folder and the name, or create a new project there)`);
        if (statSync(p).isDirectory()) fail('not_a_project', `${p}: is a folder; give the path of a ${PROJECT_EXTENSION} file`);
        if (p === host?.session()?.project.path) return host.session()!;
        return openSession(p, host?.actor);
      }),
    'projects.create': ({ path, name }) =>
      swap(() => {
        const p = projectPath(path, true);
        if (!existsSync(dirname(p)) || !statSync(dirname(p)).isDirectory())
          fail('not_found', `${dirname(p)}: no such folder; create it first or choose another`);
        if (existsSync(p)) fail('conflict', `${p}: a file already exists there; open it, or choose another name`);
        return initProject(p, { ...(name && { name }), ...(host && { actor: host.actor }) });
      }),
    'projects.close': () => {
      if (!host) return fixedOnly();
      host.replace(null);
      return view(host, null);
    },
    'projects.forget': ({ path }) => {
      forgetProject(path);
      return view(host, fixed);
    },
  };
}
