/**
 * Projects from the UI (issue 12 point 12): which project is open, the recent ones, and opening or
 * creating one by its path. They work with no project open (the browser-mode start screen); the
 * bridge answers them itself, as it is what holds the open project. Spread into shared/api/contract.ts.
 */
import { z } from 'zod';
import type { ProjectsView } from '../types-projects.js';
import { filePath, name, none, result } from '../schema-parts.js';

export const projectMethods = {
  /** The open project's path (null on the start screen), the recent projects, and a path offered for a new project. */
  'projects.current': { args: () => none(), result: result<ProjectsView>() },
  /** Opens an existing project file; the one open before is closed. */
  'projects.open': { args: () => z.strictObject({ path: filePath() }), result: result<ProjectsView>() },
  /** Creates a new, empty project file (never over an existing file) and opens it. */
  'projects.create': { args: () => z.strictObject({ path: filePath(), name: name().optional() }), result: result<ProjectsView>() },
  /** Closes the open project: the start screen shows. */
  'projects.close': { args: () => none(), result: result<ProjectsView>() },
  /** Drops a path from the recent list (the file itself is left alone). */
  'projects.forget': { args: () => z.strictObject({ path: filePath() }), result: result<ProjectsView>() },
} as const;
