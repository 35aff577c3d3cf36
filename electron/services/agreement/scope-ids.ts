/**
 * The API names coders, codes and documents by GUID; the agreement services take the names a
 * researcher reads (and report them back). This turns a GUID scope into that name scope, once
 * per call, with a clear error for a GUID that is not in the project.
 */
import { coderByGuid } from '../../../db/queries/coders.js';
import { listCodes } from '../../../db/queries/codes.js';
import { documentByGuid } from '../../../db/queries/documents.js';
import { fail } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import type { AgreementScope } from './data.js';

export interface ScopeByGuid {
  coders: readonly [string, string];
  codes?: readonly string[] | undefined;
  documents?: readonly string[] | undefined;
}

export function scopeOfGuids(session: Session, ids: ScopeByGuid): AgreementScope {
  const { db } = session.project;
  const coder = (g: string) => coderByGuid(db, g)?.name ?? fail('not_found', `no coder with GUID "${g}" in this project`);
  const codes = ids.codes?.length ? new Map(listCodes(db).map((c) => [c.guid, c.path])) : undefined;
  const code = (g: string) => codes?.get(g) ?? fail('not_found', `no code with GUID "${g}" in the code book`);
  const document = (g: string) => documentByGuid(db, g)?.name ?? fail('not_found', `no document with GUID "${g}" in this project`);
  return {
    coders: [coder(ids.coders[0]), coder(ids.coders[1])],
    ...(ids.codes?.length && { codes: ids.codes.map(code) }),
    ...(ids.documents?.length && { documents: ids.documents.map(document) }),
  };
}
