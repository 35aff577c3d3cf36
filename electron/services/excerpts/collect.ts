/**
 * Reads what an excerpt export needs from the project: the themes (code-book order), their
 * codings by the chosen coders in the chosen documents and cases, each passage with its text
 * around it, lines or cue times, speaker labels and case; the prevalence of each theme from the
 * analysis service (electron/services/analysis/frequencies.ts, the same numbers as the analysis
 * view); and the project memo. Only reads.
 */
import { basename } from 'node:path';
import { allCaseValues, listAttributes, listCases } from '../../../db/queries/cases.js';
import { subtreeIds } from '../../../db/queries/codes.js';
import { coderByGuid } from '../../../db/queries/coders.js';
import { getMeta } from '../../../db/queries/meta.js';
import { documentCases, documentCues, listDocuments } from '../../../db/queries/documents.js';
import { buildExcerptModel, type SegmentInput, type StudyCounts, type ThemeInput } from '../../../shared/excerpts/model.js';
import type { ExcerptModel, ExcerptPreview, Prevalence, Pseudonyms } from '../../../shared/excerpts/types.js';
import { fail } from '../../../shared/errors.js';
import { lineRange, lineStarts } from '../../../shared/text/lines.js';
import { turnAt } from '../../../shared/text/turns.js';
import type { Cue, Turn } from '../../../shared/types.js';
import { frequencies } from '../analysis/frequencies.js';
import { speakerCasesByDocument, turnsOfDocument } from '../analysis/reads.js';
import { codeIndexOf } from '../code-index.js';
import { requireCaseByGuid, requireCodeByGuid, requireDocumentByGuid } from '../lookup.js';
import { getMemo } from '../memos.js';
import type { Session } from '../session.js';
import { codingsFor, textOf } from './reads.js';
import type { ExcerptRequest } from './request.js';

const CONTEXT = 60;

/** The case ids the request allows (undefined: no case filter). */
function allowedCases(session: Session, req: ExcerptRequest): Set<number> | undefined {
  const { db } = session.project;
  let allowed: Set<number> | undefined;
  if (req.cases?.length) allowed = new Set(req.cases.map((g) => requireCaseByGuid(db, g).id));
  const where = Object.entries(req.where ?? {});
  if (where.length) {
    const attrs = new Map(listAttributes(db).map((a) => [a.name.toLowerCase(), a]));
    const wanted = where.map(([name, value]) => {
      const a = attrs.get(name.trim().toLowerCase());
      if (!a) fail('not_found', `case attribute "${name}" is not in this project`);
      return { id: a.id, value: value.trim().toLowerCase() };
    });
    const values = new Map<string, string>();
    for (const v of allCaseValues(db)) values.set(`${v.caseId}:${v.attributeId}`, v.value.toLowerCase());
    const matching = listCases(db)
      .map((c) => c.id)
      .filter((id) => wanted.every((w) => values.get(`${id}:${w.id}`) === w.value));
    allowed = new Set(allowed ? matching.filter((id) => allowed!.has(id)) : matching);
  }
  return allowed;
}

function cueTime(cues: readonly Cue[], start: number, end: number): { beginMs: number; endMs: number } | null {
  if (cues.length === 0) return null;
  const at = (offset: number) => {
    let found: Cue | undefined;
    for (const c of cues) {
      if (c.start <= offset) found = c;
      else break;
    }
    return found;
  };
  const first = at(start) ?? cues[0]!;
  const last = at(Math.max(start, end - 1)) ?? first;
  return { beginMs: first.beginMs, endMs: last.endMs };
}

export interface Collected {
  model: ExcerptModel;
  preview: ExcerptPreview;
}

export function collectExcerpts(session: Session, req: ExcerptRequest, now = new Date()): Collected {
  const { db } = session.project;
  if (req.codes.length === 0) fail('invalid_input', 'choose at least one code to export');
  const index = codeIndexOf(db);
  const chosen = new Set<number>();
  for (const g of req.codes) {
    const code = requireCodeByGuid(db, g);
    for (const id of req.descendants ? subtreeIds(db, code.id) : [code.id]) chosen.add(id);
  }
  const themeCodes = index.list.filter((c) => chosen.has(c.id));

  const allowed = allowedCases(session, req);
  const caseOfDoc = documentCases(db);
  const speakerCases = new Map<number, Map<string, number>>();
  let docs = listDocuments(session.project);
  if (req.documents?.length) {
    const wanted = new Set(req.documents.map((g) => requireDocumentByGuid(db, g).id));
    docs = docs.filter((d) => wanted.has(d.id));
  }
  const bySpeaker = speakerCasesByDocument(db);
  for (const d of docs) {
    const s = bySpeaker.get(d.id);
    if (s?.size) speakerCases.set(d.id, s);
  }
  const casesOfDoc = (id: number) => [caseOfDoc.get(id) ?? null, ...(speakerCases.get(id)?.values() ?? [])].filter((c): c is number => c !== null);
  if (allowed) docs = docs.filter((d) => casesOfDoc(d.id).some((c) => allowed.has(c)));
  if (docs.length === 0) fail('invalid_input', 'no document matches the chosen documents and cases');

  // Prevalence and whose codings: the analysis service's, so the report and the analysis view agree.
  const freq = frequencies(session, {
    codes: themeCodes.map((c) => c.guid),
    documents: docs.map((d) => d.guid),
    // The same cases as the quotes: a speaker outside the filter counts neither above nor below the line.
    cases: allowed
      ? listCases(db)
          .filter((c) => allowed.has(c.id))
          .map((c) => c.guid)
      : undefined,
    subcodes: true,
    ...(req.consensus !== undefined && req.consensus !== false ? { consensus: req.consensus } : { coders: req.coders }),
    viewer: req.viewer,
  });
  const unit = freq.unit.kind === 'case' ? ('cases' as const) : ('documents' as const);
  const label = unit === 'cases' ? 'participants' : 'interviews';
  const prevalenceOf = new Map<string, Prevalence>(freq.rows.map((r) => [r.codeGuid, { count: r.units, total: freq.unit.total, unit, label }]));
  const coderIds = freq.coders.coders.map((c) => coderByGuid(db, c.guid)!.id);
  const coderNames = new Map(freq.coders.coders.map((c, i) => [coderIds[i]!, c.name]));

  const caseNames = new Map(listCases(db).map((c) => [c.id, c.name]));
  const attributes = [...(req.attributes ?? [])];
  const attrRows = new Map(listAttributes(db).map((a) => [a.name.toLowerCase(), a]));
  const attrIds = attributes.map((n) => {
    const a = attrRows.get(n.trim().toLowerCase());
    if (!a) fail('not_found', `case attribute "${n}" is not in this project (it has: ${[...attrRows.values()].map((x) => x.name).join(', ') || 'none'})`);
    return a;
  });
  const valueOf = new Map<string, string>();
  for (const v of allCaseValues(db)) valueOf.set(`${v.caseId}:${v.attributeId}`, v.value);
  const attributesOfCase = (caseId: number | null): Record<string, string> => {
    const out: Record<string, string> = {};
    if (caseId === null) return out;
    attrIds.forEach((a, i) => (out[attributes[i]!] = valueOf.get(`${caseId}:${a.id}`) ?? ''));
    return out;
  };

  const docById = new Map(docs.map((d) => [d.id, d]));
  const codeById = index.byId;
  const perDoc = new Map<number, { text: string; starts: number[]; turns: Turn[]; cues: Cue[] }>();
  const docInfo = (id: number) => {
    let info = perDoc.get(id);
    if (!info) {
      const text = textOf(db, id);
      const fmt = docById.get(id)!.format;
      info = { text, starts: lineStarts(text), turns: turnsOfDocument(db, id), cues: fmt === 'vtt' || fmt === 'srt' ? documentCues(db, id) : [] };
      perDoc.set(id, info);
    }
    return info;
  };

  const onlyCodings = req.codings ? new Set(req.codings) : undefined;
  const segments: SegmentInput[] = [];
  const rows = coderIds.length
    ? codingsFor(
        db,
        themeCodes.map((c) => c.id),
        coderIds,
        docs.map((d) => d.id),
      )
    : [];
  for (const r of rows) {
    if (onlyCodings && !onlyCodings.has(r.guid)) continue;
    const info = docInfo(r.documentId);
    const turn = turnAt(info.turns, r.start);
    const caseId = (turn && speakerCases.get(r.documentId)?.get(turn.speaker)) ?? caseOfDoc.get(r.documentId) ?? null;
    if (allowed && (caseId === null || !allowed.has(caseId))) continue;
    const lines = lineRange(info.starts, r);
    const labels: [number, number][] = [];
    for (const t of info.turns) {
      if (t.start >= r.end) break;
      if (t.speechStart > r.start && t.start < r.end && t.speechStart > t.start) labels.push([t.start, t.speechStart]);
    }
    const code = codeById.get(r.codeId)!;
    segments.push({
      codeGuid: code.guid,
      codePath: code.path,
      document: docById.get(r.documentId)!.name,
      text: info.text.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      labels,
      before: info.text.slice(Math.max(0, r.start - CONTEXT), r.start),
      after: info.text.slice(r.end, r.end + CONTEXT),
      lineStart: lines.first,
      lineEnd: lines.last,
      time: cueTime(info.cues, r.start, r.end),
      coder: coderNames.get(r.coderId) ?? '',
      caseName: caseId === null ? null : (caseNames.get(caseId) ?? null),
      speaker: turn?.speaker ?? null,
      memo: r.memo,
      attributes: attributesOfCase(caseId),
    });
  }

  // What was studied: the cases of the documents in scope (within the case filter) and their attributes.
  const studied = new Set<number>();
  for (const d of docs) for (const c of casesOfDoc(d.id)) if (!allowed || allowed.has(c)) studied.add(c);
  const study: StudyCounts = {
    documents: docs.length,
    cases: studied.size,
    attributes: attrIds.map((a, i) => {
      const counts = new Map<string, number>();
      for (const c of studied) {
        const v = valueOf.get(`${c}:${a.id}`);
        if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return { name: attributes[i]!, values: [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])) };
    }),
  };

  const caseOrder = listCases(db).map((c) => c.name);
  let pseudonyms: Pseudonyms | null = null;
  if (req.pseudonymise) {
    const byLower = new Map(caseOrder.map((n) => [n.toLowerCase(), n]));
    const cases: Record<string, string> = {};
    for (const [f, r] of req.pseudonymise.replace) {
      const name = byLower.get(f.trim().toLowerCase());
      if (name) cases[name] = r;
    }
    pseudonyms = { cases, replace: req.pseudonymise.replace.map(([f, r]) => [f, r]) };
  }

  const depth = (path: string) => path.split('/').length - 1;
  const themes: ThemeInput[] = themeCodes.map((c) => ({
    guid: c.guid,
    path: c.path,
    name: c.name,
    depth: depth(c.path),
    definition: c.definition,
    prevalence: prevalenceOf.get(c.guid) ?? null,
  }));
  const template = req.template ?? 'snippet';
  const model = buildExcerptModel({
    template,
    ...(req.title !== undefined && { title: req.title }),
    project: basename(session.project.path),
    projectName: getMeta(db, 'name'),
    date: now.toISOString(),
    coders: freq.coders.mode === 'all' ? 'all coders' : freq.coders.coders.map((c) => c.name).join(', '),
    themes,
    segments,
    attributes,
    study,
    projectMemo: getMemo(session, { kind: 'project' }),
    keepSpeakers: req.speakers ?? false,
    withMemos: req.memos ?? false,
    maxChars: req.maxChars ?? 0,
    maxQuotes: req.maxQuotes ?? (template === 'glance' ? 2 : 0),
    pseudonyms,
    caseOrder,
  });
  const quotes = model.themes.flatMap((t) => t.quotes);
  return {
    model,
    preview: {
      themes: model.themes.length,
      quotes: quotes.length,
      codings: quotes.reduce((n, q) => n + q.coders.length, 0),
      documents: new Set(quotes.map((q) => q.document)).size,
      cases: new Set(quotes.map((q) => q.caseLabel).filter((c) => c !== null)).size,
    },
  };
}
