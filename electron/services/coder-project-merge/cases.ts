/** Cases and their attributes from a merged project: added when missing; differing values are conflicts, ours kept. */
import type { Action } from '../../../db/action.js';
import {
  allCaseValues,
  attributeByName,
  caseByName,
  caseValue,
  insertAttribute,
  insertCase,
  listAttributes,
  listCases,
  setCaseValue,
  setSpeakerCase,
  speakerCasesOf,
} from '../../../db/queries/cases.js';
import { documentById, listDocuments, setDocumentCase } from '../../../db/queries/documents.js';
import type { Project } from '../../../db/open.js';
import { newGuid } from '../../../shared/ids.js';
import type { CoderProjectMergeReport } from '../../../shared/api/types.js';

export function carryCases(action: Action, other: Project, docs: Map<number, number | null>, report: CoderProjectMergeReport): void {
  const caseMap = new Map<number, number>();
  for (const c of listCases(other.db)) {
    const local = caseByName(action.db, c.name);
    if (local) {
      caseMap.set(c.id, local.id);
      continue;
    }
    const guidTaken = action.project.sqlite.prepare('SELECT 1 FROM cases WHERE guid = ?').get(c.guid);
    const id = insertCase(action.db, { guid: guidTaken ? newGuid() : c.guid, name: c.name, createdAt: c.createdAt });
    action.log({ action: 'merge.case', entity: 'case', entityGuid: c.guid, after: { name: c.name } });
    caseMap.set(c.id, id);
    report.cases.added.push(c.name);
  }
  const attrMap = new Map<number, number | null>();
  for (const a of listAttributes(other.db)) {
    const local = attributeByName(action.db, a.name);
    if (local && local.type !== a.type) {
      attrMap.set(a.id, null);
      report.conflicts.push({ kind: 'attribute', item: a.name, reason: `it is ${a.type} there and ${local.type} here; its values were not merged` });
      continue;
    }
    attrMap.set(a.id, local?.id ?? insertAttribute(action.db, { guid: newGuid(), name: a.name, type: a.type }));
  }
  const caseNames = new Map(listCases(other.db).map((c) => [c.id, c.name]));
  for (const v of allCaseValues(other.db)) {
    const caseId = caseMap.get(v.caseId);
    const attributeId = attrMap.get(v.attributeId);
    if (!caseId || !attributeId) continue;
    const mine = caseValue(action.db, caseId, attributeId);
    if (mine === undefined) {
      setCaseValue(action.db, caseId, attributeId, v.value);
      report.cases.valuesSet += 1;
    } else if (mine !== v.value) {
      report.conflicts.push({ kind: 'case value', item: caseNames.get(v.caseId) ?? '', reason: `"${v.value}" there, "${mine}" here; kept "${mine}"` });
    }
  }
  // Documents brought in by this merge take their case and speaker cases along.
  const added = new Set(listDocuments(action.project).map((d) => d.id));
  for (const [otherDoc, localDoc] of docs) {
    if (!localDoc || !added.has(localDoc)) continue;
    const theirs = documentById(other.db, otherDoc);
    const mine = documentById(action.db, localDoc);
    if (theirs?.caseId && mine && mine.caseId === null) setDocumentCase(action.db, localDoc, caseMap.get(theirs.caseId) ?? null);
    const localSpeakers = new Set(speakerCasesOf(action.db, localDoc).map((s) => s.speaker));
    for (const s of speakerCasesOf(other.db, otherDoc)) {
      if (!localSpeakers.has(s.speaker) && caseMap.has(s.caseId)) setSpeakerCase(action.db, localDoc, s.speaker, caseMap.get(s.caseId)!);
    }
  }
}
