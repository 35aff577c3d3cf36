/**
 * Opening a project file: recognise it, refuse what is not ours or too new, take the one-writer
 * lock (db/lock.ts), quick-check its integrity, back it up before migrating, migrate in one
 * transaction, and switch on the safety pragmas.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { fail, MarginaliaError } from '../shared/errors.js';
import { applyMigrations, latestSchemaVersion } from './migrations.js';
import * as schema from './schema.js';
import { writeBackup } from './backup.js';
import { corruptMessage, quickCheck } from './integrity.js';
import { describeHolder, tryLock, type LockHolder } from './lock.js';
import { nativeBinding } from './native.js';

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
  /** Set when another process holds the project: this connection only reads (PRAGMA query_only). */
  readOnly: LockHolder | null;
  /** Gives the lock back (closeProject calls it). */
  release: () => void;
}

export interface OpenOptions {
  /** When another Marginalia holds the project, open it for reading instead of refusing. */
  readOnlyIfLocked?: boolean;
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

/** A bare connection (no lock, no checks): for checking or restoring a file that may be damaged. */
export function connect(path: string): Database.Database {
  const binding = nativeBinding();
  // better-sqlite3's types say string, but it takes the loaded module as well.
  return new Database(path, binding ? { nativeBinding: binding as string } : {});
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
  const lock = tryLock(path);
  if (!lock.ok) fail('conflict', describeHolder(path, lock.holder));
  let sqlite: Database.Database | undefined;
  try {
    sqlite = connect(path);
    configure(sqlite);
    const db = sqlite;
    db.transaction(() => {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      applyMigrations(db, 0);
    })();
    // Fold the new header into the main file now, so any other reader sees a Marginalia project.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { path, sqlite, db: drizzle(sqlite, { schema }), openedFromVersion: 0, backupPath: null, readOnly: null, release: lock.release };
  } catch (err) {
    sqlite?.close();
    lock.release();
    throw err;
  }
}

export function openProject(path: string, options: OpenOptions = {}): Project {
  const name = basename(path);
  if (!existsSync(path)) fail('not_found', `${name}: no such project file`);
  if (statSync(path).isDirectory()) fail('not_a_project', `${name}: is a folder, not a Marginalia project file`);
  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    fail('not_a_project', `${name}: not a Marginalia project (not an SQLite database)`);
  }
  const lock = tryLock(path);
  if (!lock.ok && !options.readOnlyIfLocked) fail('conflict', describeHolder(path, lock.holder));
  const readOnly = lock.ok ? null : lock.holder;
  const release = lock.ok ? lock.release : () => {};
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
    if (readOnly) sqlite.pragma('query_only = ON');
    const problems = quickCheck(sqlite);
    if (problems.length) fail('corrupt_file', corruptMessage(name, problems[0]!));
    let backupPath: string | null = null;
    if (version < latest) {
      if (readOnly) fail('conflict', `${describeHolder(path, readOnly)} (it needs upgrading from schema ${version} first)`);
      backupPath = writeBackup(sqlite, path, `before-migration-schema${version}`);
      const db = sqlite;
      db.transaction(() => applyMigrations(db, version))();
    }
    return { path, sqlite, db: drizzle(sqlite, { schema }), openedFromVersion: version, backupPath, readOnly, release };
  } catch (err) {
    sqlite?.close();
    release();
    if (err instanceof MarginaliaError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/not a database|malformed|corrupt/i.test(message)) fail('corrupt_file', corruptMessage(name, message));
    throw err;
  }
}

/**
 * A fresh connection to the same file for an open project (after a restore replaced the file):
 * the Project object stays the same, so everything holding it (listeners, sessions) carries on.
 */
export function reconnect(project: Project): void {
  if (project.sqlite.open) project.sqlite.close();
  const sqlite = connect(project.path);
  try {
    configure(sqlite);
    const problems = quickCheck(sqlite);
    if (problems.length) fail('corrupt_file', corruptMessage(basename(project.path), problems[0]!));
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version < latestSchemaVersion()) {
      writeBackup(sqlite, project.path, `before-migration-schema${version}`);
      sqlite.transaction(() => applyMigrations(sqlite, version))();
    }
  } catch (err) {
    sqlite.close();
    throw err;
  }
  project.sqlite = sqlite;
  project.db = drizzle(sqlite, { schema });
}

export function closeProject(project: Project): void {
  if (project.sqlite.open) project.sqlite.close();
  project.release();
}
