/**
 * Recent projects for browser mode, kept in recent-projects.json in Marginalia's own folder
 * (paths.ts), not in the page's localStorage: the bridge starts on a new port each run, and
 * localStorage belongs to one origin (one port), so a list kept there would be lost every time.
 * A broken or missing file is an empty list; a write failure never stops a project from opening.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { RecentProject } from '../../shared/api/types-projects.js';
import { appDataDir } from './paths.js';

const MAX = 12;

export function recentFile(): string {
  return join(appDataDir(), 'recent-projects.json');
}

function readList(): { path: string; openedAt: string }[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(recentFile(), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is { path: string; openedAt: string } => typeof e?.path === 'string' && typeof e?.openedAt === 'string' && e.path.length > 0);
  } catch {
    return [];
  }
}

function writeList(list: { path: string; openedAt: string }[]): void {
  try {
    const file = recentFile();
    mkdirSync(dirname(file), { recursive: true });
    // Written beside and renamed over: a crash mid-write leaves the old list, not half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(list.slice(0, MAX), null, 2));
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    console.error(`marginalia: could not remember recent projects: ${(err as Error).message}`);
  }
}

export function recentProjects(): RecentProject[] {
  return readList().map((e) => ({ path: e.path, name: basename(e.path, extname(e.path)), openedAt: e.openedAt, exists: existsSync(e.path) }));
}

export function rememberProject(path: string, at = new Date().toISOString()): void {
  writeList([{ path, openedAt: at }, ...readList().filter((e) => e.path !== path)]);
}

export function forgetProject(path: string): void {
  writeList(readList().filter((e) => e.path !== path));
}
