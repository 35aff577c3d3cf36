/**
 * Codings as CSV (`document,code,coder,start,end,memo`) and JSON. Import validates every row
 * first, creates unknown coders, refuses unknown documents and codes, and writes everything in
 * one transaction through the same span-union rule as coding by hand.
 */
import { basename } from 'node:path';
import { runAction } from '../../db/action.js';
import { listCoders } from '../../db/queries/coders.js';
import { findCodings } from '../../db/queries/codings.js';
import { documentByName, listDocuments } from '../../db/queries/documents.js';
import { readCsvTable, toCsv } from '../../shared/csv.js';
import { fail, MarginaliaError } from '../../shared/errors.js';
import { checkSpan, ensureCoder } from './codings.js';
import { placeCodings } from './placement.js';
import { readTextFile } from './files.js';
import { codeIndex, normalisePath } from './lookup.js';
import { visibleCoderIds } from './blind.js';
import type { Session } from './session.js';

export const CODINGS_CSV_COLUMNS = ['document', 'code', 'coder', 'start', 'end', 'memo'] as const;

export interface CodingsImportReport {
  rows: number;
  created: number;
  merged: number;
  codersCreated: string[];
}

function parseOffset(raw: string, where: string, column: string): number {
  const v = raw.trim();
  if (!/^\d+$/.test(v)) fail('csv_error', `${where}: ${column} "${raw}" is not a whole number`);
  return Number(v);
}

export function importCodingsCsv(session: Session, file: string): CodingsImportReport {
  return importCodingsCsvText(session, readTextFile(file), basename(file));
}

/** The same, for CSV its caller has read; `name` (the file name) names it in messages. */
export function importCodingsCsvText(session: Session, csv: string, name: string): CodingsImportReport {
  const table = readCsvTable(csv, name, { required: ['document', 'code', 'coder', 'start', 'end'], optional: ['memo'], exact: true });
  if (table.rows.length === 0) fail('csv_error', `${name}: no codings after the header`);
  const { db } = session.project;
  const codes = codeIndex(db);
  // Validate every row before anything is written.
  const planned = table.rows.map((r) => {
    const where = `${name} row ${r.row}`;
    const v = r.values;
    const doc = documentByName(db, (v.document ?? '').trim());
    if (!doc) fail('csv_error', `${where}: document "${v.document}" is not in this project`);
    const code = codes.get(normalisePath(v.code ?? ''));
    if (!code) fail('csv_error', `${where}: code "${v.code}" is not in the code book`);
    const coder = (v.coder ?? '').trim();
    if (!coder) fail('csv_error', `${where}: the coder is empty`);
    const start = parseOffset(v.start ?? '', where, 'start');
    const end = parseOffset(v.end ?? '', where, 'end');
    try {
      checkSpan(doc.name, doc.length, start, end);
    } catch (err) {
      if (err instanceof MarginaliaError) fail('csv_error', `${where}: ${err.message}`);
      throw err;
    }
    return { doc, codeId: code.id, coder, start, end, memo: v.memo?.trim() ? v.memo : null };
  });
  return runAction(session.project, session.actor, (action) => {
    const report: CodingsImportReport = { rows: planned.length, created: 0, merged: 0, codersCreated: [] };
    const known = new Set(listCoders(action.db).map((c) => c.name.toLowerCase()));
    const coderIds = new Map<string, number>();
    for (const p of planned) {
      const key = p.coder.toLowerCase();
      if (coderIds.has(key)) continue;
      if (!known.has(key)) report.codersCreated.push(p.coder);
      coderIds.set(key, ensureCoder(action, p.coder).id);
    }
    const { placed } = placeCodings(
      action,
      planned.map((p) => ({ documentId: p.doc.id, codeId: p.codeId, coderId: coderIds.get(p.coder.toLowerCase())!, start: p.start, end: p.end, memo: p.memo })),
    );
    for (const r of placed) {
      if (r.merged) report.merged += 1;
      else report.created += 1;
    }
    return report;
  });
}

export interface ExportedCoding {
  guid: string;
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
  memo: string;
  quote: string;
  createdAt: string;
  updatedAt: string;
}

/** Every coding (or, under blind coding, only those `viewer` may see). */
export function exportCodings(session: Session, viewer?: string): ExportedCoding[] {
  const { db } = session.project;
  const visible = visibleCoderIds(session, viewer);
  const paths = new Map([...codeIndex(db).values()].map((c) => [c.id, c.path]));
  const coders = new Map(listCoders(db).map((c) => [c.id, c.name]));
  const docs = new Map(listDocuments(session.project).map((d) => [d.id, d.name]));
  return findCodings(db, visible ? { coderIds: visible } : {}).map((c) => ({
    guid: c.guid,
    document: docs.get(c.documentId) ?? '',
    code: paths.get(c.codeId) ?? '',
    coder: coders.get(c.coderId) ?? '',
    start: c.start,
    end: c.end,
    memo: c.memo ?? '',
    quote: c.quote,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }));
}

/** The CSV has exactly the import header, so an export re-imports unchanged. */
export function codingsToCsv(rows: ExportedCoding[]): string {
  return toCsv([[...CODINGS_CSV_COLUMNS], ...rows.map((r) => [r.document, r.code, r.coder, String(r.start), String(r.end), r.memo])]);
}
