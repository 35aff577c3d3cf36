/**
 * What every analysis report starts from: the codings of the chosen coders (or the consensus
 * coder) in the chosen documents, each placed in its case, and the unit prevalence counts in.
 *
 * A coding's case is the case of the speaker whose turn it starts in (documents.setCase with
 * speaker cases), else its document's case — the same rule retrieval uses. Cases are the unit
 * as soon as one document in scope has a case; otherwise documents are.
 */
import { listCases } from '../../../db/queries/cases.js';
import { listCoders } from '../../../db/queries/coders.js';
import { documentCases, listDocuments } from '../../../db/queries/documents.js';
import { getMeta } from '../../../db/queries/meta.js';
import type { AnalysisCoders, AnalysisScopeView, AnalysisUnit } from '../../../shared/analysis/types.js';
import type { CountedCoding } from '../../../shared/analysis/frequencies.js';
import { fail } from '../../../shared/errors.js';
import { turnAt } from '../../../shared/text/turns.js';
import type { CodeRecord, CoderRecord, DocumentSummary, Turn } from '../../../shared/types.js';
import { visibleCoderIds } from '../blind.js';
import { codeIndexOf } from '../code-index.js';
import { requireCaseByGuid, requireCodeByGuid, requireCoderByGuid, requireDocumentByGuid } from '../lookup.js';
import type { Session } from '../session.js';
import { codingSpanRows, codingSpanRowsWithGuids, speakerCasesByDocument, turnSpansByDocument, turnsOfDocument } from './reads.js';

/** The scope every analysis call takes; all GUIDs. Kept stable: the excerpt export builds on it. */
export interface AnalysisScope {
  /** Coder GUIDs; default every coder except consensus coders (their codings repeat the others'). */
  coders?: readonly string[] | undefined;
  /** The consensus coder: its GUID, or true for the project's one consensus coder. Not with `coders`. */
  consensus?: string | boolean | undefined;
  /** Code GUIDs whose rows to report; default the whole code book. */
  codes?: readonly string[] | undefined;
  /** Document GUIDs; default every document. */
  documents?: readonly string[] | undefined;
  /**
   * Case GUIDs: only these cases count, as the unit and as the cases of codings (a coding whose
   * case is another one, or none, is left out). Default: every case in the documents.
   */
  cases?: readonly string[] | undefined;
  /** Count sub-codes' codings under each code (default true). */
  subcodes?: boolean | undefined;
  /** Plural label of the unit, e.g. "interviewees" (default "cases" or "documents"). */
  unitLabel?: string | undefined;
  /** Coder GUID of who is looking, needed while blind coding is on. */
  viewer?: string | undefined;
}

export interface AnalysisCoding extends CountedCoding {
  guid?: string;
}

export interface AnalysisData {
  view: AnalysisScopeView;
  /** Every code in tree order (counting needs the whole tree for sub-codes). */
  tree: readonly CodeRecord[];
  /** The codes whose rows are reported, in tree order. */
  codes: CodeRecord[];
  documents: DocumentSummary[];
  codings: AnalysisCoding[];
  /** Case ids in scope (the unit total when the unit is cases). */
  caseIds: number[];
  caseNames: Map<number, string>;
  coders: Map<number, CoderRecord>;
  turnsOf(documentId: number): Turn[];
  /** Turn starts and ends of every document (read once, on first use). */
  turnSpans(): Map<number, { starts: number[]; ends: number[] }>;
}

/** The consensus coders of the project: coder id → the pair it reconciles. */
export function consensusCoders(session: Session): CoderRecord[] {
  const { db } = session.project;
  return listCoders(db).filter((c) => getMeta(db, `consensus:${c.guid}`) !== undefined);
}

function chooseCoders(session: Session, scope: AnalysisScope): { ids: number[]; view: AnalysisCoders } {
  const { db } = session.project;
  if (scope.consensus !== undefined && scope.consensus !== false) {
    if (scope.coders?.length) fail('invalid_input', 'choose coders or the consensus coder, not both');
    let coder: CoderRecord;
    if (typeof scope.consensus === 'string') {
      coder = requireCoderByGuid(db, scope.consensus);
      if (getMeta(db, `consensus:${coder.guid}`) === undefined) fail('invalid_input', `coder "${coder.name}" is not a consensus coder`);
    } else {
      const all = consensusCoders(session);
      if (all.length === 0) fail('invalid_input', 'this project has no consensus coder yet (start one with: marginalia consensus start)');
      if (all.length > 1) fail('invalid_input', `this project has ${all.length} consensus coders (${all.map((c) => c.name).join(', ')}): name one`);
      coder = all[0]!;
    }
    return { ids: [coder.id], view: { mode: 'consensus', coders: [{ guid: coder.guid, name: coder.name }] } };
  }
  const chosen = scope.coders?.length ? scope.coders.map((g) => requireCoderByGuid(db, g)) : undefined;
  const consensus = new Set(consensusCoders(session).map((c) => c.id));
  const list = chosen ?? listCoders(db).filter((c) => !consensus.has(c.id));
  const visible = visibleCoderIds(session, scope.viewer === undefined ? undefined : requireCoderByGuid(db, scope.viewer).name);
  const shown = visible ? list.filter((c) => visible.includes(c.id)) : list;
  return { ids: shown.map((c) => c.id), view: { mode: chosen ? 'coders' : 'all', coders: shown.map((c) => ({ guid: c.guid, name: c.name })) } };
}

export function loadAnalysisData(session: Session, scope: AnalysisScope, withGuids = false): AnalysisData {
  const { db } = session.project;
  const coders = chooseCoders(session, scope);
  const index = codeIndexOf(db);
  const codes = scope.codes?.length
    ? orderedCodes(
        index.list,
        scope.codes.map((g) => requireCodeByGuid(db, g)),
      )
    : [...index.list];
  const allDocs = listDocuments(session.project);
  const documents = scope.documents?.length
    ? (() => {
        const wanted = new Set(scope.documents.map((g) => requireDocumentByGuid(db, g).id));
        return allDocs.filter((d) => wanted.has(d.id));
      })()
    : allDocs;
  const docIds = new Set(documents.map((d) => d.id));

  const caseOfDoc = documentCases(db);
  const speakers = speakerCasesByDocument(db);
  const onlyCases = scope.cases?.length ? new Set(scope.cases.map((g) => requireCaseByGuid(db, g).id)) : undefined;
  const counted = (c: number | null): c is number => c !== null && (!onlyCases || onlyCases.has(c));
  const caseIds = new Set<number>();
  let documentsWithoutCase = 0;
  for (const d of documents) {
    const own = caseOfDoc.get(d.id) ?? null;
    const bySpeaker = speakers.get(d.id);
    if (counted(own)) caseIds.add(own);
    for (const c of bySpeaker?.values() ?? []) if (counted(c)) caseIds.add(c);
    if (own === null && !bySpeaker) documentsWithoutCase += 1;
  }
  const byCases = caseIds.size > 0 || onlyCases !== undefined;

  const turnCache = new Map<number, Turn[]>();
  const turnsOf = (id: number) => {
    let t = turnCache.get(id);
    if (!t) turnCache.set(id, (t = turnsOfDocument(db, id)));
    return t;
  };
  const wantedCoders = new Set(coders.ids);
  let turnSpans: Map<number, { starts: number[]; ends: number[] }> | undefined;
  const codings: AnalysisCoding[] = [];
  const rows = withGuids ? codingSpanRowsWithGuids(db) : codingSpanRows(db);
  for (const r of rows) {
    const [doc, code, coder, start, end] = r;
    if (!docIds.has(doc) || !wantedCoders.has(coder)) continue;
    const bySpeaker = speakers.get(doc);
    const speaker = bySpeaker ? turnAt(turnsOf(doc), start)?.speaker : undefined;
    const caseId = (speaker !== undefined ? bySpeaker!.get(speaker) : undefined) ?? caseOfDoc.get(doc) ?? null;
    if (onlyCases && !counted(caseId)) continue;
    const c: AnalysisCoding = { code, coder, doc, start, end, caseId };
    if (r.length === 6) c.guid = r[5];
    codings.push(c);
  }

  const label = scope.unitLabel?.trim() || (byCases ? 'cases' : 'documents');
  const unit: AnalysisUnit = {
    kind: byCases ? 'case' : 'document',
    label,
    total: byCases ? caseIds.size : documents.length,
    documentsWithoutCase: byCases ? documentsWithoutCase : 0,
  };
  return {
    view: { unit, coders: coders.view, documents: documents.length, subcodes: scope.subcodes ?? true },
    tree: index.list,
    codes,
    documents,
    codings,
    caseIds: [...caseIds],
    caseNames: new Map(listCases(db).map((c) => [c.id, c.name])),
    coders: new Map(listCoders(db).map((c) => [c.id, c])),
    turnsOf,
    turnSpans: () => (turnSpans ??= turnSpansByDocument(db)),
  };
}

/** The asked codes in code-book order, each once. */
function orderedCodes(list: readonly CodeRecord[], asked: CodeRecord[]): CodeRecord[] {
  const ids = new Set(asked.map((c) => c.id));
  return list.filter((c) => ids.has(c.id));
}
