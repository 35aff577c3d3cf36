/**
 * One coding write, folded into what the workspace already holds: the open document's codings and
 * the counts in the code book, coder and document lists. A coding keypress then costs one call
 * (the write, which answers with the stored coding and its coder's counts) and no re-read.
 */
import type { ApplyResultView, CodeWithCounts, CoderWithCounts, CodingView, DocumentListItem, ProjectInfoView } from '../../shared/api/types.js';

export type CodingWrite =
  /** Applied, resized or recoded: what the project stored; `replaced`: the optimistic or earlier view it takes over from. */
  { kind: 'stored'; result: ApplyResultView; replaced?: CodingView } | { kind: 'removed'; coding: CodingView; document: string };

/** The code GUIDs a write touched (for panels that show codings of a code). */
export function touchedCodes(w: CodingWrite): string[] {
  if (w.kind === 'removed') return [w.coding.codeGuid];
  const before = w.replaced?.codeGuid;
  return before && before !== w.result.coding.codeGuid ? [before, w.result.coding.codeGuid] : [w.result.coding.codeGuid];
}

/**
 * The open document's codings after the write. `shown`: whether a coder's codings are on screen
 * (Show), so a coding made while showing another coder's work is not drawn.
 */
export function codingsAfter(list: CodingView[], w: CodingWrite, shown: (coder: string) => boolean): CodingView[] {
  if (w.kind === 'removed') return list.filter((c) => c.guid !== w.coding.guid);
  const { result, replaced } = w;
  const gone = new Set([...result.mergedWith, result.guid, ...(replaced ? [replaced.guid] : [])]);
  const kept = list.filter((c) => !gone.has(c.guid));
  return shown(result.coding.coderGuid) ? [...kept, result.coding] : kept;
}

/** Change in each code's own count (by GUID) for the coder of the write. */
function codeDeltas(w: CodingWrite): Map<string, number> {
  const d = new Map<string, number>();
  const add = (code: string, n: number) => d.set(code, (d.get(code) ?? 0) + n);
  if (w.kind === 'removed') add(w.coding.codeGuid, -1);
  else {
    // A replaced optimistic coding was never stored: only a stored one (resize, recode) leaves its code.
    if (w.replaced && !w.replaced.guid.startsWith('pending-')) add(w.replaced.codeGuid, -1);
    add(w.result.coding.codeGuid, 1 - w.result.mergedWith.length);
  }
  return d;
}

/** The code book with own and total counts moved by the write (only when its coder is counted). */
export function codesAfter(codes: CodeWithCounts[], w: CodingWrite, counted: (coder: string) => boolean): CodeWithCounts[] {
  const coder = w.kind === 'removed' ? w.coding.coderGuid : w.result.coding.coderGuid;
  if (!counted(coder)) return codes;
  const deltas = codeDeltas(w);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const own = new Map<number, number>();
  const total = new Map<number, number>();
  for (const c of codes) {
    const n = deltas.get(c.guid);
    if (!n) continue;
    own.set(c.id, (own.get(c.id) ?? 0) + n);
    // The code and every code above it hold it in their totals.
    for (let at: CodeWithCounts | undefined = c; at; at = at.parentId === null ? undefined : byId.get(at.parentId))
      total.set(at.id, (total.get(at.id) ?? 0) + n);
  }
  if (total.size === 0) return codes;
  return codes.map((c) => (total.has(c.id) ? { ...c, own: c.own + (own.get(c.id) ?? 0), total: c.total + total.get(c.id)! } : c));
}

interface Tally {
  coder: string;
  document: string;
  /** The coder's codings in the document, and in the project, after the write; documents with any. */
  inDocument: number;
  codings?: number;
  documents?: number;
}

/** A removal answers nothing: its counts follow from the lists held (one coding fewer). */
function tallyOf(w: CodingWrite, docs: DocumentListItem[]): Tally {
  if (w.kind === 'stored') {
    const { counts } = w.result;
    return { coder: counts.coder.guid, document: counts.document.guid, inDocument: counts.document.coderCodings, ...counts.coder };
  }
  const before = docs.find((d) => d.guid === w.document)?.byCoder.find((b) => b.coderGuid === w.coding.coderGuid)?.codings ?? 1;
  return { coder: w.coding.coderGuid, document: w.document, inDocument: Math.max(0, before - 1) };
}

/** The documents list with the coder's count in the written document set. */
export function docsAfter(docs: DocumentListItem[], w: CodingWrite): DocumentListItem[] {
  const t = tallyOf(w, docs);
  const name = w.kind === 'removed' ? w.coding.coder : w.result.coding.coder;
  return docs.map((d) => {
    if (d.guid !== t.document) return d;
    const others = d.byCoder.filter((b) => b.coderGuid !== t.coder);
    const byCoder =
      t.inDocument > 0 ? [...others, { coderGuid: t.coder, coder: name, codings: t.inDocument }].sort((a, b) => a.coder.localeCompare(b.coder)) : others;
    return { ...d, byCoder };
  });
}

/** The coders list with the write's coder counted again; `docs`: the documents list before the write. */
export function codersAfter(coders: CoderWithCounts[], w: CodingWrite, docs: DocumentListItem[]): CoderWithCounts[] {
  const t = tallyOf(w, docs);
  return coders.map((c) => {
    if (c.guid !== t.coder) return c;
    if (t.codings !== undefined && t.documents !== undefined) return { ...c, codings: t.codings, documents: t.documents };
    return { ...c, codings: Math.max(0, c.codings - 1), documents: t.inDocument === 0 ? Math.max(0, c.documents - 1) : c.documents };
  });
}

export function infoAfter(info: ProjectInfoView | null, w: CodingWrite): ProjectInfoView | null {
  if (!info) return info;
  return { ...info, codings: w.kind === 'stored' ? w.result.counts.project : Math.max(0, info.codings - 1) };
}
