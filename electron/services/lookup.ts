/** Resolving names a researcher types (document name, code path, coder name) to rows, with clear errors. */
import { basename } from 'node:path';
import { coderByName } from '../../db/queries/coders.js';
import { listCodes } from '../../db/queries/codes.js';
import { documentByName, type DocumentMeta } from '../../db/queries/documents.js';
import type { Db } from '../../db/open.js';
import { fail } from '../../shared/errors.js';
import type { CodeRecord, CoderRecord } from '../../shared/types.js';

export function requireDocument(db: Db, name: string): DocumentMeta {
  const doc = documentByName(db, name) ?? documentByName(db, basename(name));
  if (!doc) fail('not_found', `document "${name}" is not in this project`);
  return doc;
}

export function requireCoder(db: Db, name: string): CoderRecord {
  const coder = coderByName(db, name.trim());
  if (!coder) fail('not_found', `coder "${name}" is not in this project (add it with: marginalia coders add PROJECT "${name}")`);
  return coder;
}

/** Code paths compare case-insensitively, segment by segment, ignoring spaces around "/". */
export function normalisePath(path: string): string {
  return path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join('/')
    .toLowerCase();
}

export function codeIndex(db: Db): Map<string, CodeRecord> {
  return new Map(listCodes(db).map((c) => [normalisePath(c.path), c]));
}

export function requireCode(db: Db, path: string, index = codeIndex(db)): CodeRecord {
  const code = index.get(normalisePath(path));
  if (!code) fail('not_found', `code "${path}" is not in the code book`);
  return code;
}
