/**
 * Writing a read and planned .qdpx into a fresh project, inside one action (one transaction,
 * one event batch). GUIDs from the file are kept where they are GUIDs and not already taken;
 * names that would clash here are made unique; every such change goes into the report.
 */
import type { Action } from '../../../../db/action.js';
import { insertAttribute, insertCase, setCaseValue } from '../../../../db/queries/cases.js';
import { insertChunks } from '../../../../db/queries/chunks.js';
import { insertCoder } from '../../../../db/queries/coders.js';
import { insertCoding } from '../../../../db/queries/codings.js';
import { insertDocument } from '../../../../db/queries/documents.js';
import { prepared } from '../../../../db/prepared.js';
import { insertMemo } from '../../../../db/queries/memos.js';
import type { RefiImportCounts } from '../../../../shared/api/types-refi-import.js';
import { canonicalValue } from '../../../../shared/attributes.js';
import { normaliseColor } from '../../../../shared/codebook/tree.js';
import { newGuid } from '../../../../shared/ids.js';
import { parseDescription, VARIABLE_TYPE_IN } from '../../../../shared/refi/index.js';
import { detectTurns } from '../../../../shared/text/turns.js';
import type { MemoTarget } from '../../../../shared/types.js';
import { insertNewCode } from '../../codebook.js';
import { contentHash } from '../../documents.js';
import type { SourceText } from './archive.js';
import { cleanCodeName } from './codebook.js';
import type { QCode, QProject, QSource, ReportLog } from './model.js';
import type { PlannedCoding } from './selections.js';

export interface PlannedSource {
  source: QSource;
  text: SourceText;
  codings: PlannedCoding[];
}

export interface Plan {
  project: QProject;
  sources: PlannedSource[];
  /** Note key → its text (already read from the archive). */
  notes: Map<string, { name: string; text: string }>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keeps the file's GUID when it is one and still free, else a new one (reported). */
class Guids {
  private readonly used = new Set<string>();
  constructor(private readonly log: ReportLog) {}
  take(key: string, kind: string, item: string): string {
    if (GUID.test(key) && !this.used.has(key)) {
      this.used.add(key);
      return key;
    }
    const fresh = newGuid();
    this.used.add(fresh);
    this.log.adjust(
      kind,
      item,
      key === ''
        ? 'it has no id; given a new GUID'
        : GUID.test(key)
          ? `its GUID ${key} is used twice in the file; given a new one`
          : `its id "${key}" is not a GUID; given a new one`,
    );
    return fresh;
  }
  /** The file's GUID when free, else a new one, without a report line (memos made from descriptions). */
  quiet(key: string): string {
    const g = GUID.test(key) && !this.used.has(key) ? key : newGuid();
    this.used.add(g);
    return g;
  }
}

/** "Name", "Name (2)"… unique case-insensitively within `taken`. */
function unique(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${wanted} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

export function writePlan(action: Action, plan: Plan, log: ReportLog): RefiImportCounts {
  const counts: RefiImportCounts = { coders: 0, codes: 0, documents: 0, codings: 0, cases: 0, attributes: 0, values: 0, memos: 0 };
  const guids = new Guids(log);
  const memos = new Map<string, { kind: MemoTarget; id: number; notes: string[] }>();
  const attach = (kind: MemoTarget, id: number, noteKeys: string[]) => {
    if (noteKeys.length === 0) return;
    const k = `${kind}:${id}`;
    const m = memos.get(k) ?? { kind, id, notes: [] };
    for (const n of noteKeys) if (!m.notes.includes(n)) m.notes.push(n);
    memos.set(k, m);
  };

  // Coders.
  const coderIds = new Map<string | null, number>();
  const coderNames = new Set<string>();
  for (const u of plan.project.users) {
    if (coderIds.has(u.key)) continue;
    const name = unique(u.name || 'Unnamed coder', coderNames);
    if (name !== u.name)
      log.adjust('user', u.name || u.key, u.name ? `another user has the same name; imported as "${name}"` : `no name; imported as "${name}"`);
    coderIds.set(u.key, insertCoder(action.db, { guid: guids.take(u.key, 'user', name), name, createdAt: action.at }));
    counts.coders += 1;
  }
  const unattributed = plan.sources.reduce((n, s) => n + s.codings.filter((c) => c.userKey === null).length, 0);
  if (unattributed) {
    const name = unique('Imported', coderNames);
    coderIds.set(null, insertCoder(action.db, { guid: newGuid(), name, createdAt: action.at }));
    counts.coders += 1;
    log.adjust('coding', `${unattributed} codings`, `they name no coder; attributed to a new coder "${name}"`);
  }

  // Codes, parents first.
  const codeIds = new Map<string, number>();
  const codePaths = new Map<number, string>();
  const addCodes = (list: QCode[], parentId: number | null, parentPath: string) => {
    const siblings = new Set<string>();
    for (const c of list) {
      const name = unique(cleanCodeName(c.name), siblings);
      const path = parentPath ? `${parentPath}/${name}` : name;
      if (name !== c.name) log.adjust('code', c.name || c.key, `imported as "${path}" (names here are unique among siblings, without "/" or line breaks)`);
      let color: string | undefined;
      if (c.color) {
        try {
          color = normaliseColor(c.color);
        } catch {
          log.adjust('code', path, `its colour "${c.color}" is not a colour; given one`);
        }
      }
      const fields = parseDescription(c.description);
      const row = insertNewCode(action, parentId, name, { ...(color && { color }), ...fields }, guids.take(c.key, 'code', path));
      if (c.key && !codeIds.has(c.key)) codeIds.set(c.key, row.id);
      codePaths.set(row.id, path);
      counts.codes += 1;
      attach('code', row.id, c.noteKeys);
      addCodes(c.children, row.id, path);
    }
  };
  addCodes(plan.project.codes, null, '');

  // Variables → attributes, cases and their values.
  const attrs = new Map<string, { id: number; type: 'text' | 'number' | 'date' | 'boolean'; name: string }>();
  const attrNames = new Set<string>();
  for (const v of plan.project.variables) {
    if (attrs.has(v.key)) continue;
    const type = VARIABLE_TYPE_IN[v.type] ?? 'text';
    if (!(v.type in VARIABLE_TYPE_IN)) log.adjust('variable', v.name, `unknown type "${v.type}"; kept as text`);
    else if (v.type === 'DateTime') log.adjust('variable', v.name, 'a date-and-time variable; kept as text');
    const name = unique(v.name || 'Unnamed variable', attrNames);
    if (name !== v.name) log.adjust('variable', v.name || v.key, `imported as "${name}"`);
    attrs.set(v.key, { id: insertAttribute(action.db, { guid: guids.take(v.key, 'variable', name), name, type }), type, name });
    counts.attributes += 1;
  }
  const caseNames = new Set<string>();
  const documentCase = new Map<string, { caseId: number; name: string }>();
  for (const c of plan.project.cases) {
    const name = unique(c.name, caseNames);
    if (name !== c.name) log.adjust('case', c.name, `another case has the same name; imported as "${name}"`);
    const id = insertCase(action.db, { guid: guids.take(c.key, 'case', name), name, createdAt: action.at });
    counts.cases += 1;
    for (const v of c.values) {
      const a = attrs.get(v.variableKey);
      if (!a) {
        log.skip('variable', `${name}: ${v.variableKey}`, 'the value names a variable the file does not define');
        continue;
      }
      if (v.value === undefined || v.value.trim() === '') continue;
      try {
        setCaseValue(action.db, id, a.id, canonicalValue(a.type, v.value, `case "${name}", ${a.name}`));
        counts.values += 1;
      } catch (err) {
        log.skip('variable', `${name}: ${a.name}`, err instanceof Error ? err.message : String(err));
      }
    }
    for (const s of c.sourceKeys) {
      const first = documentCase.get(s);
      if (first) log.skip('case', name, `a document can belong to one case only; it stays with "${first.name}"`);
      else documentCase.set(s, { caseId: id, name });
    }
    const notes = [...c.noteKeys];
    if (c.description.trim()) {
      const key = `description:case:${c.key}`;
      plan.notes.set(key, { name: `${name} (description)`, text: c.description.trim() });
      notes.unshift(key);
    }
    attach('case', id, notes);
  }

  // Documents and their codings.
  const docNames = new Set<string>();
  let codingTotal = 0;
  for (const p of plan.sources) {
    const { source: s, text } = p;
    const name = unique(s.name.trim() || 'Untitled source', docNames);
    if (name !== s.name) log.adjust('source', s.name, `another source has the same name; imported as "${name}"`);
    const guid = guids.take(s.key, 'source', name);
    const row = {
      guid,
      name,
      format: text.format,
      length: text.stored.length,
      contentHash: contentHash(text.stored),
      sourceName: s.name,
      importedAt: action.at,
      caseId: documentCase.get(s.key)?.caseId ?? null,
    };
    const id = insertDocument(action.db, row, text.stored);
    const turns = text.turns ?? detectTurns(text.stored);
    // Turns by a cached statement: tens of thousands of rows, where building each query costs more than the SQL.
    const turn = prepared(action.db, 'INSERT INTO turns (document_id, ordinal, speaker, start, "end", speech_start) VALUES (?, ?, ?, ?, ?, ?)');
    turns.forEach((t, i) => turn.run(id, i, t.speaker, t.start, t.end, t.speechStart));
    insertChunks(action.project, id, text.stored);
    action.log({ action: 'document.import', entity: 'document', entityGuid: guid, after: { ...row, turns: turns.length, via: 'refi-qda' } });
    counts.documents += 1;
    attach('document', id, s.noteKeys);
    for (const c of p.codings) {
      const codeId = codeIds.get(c.codeKey)!;
      const coderId = coderIds.get(c.userKey)!;
      const cg = guids.take(c.key, 'coding', `${name} ${c.start}–${c.end}`);
      const quote = text.stored.slice(c.start, c.end);
      const cid = insertCoding(action.db, {
        guid: cg,
        documentId: id,
        codeId,
        coderId,
        start: c.start,
        end: c.end,
        quote,
        createdAt: action.at,
        updatedAt: action.at,
      });
      action.log({
        action: 'coding.create',
        entity: 'coding',
        entityGuid: cg,
        after: { document: guid, code: codePaths.get(codeId), coderId, start: c.start, end: c.end },
      });
      attach('coding', cid, c.noteKeys);
      codingTotal += 1;
    }
  }
  counts.codings = codingTotal;

  // Memos: every note attached where it was referenced; notes referenced nowhere go to the project memo.
  const used = new Set<string>();
  for (const m of memos.values()) for (const k of m.notes) used.add(k);
  const projectNotes = [...plan.project.projectNoteKeys];
  if (plan.project.description.trim()) {
    plan.notes.set('description:project', { name: 'Project description', text: plan.project.description.trim() });
    projectNotes.unshift('description:project');
  }
  for (const k of projectNotes) used.add(k);
  const loose = [...plan.notes.keys()].filter((k) => !used.has(k));
  for (const k of loose) log.adjust('note', plan.notes.get(k)!.name || k, 'attached to nothing that was imported; added to the project memo');
  const projectBody = [...projectNotes.map((k) => plan.notes.get(k)?.text), ...loose.map((k) => titled(plan.notes.get(k)!))].filter(
    (t): t is string => !!t?.trim(),
  );
  const bodies: { kind: MemoTarget; id: number; body: string; key: string }[] = [];
  if (projectBody.length) bodies.push({ kind: 'project', id: 0, body: projectBody.join('\n\n'), key: projectNotes[0] ?? loose[0]! });
  for (const m of memos.values()) {
    const texts = m.notes.map((k) => plan.notes.get(k)?.text).filter((t): t is string => !!t?.trim());
    const missing = m.notes.filter((k) => !plan.notes.has(k));
    for (const k of missing) log.skip('note', k, 'referenced but not in the file (or its text is missing)');
    if (texts.length > 1) log.adjust('note', `${texts.length} notes`, `one ${m.kind} has several notes; joined into its one memo`);
    if (texts.length) bodies.push({ kind: m.kind, id: m.id, body: texts.join('\n\n'), key: m.notes[0]! });
  }
  for (const b of bodies) {
    const guid = guids.quiet(b.key);
    insertMemo(action.db, { guid, targetKind: b.kind, targetId: b.id, body: b.body, createdAt: action.at, updatedAt: action.at });
    counts.memos += 1;
  }
  return counts;
}

function titled(n: { name: string; text: string }): string {
  return n.name ? `${n.name}\n${n.text}` : n.text;
}
