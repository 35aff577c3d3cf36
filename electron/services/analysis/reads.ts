/** The few reads analysis needs in bulk, as plain prepared SQL (one statement for all documents, not one per document). */
import { prepared } from '../../../db/prepared.js';
import type { Db } from '../../../db/open.js';
import type { Turn } from '../../../shared/types.js';

/** Speaker → case, per document id. */
export function speakerCasesByDocument(db: Db): Map<number, Map<string, number>> {
  const rows = prepared(db, 'SELECT document_id AS documentId, speaker, case_id AS caseId FROM speaker_cases').all() as {
    documentId: number;
    speaker: string;
    caseId: number;
  }[];
  const out = new Map<number, Map<string, number>>();
  for (const r of rows) {
    let m = out.get(r.documentId);
    if (!m) out.set(r.documentId, (m = new Map()));
    m.set(r.speaker, r.caseId);
  }
  return out;
}

/** One document's speaker turns in order. */
export function turnsOfDocument(db: Db, documentId: number): Turn[] {
  return prepared(db, 'SELECT start, "end", speaker, speech_start AS speechStart FROM turns WHERE document_id = ? ORDER BY start').all(documentId) as Turn[];
}

/** Every coding's span of some coders, as rows of [document, code, coder, start, end] from the covering index (no quotes read). */
export function codingSpanRows(db: Db): [number, number, number, number, number][] {
  return prepared(db, 'SELECT document_id, code_id, coder_id, start, "end" FROM codings INDEXED BY codings_span_idx /* analysis */').raw(true).all() as [
    number,
    number,
    number,
    number,
    number,
  ][];
}

/** The same with each coding's GUID (for the passages behind a number). */
export function codingSpanRowsWithGuids(db: Db): [number, number, number, number, number, string][] {
  return prepared(db, 'SELECT document_id, code_id, coder_id, start, "end", guid FROM codings /* analysis */').raw(true).all() as [
    number,
    number,
    number,
    number,
    number,
    string,
  ][];
}

/** Turn starts and ends of every document, by document id, in order. */
export function turnSpansByDocument(db: Db): Map<number, { starts: number[]; ends: number[] }> {
  const rows = prepared(db, 'SELECT document_id, start, "end" FROM turns ORDER BY document_id, start /* analysis */').raw(true).all() as [
    number,
    number,
    number,
  ][];
  const out = new Map<number, { starts: number[]; ends: number[] }>();
  for (const [doc, start, end] of rows) {
    let t = out.get(doc);
    if (!t) out.set(doc, (t = { starts: [], ends: [] }));
    t.starts.push(start);
    t.ends.push(end);
  }
  return out;
}
