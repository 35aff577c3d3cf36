/**
 * Retrieval: the coded segments of a code (optionally with its sub-codes), filtered by coder,
 * document and case attributes, each with its source and line numbers.
 */
import { allCaseValues, listAttributes, listCases, speakerCasesOf } from '../../db/queries/cases.js';
import { listCoders } from '../../db/queries/coders.js';
import { findCodings } from '../../db/queries/codings.js';
import { documentCases, documentText, documentTurns, listDocuments } from '../../db/queries/documents.js';
import { subtreeIds } from '../../db/queries/codes.js';
import { fail } from '../../shared/errors.js';
import { lineRange, lineStarts } from '../../shared/text/lines.js';
import { turnAt } from '../../shared/text/turns.js';
import type { Turn } from '../../shared/types.js';
import { codeIndexOf } from './code-index.js';
import { requireCode, requireCoder, requireDocument } from './lookup.js';
import { visibleCoderIds } from './blind.js';
import type { Session } from './session.js';

export interface RetrieveRequest {
  code: string;
  descendants?: boolean;
  coders?: string[];
  documents?: string[];
  /** Case attribute filters, e.g. { role: 'officer' }; all must match (case-insensitive). */
  where?: Record<string, string>;
  /** Who is looking: under blind coding only their own codings come back until they reveal. */
  viewer?: string;
}

export interface Segment {
  guid: string;
  documentGuid: string;
  document: string;
  codeGuid: string;
  code: string;
  coderGuid: string;
  coder: string;
  start: number;
  end: number;
  lineStart: number;
  lineEnd: number;
  speaker: string | null;
  caseName: string | null;
  quote: string;
  memo: string | null;
}

export function retrieve(session: Session, req: RetrieveRequest): Segment[] {
  const { db } = session.project;
  const index = codeIndexOf(db);
  const code = requireCode(db, req.code, index.byPath);
  const codeIds = req.descendants ? subtreeIds(db, code.id) : [code.id];
  const visible = visibleCoderIds(session, req.viewer);
  const asked = req.coders?.map((n) => requireCoder(db, n).id);
  const coderIds = visible ? (asked ?? visible).filter((id) => visible.includes(id)) : asked;
  const documentIds = req.documents?.map((n) => requireDocument(db, n).id);
  const rows = findCodings(db, { codeIds, ...(coderIds && { coderIds }), ...(documentIds && { documentIds }) });

  const codes = index.byId;
  const coders = new Map(listCoders(db).map((c) => [c.id, c]));
  const docs = new Map(listDocuments(session.project).map((d) => [d.id, d]));
  const caseNames = new Map(listCases(db).map((c) => [c.id, c.name]));
  const caseOfDoc = documentCases(db);
  const filter = caseFilter(session, req.where);

  const perDoc = new Map<number, { starts: number[]; turns: Turn[]; speakers: Map<string, number> }>();
  const docInfo = (id: number) => {
    let info = perDoc.get(id);
    if (!info) {
      info = {
        starts: lineStarts(documentText(db, id)),
        turns: documentTurns(db, id),
        speakers: new Map(speakerCasesOf(db, id).map((s) => [s.speaker, s.caseId])),
      };
      perDoc.set(id, info);
    }
    return info;
  };

  const out: Segment[] = [];
  for (const r of rows) {
    const info = docInfo(r.documentId);
    const turn = turnAt(info.turns, r.start);
    const caseId = (turn && info.speakers.get(turn.speaker)) ?? caseOfDoc.get(r.documentId) ?? null;
    if (!filter(caseId)) continue;
    const lines = lineRange(info.starts, r);
    out.push({
      guid: r.guid,
      documentGuid: docs.get(r.documentId)?.guid ?? '',
      document: docs.get(r.documentId)?.name ?? '',
      codeGuid: codes.get(r.codeId)?.guid ?? '',
      code: codes.get(r.codeId)?.path ?? '',
      coderGuid: coders.get(r.coderId)?.guid ?? '',
      coder: coders.get(r.coderId)?.name ?? '',
      start: r.start,
      end: r.end,
      lineStart: lines.first,
      lineEnd: lines.last,
      speaker: turn?.speaker ?? null,
      caseName: caseId === null ? null : (caseNames.get(caseId) ?? null),
      quote: r.quote,
      memo: r.memo,
    });
  }
  return out;
}

/** Builds a predicate over case ids from attribute=value filters. */
function caseFilter(session: Session, where: Record<string, string> | undefined): (caseId: number | null) => boolean {
  const entries = Object.entries(where ?? {});
  if (entries.length === 0) return () => true;
  const attrs = new Map(listAttributes(session.project.db).map((a) => [a.name.toLowerCase(), a]));
  const wanted = entries.map(([name, value]) => {
    const a = attrs.get(name.trim().toLowerCase());
    if (!a) fail('not_found', `case attribute "${name}" is not in this project`);
    return { id: a.id, value: value.trim().toLowerCase() };
  });
  const values = new Map<string, string>();
  for (const v of allCaseValues(session.project.db)) values.set(`${v.caseId}:${v.attributeId}`, v.value.toLowerCase());
  return (caseId) => caseId !== null && wanted.every((w) => values.get(`${caseId}:${w.id}`) === w.value);
}
