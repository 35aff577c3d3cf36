/**
 * Backups of a project: consistent copies in a folder beside it (`NAME.marginalia-backups/`),
 * named by time and reason so a person can pick one, and kept rolling (the newest N). Each is
 * written with VACUUM INTO, which reads one snapshot through the WAL, so the copy holds every
 * committed change and nothing half-done (a plain file copy of a live WAL database does not). It
 * is written under a temporary name and renamed, so a copy cut short by a crash is never listed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';

export const DEFAULT_KEEP = 10;
export const KEEP_META_KEY = 'backups_keep';

export interface BackupEntry {
  /** The file name inside the backups folder (what `restore` takes). */
  name: string;
  path: string;
  /** When it was made (ISO, UTC). */
  at: string;
  reason: string;
  bytes: number;
}

export const backupsDirOf = (projectPath: string): string => `${projectPath}-backups`;

const NAME = /^(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z_([a-z0-9-]+?)(?:-(\d+))?\.marginalia$/;

/** `2026-12-03_08-15-20.123Z`: sorts by time, reads as one, and is a valid file name everywhere. */
export function stampOf(date = new Date()): string {
  return date.toISOString().slice(0, 23).replace('T', '_').replace(/:/g, '-');
}

/** A reason as it appears in a file name: lower-case words joined by hyphens. */
export function reasonSlug(reason: string): string {
  return (
    reason
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'manual'
  );
}

/** How many backups the project keeps (its own setting, else the default). */
export function keepOf(sqlite: Database.Database): number {
  try {
    const row = sqlite.prepare('SELECT value FROM project_meta WHERE key = ?').get(KEEP_META_KEY) as { value: string } | undefined;
    const n = Number(row?.value);
    return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP;
  } catch {
    return DEFAULT_KEEP;
  }
}

/** Writes a new backup of the open database and drops the oldest beyond `keep`. Returns its path. */
export function writeBackup(sqlite: Database.Database, projectPath: string, reason: string, keep = keepOf(sqlite)): string {
  const dir = backupsDirOf(projectPath);
  mkdirSync(dir, { recursive: true });
  const stamp = stampOf();
  const slug = reasonSlug(reason);
  let target = join(dir, `${stamp}Z_${slug}.marginalia`);
  for (let i = 2; existsSync(target); i += 1) target = join(dir, `${stamp}Z_${slug}-${i}.marginalia`);
  const partial = join(dir, `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  // A read-only connection (another process holds the project) may still copy it: VACUUM INTO
  // only reads this database, but query_only forbids it, so it is lifted for this one statement.
  const queryOnly = sqlite.pragma('query_only', { simple: true }) === 1;
  if (queryOnly) sqlite.pragma('query_only = OFF');
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
  } finally {
    if (queryOnly) sqlite.pragma('query_only = ON');
  }
  renameSync(partial, target);
  pruneBackups(projectPath, keep, target);
  return target;
}

export function listBackups(projectPath: string): BackupEntry[] {
  const dir = backupsDirOf(projectPath);
  if (!existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    out.push({ name, path, at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, reason: m[6]!, bytes: statSync(path).size });
  }
  // Newest first; within one millisecond, the later suffix first.
  return out.sort((a, b) => (a.at === b.at ? suffix(b.name) - suffix(a.name) : a.at < b.at ? 1 : -1));
}

const suffix = (name: string): number => Number(NAME.exec(name)?.[7] ?? 1);

/** Deletes the oldest backups beyond `keep` (never `spare`, the one just written). */
export function pruneBackups(projectPath: string, keep: number, spare?: string): string[] {
  const removed: string[] = [];
  const list = listBackups(projectPath);
  for (const b of list.slice(Math.max(1, keep))) {
    if (b.path === spare) continue;
    rmSync(b.path, { force: true });
    removed.push(b.name);
  }
  return removed;
}

/**
 * The copy made before a coder-project merge (kept for its callers' signature; the schema version
 * it once named is in the file itself).
 */
export function backupFile(sqlite: Database.Database, path: string, schemaVersion: number): string {
  void schemaVersion;
  return writeBackup(sqlite, path, 'before-merge');
}
