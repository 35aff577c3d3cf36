/**
 * The passages behind a number in an analysis report: the codings behind a prevalence bar or a
 * cross-tab cell, or the co-occurring pairs behind a co-occurrence cell (each pair read as one
 * stretch, from the first start to the last end).
 */
import { documentText } from '../../../db/queries/documents.js';
import { countedIn } from '../../../shared/analysis/frequencies.js';
import type { AnalysisPassage, CooccurrenceMode, PassageList } from '../../../shared/analysis/types.js';
import { lineRange, lineStarts } from '../../../shared/text/lines.js';
import { codeIndexOf } from '../code-index.js';
import { requireCodeByGuid } from '../lookup.js';
import type { Session } from '../session.js';
import { meetingPairs } from './cooccurrence.js';
import { attributeColumns } from './crosstab.js';
import { loadAnalysisData, type AnalysisCoding, type AnalysisScope } from './scope.js';

export type PassageCell =
  | { kind: 'code'; code: string }
  | { kind: 'pair'; codes: [string, string]; mode?: CooccurrenceMode | undefined; distance?: number | undefined }
  | { kind: 'attribute'; code: string; attribute: string; value: string | null };

const MAX_TEXT = 1000;

export function passages(session: Session, scope: AnalysisScope, cell: PassageCell, limit = 200): PassageList {
  const { db } = session.project;
  const pairMode = cell.kind === 'pair';
  const data = loadAnalysisData(session, pairMode ? { ...scope, subcodes: false } : scope);
  const index = codeIndexOf(db);
  const spans: { codings: AnalysisCoding[] }[] = [];

  if (cell.kind === 'pair') {
    const a = requireCodeByGuid(db, cell.codes[0]);
    const b = requireCodeByGuid(db, cell.codes[1]);
    if (a.id === b.id) for (const c of data.codings) if (c.code === a.id) spans.push({ codings: [c] });
    if (a.id !== b.id) {
      const options = { ...(cell.mode && { mode: cell.mode }), ...(cell.distance !== undefined && { distance: cell.distance }) };
      for (const [x, y] of meetingPairs(data, a.id, b.id, options)) spans.push({ codings: [data.codings[x]!, data.codings[y]!] });
    }
  } else {
    const code = requireCodeByGuid(db, cell.code);
    const targets = countedIn(index.list, data.view.subcodes);
    const counts = (c: AnalysisCoding) => (targets.get(c.code) ?? []).includes(code.id);
    let keep = counts;
    if (cell.kind === 'attribute') {
      const cols = attributeColumns(session, data, cell.attribute);
      const wanted = cols.columns.findIndex((col) => col.value === cell.value);
      const inScope = new Set(data.caseIds);
      keep = (c) => counts(c) && c.caseId !== null && inScope.has(c.caseId) && wanted >= 0 && cols.columnOf(c.caseId) === wanted;
    }
    for (const c of data.codings) if (keep(c)) spans.push({ codings: [c] });
  }

  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const stretch = (s: { codings: AnalysisCoding[] }) => ({
    doc: s.codings[0]!.doc,
    start: Math.min(...s.codings.map((c) => c.start)),
    end: Math.max(...s.codings.map((c) => c.end)),
  });
  const all = spans.map((s) => ({ s, ...stretch(s) }));
  all.sort((x, y) => (docs.get(x.doc)?.name ?? '').localeCompare(docs.get(y.doc)?.name ?? '') || x.start - y.start || x.end - y.end);

  const texts = new Map<number, { text: string; starts: number[] }>();
  const textOf = (doc: number) => {
    let t = texts.get(doc);
    if (!t) {
      const text = documentText(db, doc);
      texts.set(doc, (t = { text, starts: lineStarts(text) }));
    }
    return t;
  };
  const out: AnalysisPassage[] = all.slice(0, limit).map(({ s, doc, start, end }) => {
    const t = textOf(doc);
    const lines = lineRange(t.starts, { start, end });
    const body = t.text.slice(start, Math.min(end, start + MAX_TEXT));
    const first = s.codings[0]!;
    return {
      documentGuid: docs.get(doc)?.guid ?? '',
      document: docs.get(doc)?.name ?? '',
      start,
      end,
      lineStart: lines.first,
      lineEnd: lines.last,
      caseName: first.caseId === null ? null : (data.caseNames.get(first.caseId) ?? null),
      coder: data.coders.get(first.coder)?.name ?? '',
      codes: [...new Set(s.codings.map((c) => index.byId.get(c.code)?.path ?? ''))],
      text: end - start > MAX_TEXT ? `${body}…` : body,
    };
  });
  return { total: all.length, passages: out };
}
