/**
 * The counts one coding write can change, read with indexed COUNTs (a coding write answers with
 * them, so the workspace updates its lists without re-reading every count).
 */
import { prepared } from '../prepared.js';
import type { Db } from '../open.js';

export interface CoderTally {
  /** The coder's codings in the whole project. */
  codings: number;
  /** Documents holding at least one of them. */
  documents: number;
}

export function coderTally(db: Db, coderId: number): CoderTally {
  return prepared(db, 'SELECT count(*) AS codings, count(DISTINCT document_id) AS documents FROM codings WHERE coder_id = ?').get(coderId) as CoderTally;
}

/** The coder's codings in one document. */
export function coderCodingsIn(db: Db, coderId: number, documentId: number): number {
  return (prepared(db, 'SELECT count(*) AS n FROM codings WHERE coder_id = ? AND document_id = ?').get(coderId, documentId) as { n: number }).n;
}

/** Every coding in the project. */
export function allCodings(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM codings').get() as { n: number }).n;
}

export function documentGuidOf(db: Db, id: number): string {
  return (prepared(db, 'SELECT guid FROM documents WHERE id = ?').get(id) as { guid: string } | undefined)?.guid ?? '';
}

export function coderRefOf(db: Db, id: number): { guid: string; name: string } {
  return (prepared(db, 'SELECT guid, name FROM coders WHERE id = ?').get(id) as { guid: string; name: string } | undefined) ?? { guid: '', name: '' };
}
