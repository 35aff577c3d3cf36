/**
 * Reads the committed drizzle-kit migrations (journal + SQL files) and applies the missing
 * ones. The schema version of a project file is PRAGMA user_version = number of migrations
 * applied, so a file from a newer Marginalia (more migrations than we know) is recognisable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

const defaultDir = fileURLToPath(new URL('./migrations/', import.meta.url));

let cached: { dir: string; list: Migration[] } | undefined;

/** Where migrations live: beside this file in development, overridable for packaged builds. */
export function migrationsDir(): string {
  return process.env.MARGINALIA_MIGRATIONS_DIR ?? defaultDir;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  if (cached && cached.dir === dir) return cached.list;
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const list = journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      version: e.idx + 1,
      tag: e.tag,
      statements: readFileSync(join(dir, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
  cached = { dir, list };
  return list;
}

export function latestSchemaVersion(): number {
  return loadMigrations().length;
}

/** Applies every migration above `from` inside the caller's transaction. */
export function applyMigrations(sqlite: Database.Database, from: number): number {
  const pending = loadMigrations().filter((m) => m.version > from);
  for (const m of pending) {
    for (const statement of m.statements) sqlite.exec(statement);
  }
  const to = from + pending.length;
  sqlite.pragma(`user_version = ${to}`);
  return to;
}
