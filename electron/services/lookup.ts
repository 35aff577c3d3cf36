/**
 * Finding rows with clear errors. The API names items by GUID (the `…ByGuid` functions); the
 * older name lookups (document name, code path, coder name) remain for services that take names
 * and for import formats that carry them.
 */
import { basename } from 'node:path';
import { caseByGuid, type CaseRow } from '../../db/queries/cases.js';
import { coderByGuid, coderByName } from '../../db/queries/coders.js';
import { documentByGuid, documentByName, type DocumentMeta } from '../../db/queries/documents.js';
import type { Db } from '../../db/open.js';
import { fail } from '../../shared/errors.js';
import type { CodeRecord, CoderRecord } from '../../shared/types.js';
import { codeIndexOf, normalisePath } from './code-index.js';

export { normalisePath };

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

/** Codes by normalised path, from the cached index (rebuilt only after a code-book change). */
export function codeIndex(db: Db): ReadonlyMap<string, CodeRecord> {
  return codeIndexOf(db).byPath;
}

export function requireCode(db: Db, path: string, index = codeIndex(db)): CodeRecord {
  const code = index.get(normalisePath(path));
  if (!code) fail('not_found', `code "${path}" is not in the code book`);
  return code;
}

export function requireDocumentByGuid(db: Db, guid: string): DocumentMeta {
  const doc = documentByGuid(db, guid.trim());
  if (!doc) fail('not_found', `no document with GUID ${guid} is in this project`);
  return doc;
}

export function requireCodeByGuid(db: Db, guid: string): CodeRecord {
  const code = codeIndexOf(db).byGuid.get(guid.trim());
  if (!code) fail('not_found', `no code with GUID ${guid} is in the code book`);
  return code;
}

export function requireCoderByGuid(db: Db, guid: string): CoderRecord {
  const coder = coderByGuid(db, guid.trim());
  if (!coder) fail('not_found', `no coder with GUID ${guid} is in this project`);
  return coder;
}

export function requireCaseByGuid(db: Db, guid: string): CaseRow {
  const c = caseByGuid(db, guid.trim());
  if (!c) fail('not_found', `no case with GUID ${guid} is in this project`);
  return c;
}
