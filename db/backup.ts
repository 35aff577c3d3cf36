import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * A consistent copy of the open database beside it, made before anything rewrites the file
 * (a migration today; a merge later). VACUUM INTO reads through the WAL, so the copy holds
 * every committed change. Returns the backup's path.
 */
export function backupFile(sqlite: Database.Database, path: string, schemaVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = `${path}.backup-schema${schemaVersion}-${stamp}`;
  for (let i = 2; existsSync(target); i += 1) target = `${path}.backup-schema${schemaVersion}-${stamp}-${i}`;
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
