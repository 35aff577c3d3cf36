/** What the transcript view needs about one document's codings: spans with code path, colour and coder. */
import { listCoders } from '../../db/queries/coders.js';
import { findCodings } from '../../db/queries/codings.js';
import { listCodes } from '../../db/queries/codes.js';
import type { CodingView } from '../../shared/api/contract.js';
import { visibleCoderIds } from './blind.js';
import { requireDocument } from './lookup.js';
import type { Session } from './session.js';

export function codingsOfDocument(session: Session, document: string, viewer?: string): CodingView[] {
  const { db } = session.project;
  const doc = requireDocument(db, document);
  const visible = visibleCoderIds(session, viewer);
  const codes = new Map(listCodes(db).map((c) => [c.id, c]));
  const coders = new Map(listCoders(db).map((c) => [c.id, c.name]));
  return findCodings(db, { documentIds: [doc.id], ...(visible && { coderIds: visible }) }).map((c) => ({
    guid: c.guid,
    codeGuid: codes.get(c.codeId)?.guid ?? '',
    code: codes.get(c.codeId)?.path ?? '',
    color: codes.get(c.codeId)?.color ?? '#cccccc',
    coder: coders.get(c.coderId) ?? '',
    start: c.start,
    end: c.end,
    memo: c.memo,
  }));
}
