/** The full integrity check (integrity_check + foreign_key_check), on an open session or on a file that may not open. */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fullCheck } from '../../../db/integrity.js';
import { APPLICATION_ID, connect } from '../../../db/open.js';
import { fail } from '../../../shared/errors.js';
import type { IntegrityView } from '../../../shared/safety/types.js';
import type { Session } from '../session.js';

export function checkSession(session: Session): IntegrityView {
  const { sqlite, path } = session.project;
  return { project: basename(path), ...fullCheck(sqlite), schemaVersion: sqlite.pragma('user_version', { simple: true }) as number };
}

function isSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

/** Reads only (no lock needed: it may run while the project is open elsewhere). */
export function checkFile(path: string): IntegrityView {
  const name = basename(path);
  if (!existsSync(path)) fail('not_found', `${name}: no such project file`);
  if (statSync(path).isDirectory()) fail('not_a_project', `${name}: is a folder, not a Marginalia project file`);
  if (!isSqlite(path)) fail('not_a_project', `${name}: not a Marginalia project (not an SQLite database)`);
  let sqlite;
  try {
    sqlite = connect(path);
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID)
      fail('not_a_project', `${name}: an SQLite database, but not a Marginalia project`);
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    return { project: name, ...fullCheck(sqlite), schemaVersion };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!/not a database|malformed|corrupt/i.test(message)) throw err;
    return { project: name, ok: false, integrity: [message], foreignKeys: [], schemaVersion: -1 };
  } finally {
    sqlite?.close();
  }
}
