/** Importing, listing, renaming and deleting documents. */
import { basename, extname } from 'node:path';
import { runAction } from '../../db/action.js';
import { insertChunks } from '../../db/queries/chunks.js';
import { documentSnapshot } from '../../db/queries/snapshots.js';
import {
  countDocumentCodings,
  deleteDocumentRow,
  documentByName,
  documentCues,
  documentsByHash,
  documentText,
  documentTurns,
  insertCues,
  insertDocument,
  insertTurns,
  listDocuments,
  renameDocumentRow,
  setDocumentCase,
} from '../../db/queries/documents.js';
import { fail } from '../../shared/errors.js';
import { newGuid } from '../../shared/ids.js';
import type { DocumentSummary, SourceFormat } from '../../shared/types.js';
import { ensureCase } from './cases.js';
import { parseFile } from './import/parsers.js';
import type { ImportOptions, ParsedDocument } from './import/types.js';
import { requireDocument } from './lookup.js';
import type { Session } from './session.js';
import { sha256 } from './sha256.js';

export interface ImportRequest extends ImportOptions {
  caseName?: string;
  /** Import even when the same text is already in the project. */
  allowDuplicates?: boolean;
}

export interface ImportedDocument {
  file: string;
  id: number;
  guid: string;
  name: string;
  length: number;
  turns: number;
  warnings: string[];
}

export interface SkippedDocument {
  file: string;
  reason: 'duplicate';
  duplicateOf: string;
}

export interface ImportReport {
  imported: ImportedDocument[];
  skipped: SkippedDocument[];
}

/**
 * Fingerprint of a document's words: whitespace runs collapse, so the same interview imported
 * from .txt and from .docx (which differ only in line spacing) is recognised as one.
 */
export function contentHash(text: string): string {
  return sha256().update(text.replace(/\s+/g, ' ').trim(), 'utf8').digest('hex');
}

function formatOf(file: string): SourceFormat {
  const ext = extname(file).slice(1).toLowerCase();
  return (ext === 'markdown' ? 'md' : ext) as SourceFormat;
}

function uniqueName(session: Session, wanted: string, taken: Set<string>): string {
  const ext = extname(wanted);
  const stem = wanted.slice(0, wanted.length - ext.length);
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()) || documentByName(session.project.db, name); i += 1) {
    name = `${stem} (${i})${ext}`;
  }
  return name;
}

/**
 * Parses every file first (nothing is written if any file is bad), then writes all of them
 * in one transaction. Same text as an existing document is skipped and reported.
 */
export async function importFiles(session: Session, files: string[], req: ImportRequest = {}): Promise<ImportReport> {
  if (files.length === 0) fail('invalid_input', 'no files to import');
  const parsed: { file: string; doc: ParsedDocument }[] = [];
  for (const file of files) parsed.push({ file, doc: await parseFile(file, req) });
  return importParsed(session, parsed, req);
}

export function importParsed(session: Session, parsed: { file: string; doc: ParsedDocument }[], req: ImportRequest = {}): ImportReport {
  const { project } = session;
  return runAction(project, session.actor, (action) => {
    const report: ImportReport = { imported: [], skipped: [] };
    const seen = new Map<string, string>();
    const taken = new Set<string>();
    let caseId: number | null | undefined;
    for (const { file, doc } of parsed) {
      const hash = contentHash(doc.text);
      const existing = documentsByHash(project.db, hash)[0]?.name ?? seen.get(hash);
      if (existing && !req.allowDuplicates) {
        report.skipped.push({ file, reason: 'duplicate', duplicateOf: existing });
        continue;
      }
      const name = uniqueName(session, basename(file), taken);
      taken.add(name.toLowerCase());
      seen.set(hash, name);
      // The case is made only once a document will belong to it.
      if (caseId === undefined) caseId = req.caseName ? ensureCase(action, req.caseName) : null;
      const guid = newGuid();
      const row = {
        guid,
        name,
        format: formatOf(file),
        length: doc.text.length,
        contentHash: hash,
        sourceName: basename(file),
        importedAt: action.at,
        caseId,
      };
      const id = insertDocument(project.db, row, doc.text);
      insertTurns(project.db, id, doc.turns);
      insertCues(project.db, id, doc.cues);
      insertChunks(project, id, doc.text);
      action.log({ action: 'document.import', entity: 'document', entityGuid: guid, after: { ...row, turns: doc.turns.length } });
      report.imported.push({ file, id, guid, name, length: row.length, turns: doc.turns.length, warnings: doc.warnings });
    }
    return report;
  });
}

export function documents(session: Session): DocumentSummary[] {
  return listDocuments(session.project);
}

export interface DocumentContent {
  id: number;
  guid: string;
  name: string;
  text: string;
  turns: ReturnType<typeof documentTurns>;
  cues: ReturnType<typeof documentCues>;
}

export function documentContent(session: Session, name: string): DocumentContent {
  const { db } = session.project;
  const doc = requireDocument(db, name);
  return { id: doc.id, guid: doc.guid, name: doc.name, text: documentText(db, doc.id), turns: documentTurns(db, doc.id), cues: documentCues(db, doc.id) };
}

export function renameDocument(session: Session, name: string, newName: string): void {
  const trimmed = newName.trim();
  if (!trimmed) fail('invalid_input', 'a document name cannot be empty');
  runAction(session.project, session.actor, (action) => {
    const doc = requireDocument(action.db, name);
    const clash = documentByName(action.db, trimmed);
    if (clash && clash.id !== doc.id) fail('duplicate', `a document named "${trimmed}" already exists`);
    renameDocumentRow(action.db, doc.id, trimmed);
    action.log({ action: 'document.rename', entity: 'document', entityGuid: doc.guid, before: { name: doc.name }, after: { name: trimmed } });
  });
}

/** How many codings would go with the document; the UI and CLI show this before deleting. */
export function documentDeletionImpact(session: Session, name: string): { guid: string; document: string; codings: number } {
  const doc = requireDocument(session.project.db, name);
  return { guid: doc.guid, document: doc.name, codings: countDocumentCodings(session.project.db, doc.id) };
}

/** Deletes the document with its codings; the full record goes into the event log first. */
export function deleteDocument(session: Session, name: string): { guid: string; document: string; codings: number } {
  return runAction(session.project, session.actor, (action) => {
    const { db } = action;
    const doc = requireDocument(db, name);
    // Everything the deletion takes (text, turns, cues, codings, memos, speaker cases, consensus
    // decisions, search chunk places), so undo can restore it row for row.
    const before = documentSnapshot(session.project, doc);
    action.log({ action: 'document.delete', entity: 'document', entityGuid: doc.guid, before });
    deleteDocumentRow(db, doc.id);
    return { guid: doc.guid, document: doc.name, codings: before.codings.length };
  });
}

export function assignDocumentCase(session: Session, name: string, caseName: string | null): void {
  runAction(session.project, session.actor, (action) => {
    const doc = requireDocument(action.db, name);
    const caseId = caseName ? ensureCase(action, caseName) : null;
    setDocumentCase(action.db, doc.id, caseId);
    action.log({ action: 'document.case', entity: 'document', entityGuid: doc.guid, before: { caseId: doc.caseId }, after: { caseId, caseName } });
  });
}
