/** Counts for lists (code tree, coders, documents): grouped in SQL, never by loading codings. */
import { codingCounts } from '../../db/queries/codings.js';
import { listCoders } from '../../db/queries/coders.js';
import { getMeta } from '../../db/queries/meta.js';
import { visibleCoderIds } from './blind.js';
import { codeIndexOf } from './code-index.js';
import { requireCoder } from './lookup.js';
import type { Session } from './session.js';

export interface CoderCount {
  id: number;
  name: string;
  guid: string;
  codings: number;
  documents: number;
  /** A consensus coder: the GUIDs of the two coders it reconciles (A first). */
  consensusOf?: [string, string];
}

export function coderCounts(session: Session): CoderCount[] {
  const rows = codingCounts(session.project.db);
  return listCoders(session.project.db).map((c) => {
    const mine = rows.filter((r) => r.coderId === c.id);
    const pair = getMeta(session.project.db, `consensus:${c.guid}`)?.split('+');
    return {
      id: c.id,
      name: c.name,
      guid: c.guid,
      codings: mine.reduce((n, r) => n + r.n, 0),
      documents: new Set(mine.map((r) => r.documentId)).size,
      ...(pair?.length === 2 && { consensusOf: pair as [string, string] }),
    };
  });
}

/** Whose codings a count covers: coder names; under blind coding also who is looking. */
export interface CountScope {
  coders?: string[];
  viewer?: string;
}

/** The coder ids to count, or undefined for every coder. Unscoped counts cover everyone, as before. */
function countedCoderIds(session: Session, scope: CountScope): number[] | undefined {
  if (!scope.coders && scope.viewer === undefined) return undefined;
  // Nobody's codings (Mine before a coder is chosen): nothing to hide, so no viewer is needed.
  if (scope.coders?.length === 0) return [];
  const visible = visibleCoderIds(session, scope.viewer);
  const asked = scope.coders?.map((n) => requireCoder(session.project.db, n).id);
  return visible ? (asked ?? visible).filter((id) => visible.includes(id)) : asked;
}

/** Per code path: its own codings and the total with all its sub-codes (only `scope`'s coders'). */
export function codeCounts(session: Session, scope: CountScope = {}): Map<string, { own: number; total: number }> {
  const counted = countedCoderIds(session, scope);
  const own = new Map<number, number>();
  for (const r of codingCounts(session.project.db)) {
    if (!counted || counted.includes(r.coderId)) own.set(r.codeId, (own.get(r.codeId) ?? 0) + r.n);
  }
  const codes = codeIndexOf(session.project.db).list;
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

/** Per document id: how many codings each coder has in it (for the documents list). */
export function documentCoderCounts(session: Session): Map<number, { coderGuid: string; coder: string; codings: number }[]> {
  const coders = new Map(listCoders(session.project.db).map((c) => [c.id, c]));
  const perDoc = new Map<number, Map<number, number>>();
  for (const r of codingCounts(session.project.db)) {
    const m = perDoc.get(r.documentId) ?? new Map<number, number>();
    m.set(r.coderId, (m.get(r.coderId) ?? 0) + r.n);
    perDoc.set(r.documentId, m);
  }
  const entry = ([id, codings]: [number, number]) => ({ coderGuid: coders.get(id)?.guid ?? '', coder: coders.get(id)?.name ?? '', codings });
  return new Map([...perDoc].map(([doc, m]) => [doc, [...m].map(entry).sort((a, b) => a.coder.localeCompare(b.coder))]));
}
