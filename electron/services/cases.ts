/** Cases (participants) with typed attributes, and which documents or speakers belong to them. */
import { basename } from 'node:path';
import { runAction, type Action } from '../../db/action.js';
import {
  allCaseValues,
  attributeByName,
  caseByName,
  insertAttribute,
  insertCase,
  listAttributes,
  listCases,
  setCaseValue,
  setSpeakerCase,
} from '../../db/queries/cases.js';
import { documentTurns } from '../../db/queries/documents.js';
import { canonicalValue, parseAttributeHeader } from '../../shared/attributes.js';
import { parseCsv, readCsvTable } from '../../shared/csv.js';
import { fail } from '../../shared/errors.js';
import { newGuid } from '../../shared/ids.js';
import type { AttributeType } from '../../shared/types.js';
import { readTextFile } from './files.js';
import { requireDocument } from './lookup.js';
import type { Session } from './session.js';

export function ensureCase(action: Action, name: string): number {
  const trimmed = name.trim();
  if (!trimmed) fail('invalid_input', 'a case name cannot be empty');
  const existing = caseByName(action.db, trimmed);
  if (existing) return existing.id;
  const guid = newGuid();
  const id = insertCase(action.db, { guid, name: trimmed, createdAt: action.at });
  action.log({ action: 'case.create', entity: 'case', entityGuid: guid, after: { name: trimmed } });
  return id;
}

export interface CaseView {
  name: string;
  guid: string;
  attributes: Record<string, string>;
}

export function cases(session: Session): { attributes: { name: string; type: AttributeType }[]; cases: CaseView[] } {
  const { db } = session.project;
  const attrs = listAttributes(db);
  const names = new Map(attrs.map((a) => [a.id, a.name]));
  const values = allCaseValues(db);
  return {
    attributes: attrs.map((a) => ({ name: a.name, type: a.type })),
    cases: listCases(db).map((c) => ({
      name: c.name,
      guid: c.guid,
      attributes: Object.fromEntries(values.filter((v) => v.caseId === c.id).map((v) => [names.get(v.attributeId)!, v.value])),
    })),
  };
}

export interface AttributesReport {
  casesCreated: number;
  casesUpdated: number;
  attributesCreated: string[];
  valuesSet: number;
}

/**
 * Imports case attributes from CSV: first column is the case name, one row per case, other
 * columns are attributes ("name:type" declares the type; otherwise text). Validates every row
 * before writing; one transaction.
 */
export function importAttributesCsv(session: Session, file: string): AttributesReport {
  return importAttributesCsvText(session, readTextFile(file), basename(file));
}

/** The same, for CSV its caller has read; `name` (the file name) names it in messages. */
export function importAttributesCsvText(session: Session, text: string, name: string): AttributesReport {
  // The first column names the case, whatever its header says.
  const caseColumn = parseCsv(text, name)[0]?.[0]?.trim() || 'case';
  const table = readCsvTable(text, name, { required: [caseColumn] });
  const columns = table.columns.filter((c) => c.toLowerCase() !== caseColumn.toLowerCase()).map((c) => ({ column: c, ...parseAttributeHeader(c) }));
  if (columns.length === 0) fail('csv_error', `${name}: no attribute columns after "${caseColumn}"`);
  return runAction(session.project, session.actor, (action) => {
    const report: AttributesReport = { casesCreated: 0, casesUpdated: 0, attributesCreated: [], valuesSet: 0 };
    const attrIds = columns.map((c) => {
      const existing = attributeByName(action.db, c.name);
      if (existing) {
        if (c.declared && existing.type !== c.type) fail('csv_error', `${name}: attribute "${c.name}" is ${existing.type} in this project, not ${c.type}`);
        return { ...c, id: existing.id, type: existing.type };
      }
      const guid = newGuid();
      const id = insertAttribute(action.db, { guid, name: c.name, type: c.type });
      action.log({ action: 'attribute.create', entity: 'attribute', entityGuid: guid, after: { name: c.name, type: c.type } });
      report.attributesCreated.push(c.name);
      return { ...c, id };
    });
    const seen = new Set<string>();
    for (const row of table.rows) {
      const where = `${name} row ${row.row}`;
      const caseName = (row.values[caseColumn] ?? '').trim();
      if (!caseName) fail('csv_error', `${where}: the case name is empty`);
      if (seen.has(caseName.toLowerCase())) fail('csv_error', `${where}: case "${caseName}" appears twice`);
      seen.add(caseName.toLowerCase());
      const existed = caseByName(action.db, caseName);
      const caseId = ensureCase(action, caseName);
      if (existed) report.casesUpdated += 1;
      else report.casesCreated += 1;
      for (const a of attrIds) {
        const raw = row.values[a.column] ?? '';
        const value = raw.trim() === '' ? null : canonicalValue(a.type, raw, `${where}, column "${a.column}"`);
        setCaseValue(action.db, caseId, a.id, value);
        if (value !== null) report.valuesSet += 1;
      }
      action.log({ action: 'case.attributes', entity: 'case', entityGuid: caseByName(action.db, caseName)?.guid ?? null, after: row.values });
    }
    return report;
  });
}

/** One speaker's turns in a document belong to a case (e.g. the participant, not the interviewer). */
export function assignSpeakerCase(session: Session, document: string, speaker: string, caseName: string): void {
  runAction(session.project, session.actor, (action) => {
    const doc = requireDocument(action.db, document);
    const speakers = [...new Set(documentTurns(action.db, doc.id).map((t) => t.speaker))];
    // Speakers are stored as written ("PARTICIPANT"); match them the way every other name is matched.
    const stored = speakers.find((s) => s.toLowerCase() === speaker.trim().toLowerCase());
    if (!stored) fail('not_found', `${doc.name}: no turns by speaker "${speaker}" (speakers: ${speakers.join(', ') || 'none'})`);
    const caseId = ensureCase(action, caseName);
    setSpeakerCase(action.db, doc.id, stored, caseId);
    action.log({ action: 'case.speaker', entity: 'document', entityGuid: doc.guid, after: { speaker: stored, caseName } });
  });
}
