/**
 * What the shell remembers between runs, in one small JSON file in the user-data folder: the
 * recent projects and the window's size and position. A missing or damaged file means defaults;
 * it is never a reason not to start.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShellState {
  recent: string[];
  window?: { bounds: Rect; maximized: boolean };
}

export const MAX_RECENT = 10;

const isRect = (r: unknown): r is Rect =>
  typeof r === 'object' && r !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((r as Record<string, unknown>)[k]));

export function loadState(file: string): ShellState {
  try {
    if (!existsSync(file)) return { recent: [] };
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShellState>;
    const recent = Array.isArray(raw.recent) ? raw.recent.filter((p): p is string => typeof p === 'string' && isAbsolute(p)).slice(0, MAX_RECENT) : [];
    const w = raw.window;
    return w && isRect(w.bounds) ? { recent, window: { bounds: w.bounds, maximized: w.maximized === true } } : { recent };
  } catch {
    return { recent: [] };
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the old file. */
export function saveState(file: string, state: ShellState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2));
  renameSync(tmp, file);
}

/** The path first, without duplicates, at most MAX_RECENT. */
export function withRecent(recent: readonly string[], path: string): string[] {
  const key = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
  return [path, ...recent.filter((p) => key(p) !== key(path))].slice(0, MAX_RECENT);
}

/**
 * The saved bounds if at least a 100×100 corner of them is still on one of the displays (a
 * monitor may have been unplugged since); otherwise none, and the window opens at the default.
 */
export function visibleBounds(saved: Rect | undefined, workAreas: readonly Rect[]): Rect | undefined {
  if (!saved || saved.width < 200 || saved.height < 200) return undefined;
  const onScreen = workAreas.some((a) => {
    const w = Math.min(saved.x + saved.width, a.x + a.width) - Math.max(saved.x, a.x);
    const h = Math.min(saved.y + saved.height, a.y + a.height) - Math.max(saved.y, a.y);
    return w >= 100 && h >= 100;
  });
  return onScreen ? saved : undefined;
}

/**
 * Project files named on a command line. `skip` is how many leading entries are the app itself
 * (2 for `electron .`, 1 for a packaged app); flags (Chromium's or macOS's -psn_…) are ignored.
 */
export function projectPathsFromArgv(argv: readonly string[], cwd: string, skip: number): string[] {
  return argv
    .slice(skip)
    .filter((a) => a.length > 0 && !a.startsWith('-'))
    .map((a) => resolve(cwd, a));
}
