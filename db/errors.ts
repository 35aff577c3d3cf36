/**
 * SQLite failures that can surface from any query (a file damaged past page 1, a busy or
 * read-only file, a full disk), turned into the one-line errors every transport shows.
 */
import { basename } from 'node:path';
import { MarginaliaError } from '../shared/errors.js';
import { corruptMessage } from './integrity.js';

export function fromSqliteError(err: unknown, projectPath: string | null): MarginaliaError | null {
  if (!(err instanceof Error)) return null;
  const raw = (err as Error & { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  const name = projectPath ? basename(projectPath) : 'the project';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return new MarginaliaError('corrupt_file', corruptMessage(name, err.message));
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return new MarginaliaError('conflict', `${name}: the project is busy in another program; try again`);
  if (/^SQLITE_READONLY/.test(code)) return new MarginaliaError('conflict', `${name}: the project file is read-only`);
  if (/^SQLITE_FULL/.test(code)) return new MarginaliaError('internal', `${name}: the disk is full; nothing was changed`);
  if (/^SQLITE_CANTOPEN/.test(code)) return new MarginaliaError('not_found', `${name}: cannot open the project file (${err.message})`);
  return null;
}
