/** Counts for lists (code tree, coders, documents): grouped in SQL, never by loading codings. */
import { codingCounts } from '../../db/queries/codings.js';
import { listCoders } from '../../db/queries/coders.js';
import { listCodes } from '../../db/queries/codes.js';
import type { Session } from './session.js';

export interface CoderCount {
  id: number;
  name: string;
  guid: string;
  codings: number;
  documents: number;
}

export function coderCounts(session: Session): CoderCount[] {
  const rows = codingCounts(session.project.db);
  return listCoders(session.project.db).map((c) => {
    const mine = rows.filter((r) => r.coderId === c.id);
    return { id: c.id, name: c.name, guid: c.guid, codings: mine.reduce((n, r) => n + r.n, 0), documents: new Set(mine.map((r) => r.documentId)).size };
  });
}

/** Per code path: its own codings and the total with all its sub-codes. */
export function codeCounts(session: Session): Map<string, { own: number; total: number }> {
  const own = new Map<number, number>();
  for (const r of codingCounts(session.project.db)) own.set(r.codeId, (own.get(r.codeId) ?? 0) + r.n);
  const codes = listCodes(session.project.db);
  const out = new Map<string, { own: number; total: number }>();
  // Codes come parents-first; walk backwards so every child's total is ready before its parent's.
  const totals = new Map<number, number>();
  for (let i = codes.length - 1; i >= 0; i -= 1) {
    const c = codes[i]!;
    const total = (totals.get(c.id) ?? 0) + (own.get(c.id) ?? 0);
    totals.set(c.id, total);
    if (c.parentId !== null) totals.set(c.parentId, (totals.get(c.parentId) ?? 0) + total);
    out.set(c.path, { own: own.get(c.id) ?? 0, total });
  }
  return out;
}
