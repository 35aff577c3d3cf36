/**
 * Opening a project file: recognise it, refuse what is not ours or too new, back it up
 * before migrating, migrate in one transaction, and switch on the safety pragmas.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { fail, MarginaliaError } from '../shared/errors.js';
import { applyMigrations, latestSchemaVersion } from './migrations.js';
import * as schema from './schema.js';
import { backupFile } from './backup.js';
import { nativeBindingPath } from './native.js';

/** 'MRGN' in the SQLite header's application_id field marks a Marginalia project. */
export const APPLICATION_ID = 0x4d52474e;
export { PROJECT_EXTENSION } from '../shared/project-file.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Project {
  path: string;
  sqlite: Database.Database;
  db: Db;
  /** Schema version the file had before this open (0 for a new file). */
  openedFromVersion: number;
  /** Path of the backup made before migrating, if one was needed. */
  backupPath: string | null;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function connect(path: string): Database.Database {
  const binding = nativeBindingPath();
  return new Database(path, binding ? { nativeBinding: binding } : {});
}

function configure(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed action survives a power cut, not only an app crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

export function createProject(path: string): Project {
  if (existsSync(path) && statSync(path).size > 0) {
    fail('conflict', `${basename(path)}: a file already exists there; choose another name`);
  }
  const sqlite = connect(path);
  try {
    configure(sqlite);
    sqlite.transaction(() => {
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      applyMigrations(sqlite, 0);
    })();
    // Fold the new header into the main file now, so any other reader sees a Marginalia project.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { path, sqlite, db: drizzle(sqlite, { schema }), openedFromVersion: 0, backupPath: null };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

export function openProject(path: string): Project {
  const name = basename(path);
  if (!existsSync(path)) fail('not_found', `${name}: no such project file`);
  if (statSync(path).isDirectory()) fail('not_a_project', `${name}: is a folder, not a Marginalia project file`);
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    fail('not_a_project', `${name}: not a Marginalia project (not an SQLite database)`);
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = connect(path);
    // Read through SQLite, not from the file header: in WAL mode a fresh project's header change
    // may still sit in the -wal file while another process has the project open.
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      fail('not_a_project', `${name}: an SQLite database, but not a Marginalia project`);
    }
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    const latest = latestSchemaVersion();
    if (version > latest) {
      fail('newer_schema', `${name}: saved by a newer Marginalia (schema ${version}; this version reads up to ${latest}); update Marginalia to open it`);
    }
    configure(sqlite);
    let backupPath: string | null = null;
    if (version < latest) {
      backupPath = backupFile(sqlite, path, version);
      const db = sqlite;
      db.transaction(() => applyMigrations(db, version))();
    }
    return { path, sqlite, db: drizzle(sqlite, { schema }), openedFromVersion: version, backupPath };
  } catch (err) {
    sqlite?.close();
    if (err instanceof MarginaliaError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/not a database|malformed|corrupt/i.test(message)) {
      fail('corrupt_file', `${name}: the project file is corrupt (${message})`);
    }
    throw err;
  }
}

export function closeProject(project: Project): void {
  if (project.sqlite.open) project.sqlite.close();
}
