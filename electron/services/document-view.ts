/** What the transcript view needs about one document's codings: spans with code path, colour and coder. */
import { listCoders } from '../../db/queries/coders.js';
import { findCodings } from '../../db/queries/codings.js';
import type { CodingView } from '../../shared/api/types.js';
import { visibleCoderIds } from './blind.js';
import { codeIndexOf } from './code-index.js';
import { requireCoder, requireDocument } from './lookup.js';
import type { Session } from './session.js';

export interface DocumentCodingsRequest {
  document: string;
  /** Only these coders' codings (default: every coder the viewer may see). */
  coders?: string[];
  /** Who is looking: under blind coding only their own codings come back until they reveal. */
  viewer?: string;
}

export function codingsOfDocument(session: Session, req: DocumentCodingsRequest): CodingView[] {
  const { db } = session.project;
  const doc = requireDocument(db, req.document);
  const visible = visibleCoderIds(session, req.viewer);
  const asked = req.coders?.map((n) => requireCoder(db, n).id);
  const coderIds = visible ? (asked ?? visible).filter((id) => visible.includes(id)) : asked;
  const codes = codeIndexOf(db).byId;
  const coders = new Map(listCoders(db).map((c) => [c.id, c]));
  return findCodings(db, { documentIds: [doc.id], ...(coderIds && { coderIds }) }).map((c) => ({
    guid: c.guid,
    codeGuid: codes.get(c.codeId)?.guid ?? '',
    code: codes.get(c.codeId)?.path ?? '',
    color: codes.get(c.codeId)?.color ?? '#cccccc',
    coderGuid: coders.get(c.coderId)?.guid ?? '',
    coder: coders.get(c.coderId)?.name ?? '',
    start: c.start,
    end: c.end,
    memo: c.memo,
  }));
}
