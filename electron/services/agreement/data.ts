/**
 * What every agreement unit starts from: two coders' codings of the chosen codes, grouped by
 * code × document, over the documents in scope. Scope = the documents both coders coded (at
 * least one coding each, any code) unless the caller names documents; documents only one coder
 * touched are listed as excluded, because comparing a coded document with an uncoded one would
 * report disagreement that is really "not yet coded".
 */
import { listCoders } from '../../../db/queries/coders.js';
import { spansOfCoders } from '../../../db/queries/codings.js';
import { documentTurns, listDocuments } from '../../../db/queries/documents.js';
import { fail } from '../../../shared/errors.js';
import type { CodeRecord, CoderRecord, Span, Turn } from '../../../shared/types.js';
import { codeIndex, requireCode, requireDocument } from '../lookup.js';
import type { Session } from '../session.js';

export interface AgreementScope {
  coders: [string, string];
  /** Code paths; default: every code either coder used in scope. */
  codes?: string[];
  /** Document names; default: the documents both coders coded. */
  documents?: string[];
  /** Load each coding's GUID too (disagreements point back at codings; statistics need not). */
  withGuids?: boolean;
}

export interface ScopeDocument {
  id: number;
  guid: string;
  name: string;
  length: number;
}

/** A coder's coding as a span, with its GUID (when asked for) so reviews can point back at it. */
export interface CodedSpan extends Span {
  guid?: string;
}

export interface CodeDocSpans {
  code: CodeRecord;
  document: ScopeDocument;
  a: CodedSpan[];
  b: CodedSpan[];
}

export interface AgreementData {
  coders: [CoderRecord, CoderRecord];
  documents: ScopeDocument[];
  /** Documents left out because only one coder (or neither) coded them. */
  excluded: { document: string; reason: string }[];
  codes: CodeRecord[];
  /** Every code × document in scope, codes in code-book order, documents by name (empty spans included). */
  cells: CodeDocSpans[];
  turnsOf(documentId: number): Turn[];
}

function requireCoderStrict(session: Session, name: string): CoderRecord {
  const all = listCoders(session.project.db);
  const c = all.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!c) fail('not_found', `coder "${name}" is not in this project (coders: ${all.map((x) => x.name).join(', ') || 'none'})`);
  return c;
}

export function loadAgreementData(session: Session, scope: AgreementScope): AgreementData {
  const { db } = session.project;
  const [nameA, nameB] = scope.coders;
  const a = requireCoderStrict(session, nameA);
  const b = requireCoderStrict(session, nameB);
  if (a.id === b.id) fail('invalid_input', `compare two different coders (got "${nameA}" twice)`);
  const rows = spansOfCoders(db, [a.id, b.id], scope.withGuids ?? false);
  const usedBy = (coderId: number) => new Set(rows.filter((r) => r.coderId === coderId).map((r) => r.documentId));
  const docsA = usedBy(a.id);
  const docsB = usedBy(b.id);
  if (docsA.size === 0 || docsB.size === 0) {
    const none = [docsA.size === 0 ? a.name : null, docsB.size === 0 ? b.name : null].filter(Boolean).join(' and ');
    fail('invalid_input', `${none} ${none.includes(' and ') ? 'have' : 'has'} no codings: agreement needs two coders who both coded`);
  }
  const all = listDocuments(session.project);
  let documents: ScopeDocument[];
  const excluded: AgreementData['excluded'] = [];
  if (scope.documents?.length) {
    documents = scope.documents.map((n) => {
      const d = requireDocument(db, n);
      return { id: d.id, guid: d.guid, name: d.name, length: d.length };
    });
  } else {
    documents = [];
    for (const d of all) {
      const inA = docsA.has(d.id);
      const inB = docsB.has(d.id);
      if (inA && inB) documents.push({ id: d.id, guid: d.guid, name: d.name, length: d.length });
      else if (inA || inB) excluded.push({ document: d.name, reason: `only ${inA ? a.name : b.name} coded it` });
    }
  }
  if (documents.length === 0) fail('invalid_input', `${a.name} and ${b.name} have no document in common to compare`);
  const docIds = new Set(documents.map((d) => d.id));
  const index = codeIndex(db);
  const ordered = [...index.values()];
  const inScope = rows.filter((r) => docIds.has(r.documentId));
  const codes = scope.codes?.length ? scope.codes.map((p) => requireCode(db, p, index)) : ordered.filter((c) => inScope.some((r) => r.codeId === c.id));
  // One pass over the rows: group spans by code × document.
  const groups = new Map<string, { a: CodedSpan[]; b: CodedSpan[] }>();
  for (const r of inScope) {
    const key = `${r.codeId}:${r.documentId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { a: [], b: [] }));
    (r.coderId === a.id ? g.a : g.b).push(r.guid === undefined ? { start: r.start, end: r.end } : { start: r.start, end: r.end, guid: r.guid });
  }
  const cells: CodeDocSpans[] = [];
  for (const code of codes) {
    for (const document of documents) {
      const g = groups.get(`${code.id}:${document.id}`);
      cells.push({ code, document, a: g?.a ?? [], b: g?.b ?? [] });
    }
  }
  const turnCache = new Map<number, Turn[]>();
  return {
    coders: [a, b],
    documents,
    excluded,
    codes,
    cells,
    turnsOf(id) {
      let t = turnCache.get(id);
      if (!t) turnCache.set(id, (t = documentTurns(db, id)));
      return t;
    },
  };
}
