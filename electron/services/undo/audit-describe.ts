/** One logged event in words for the audit trail: the item it changed, its document, and what happened. */
import type { AuditEntry } from '../../../shared/api/types-history.js';

export interface RawEvent {
  id: number;
  batch: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityGuid: string | null;
  before: string | null;
  after: string | null;
}

/** Names as they are now, by id: a deleted item falls back to the name the log holds. */
export interface Names {
  documents: Map<number, string>;
  documentsByGuid: Map<string, string>;
  codes: Map<number, string>;
  coders: Map<number, string>;
}

type Obj = Record<string, unknown>;

const parse = (s: string | null): Obj => {
  if (!s) return {};
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
  } catch {
    return {};
  }
};
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const q = (s: string | null) => (s ? `"${s}"` : '');

/** What the event touched, by name: the first name-like field the log holds, else a short GUID. */
function itemOf(e: RawEvent, b: Obj, a: Obj, n: Names): string {
  const codeId = num(a.codeId) ?? num(b.codeId);
  if (e.entity === 'coding' && codeId !== null) return n.codes.get(codeId) ?? '';
  for (const o of [a, b]) for (const k of ['path', 'name', 'consensus', 'label', 'from', 'caseName']) if (str(o[k])) return str(o[k])!;
  if (e.entity === 'code') {
    const codes = (b.codes ?? a.codes) as { name?: string }[] | undefined;
    if (Array.isArray(codes) && codes.length) return codes.at(-1)?.name ?? '';
  }
  if (e.entity === 'document' && e.entityGuid && n.documentsByGuid.has(e.entityGuid)) return n.documentsByGuid.get(e.entityGuid)!;
  if (e.entity === 'memo') return `${str(a.kind) ?? str(b.targetKind) ?? ''} memo`.trim();
  return e.entityGuid ? e.entityGuid.slice(0, 8) : '';
}

function documentOf(e: RawEvent, b: Obj, a: Obj, n: Names): string | null {
  const id = num(a.documentId) ?? num(b.documentId);
  if (id !== null) return n.documents.get(id) ?? null;
  if (e.entity === 'document') return str(a.name) ?? str(b.name) ?? (e.entityGuid ? (n.documentsByGuid.get(e.entityGuid) ?? null) : null);
  // A memo names its target by GUID.
  const target = str(a.targetGuid) ?? str(b.targetGuid);
  return target ? (n.documentsByGuid.get(target) ?? null) : null;
}

const span = (o: Obj) => (num(o.start) !== null && num(o.end) !== null ? ` [${String(o.start)}–${String(o.end)}]` : '');

function summaryOf(e: RawEvent, b: Obj, a: Obj, item: string, n: Names): string {
  const coderId = num(a.coderId) ?? num(b.coderId);
  const by = coderId !== null && n.coders.has(coderId) ? ` for ${n.coders.get(coderId)}` : '';
  switch (e.action) {
    case 'coding.apply':
    case 'merge.coding':
      return `coded ${q(item)}${span(a)}${by}`;
    case 'coding.remove':
    case 'coding.merge-away':
    case 'consensus.uncode':
      return `removed a ${q(item)} coding${span(b)}${by}`;
    case 'coding.update':
    case 'coding.merge':
      return num(b.codeId) !== num(a.codeId) ? `recoded to ${q(item)}${span(a)}${by}` : `resized a ${q(item)} coding${span(b)} to${span(a)}${by}`;
    case 'memo.create':
    case 'memo.update':
      return `wrote ${item}`;
    case 'memo.delete':
      return `cleared ${item}`;
    case 'code.create':
      return `created code ${q(item)}`;
    case 'code.update':
      return str(b.name) !== str(a.name) ? `renamed code ${q(str(b.name))} to ${q(str(a.name))}` : `edited code ${q(item)}`;
    case 'code.move':
      return `moved code ${q(item)}`;
    case 'code.delete':
      return `deleted code ${q(item)}`;
    case 'code.merge':
      return `merged code ${q(item)} into another`;
    case 'document.import':
    case 'merge.document':
      return `imported ${q(item)}`;
    case 'document.rename':
      return `renamed ${q(str(b.name))} to ${q(str(a.name))}`;
    case 'document.delete':
      return `deleted ${q(item)}`;
    case 'coder.create':
    case 'merge.coder':
      return `added coder ${q(item)}`;
    case 'coder.delete':
      return `removed coder ${q(item)}`;
    case 'case.create':
    case 'merge.case':
      return `created case ${q(item)}`;
    case 'consensus.decide':
    case 'consensus.redecide':
      return `decided a disagreement (${str(a.decision) ?? ''})${span(a)}`;
    case 'consensus.undecide':
      return `withdrew a decision (${str(b.decision) ?? ''})`;
    case 'consensus.start':
      return `started the consensus ${q(item)}`;
    case 'consensus.finish':
      return `finished the consensus ${q(item)}`;
    case 'project.create':
      return 'created the project';
    case 'document.editText':
      return `corrected the text of ${q(item)}`;
    case 'merge.project':
      return `merged a coder's project ${q(str(a.from))}`;
    case 'history.undo':
      return `undid ${str(a.label) ?? 'a change'}`;
    case 'history.redo':
      return `redid ${str(a.label) ?? 'a change'}`;
    case 'history.drop':
      return `took ${q(str(a.label))} off the ${str(a.kind) ?? 'undo'} list: it can no longer be reversed`;
    case 'rows.delete':
      return `took back the ${str(b.what) ?? 'change'}`;
    case 'rows.insert':
      return `put back the ${str(a.what) ?? 'change'}`;
    default: {
      // Other actions read as "<entity> <verb>", e.g. consensus.decide → "consensus decide".
      const verb = e.action.split('.').slice(1).join(' ') || e.action;
      return `${verb} ${e.entity.replace(/_/g, ' ')} ${q(item)}`.trim();
    }
  }
}

export function describeEvent(e: RawEvent, n: Names): AuditEntry {
  const b = parse(e.before);
  const a = parse(e.after);
  const item = itemOf(e, b, a, n);
  return {
    id: e.id,
    batch: e.batch,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityGuid: e.entityGuid,
    item,
    document: documentOf(e, b, a, n),
    summary: summaryOf(e, b, a, item, n),
  };
}
