/**
 * What a coding write answers with: the coding as stored (as codings.forDocument would show it)
 * and the counts it changed, so the workspace paints the result and updates its lists from this
 * one answer instead of re-reading the document's codings and every list.
 */
import { allCodings, coderCodingsIn, coderRefOf, coderTally, documentGuidOf } from '../../db/queries/coding-counts.js';
import { codingByGuid } from '../../db/queries/codings.js';
import type { ApplyResultView, CodingView, CodingWriteCounts } from '../../shared/api/types.js';
import { fail } from '../../shared/errors.js';
import { codeIndexOf } from './code-index.js';
import type { ApplyResult } from './placement.js';
import type { Session } from './session.js';

export function codingWriteView(session: Session, r: ApplyResult): ApplyResultView {
  const { db } = session.project;
  const row = codingByGuid(db, r.guid);
  if (!row) fail('not_found', `coding ${r.guid} is not in this project`);
  const code = codeIndexOf(db).byId.get(row.codeId);
  const coder = coderRefOf(db, row.coderId);
  const coding: CodingView = {
    guid: row.guid,
    codeGuid: code?.guid ?? '',
    code: code?.path ?? '',
    color: code?.color ?? '#cccccc',
    coderGuid: coder.guid,
    coder: coder.name,
    start: row.start,
    end: row.end,
    memo: row.memo,
  };
  const documentGuid = documentGuidOf(db, row.documentId);
  const counts: CodingWriteCounts = {
    coder: { guid: coding.coderGuid, ...coderTally(db, row.coderId) },
    document: { guid: documentGuid, coderCodings: coderCodingsIn(db, row.coderId, row.documentId) },
    project: allCodings(db),
  };
  return { guid: r.guid, start: r.start, end: r.end, mergedWith: r.mergedWith, document: documentGuid, coding, counts };
}
