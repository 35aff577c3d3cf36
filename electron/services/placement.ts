/**
 * The span-union rule, written once: a coding that overlaps or touches another coding of the
 * same code by the same coder is merged into it (as NVivo does); different codes overlap freely.
 * `placeCoding` places one span (apply, resize, recode, merging codes); `placeCodings` places
 * many at once (CSV import, benchmarks, project files) with the same result as one by one:
 * each (document, code, coder) group is read once and united in memory. Both write through
 * `settleComponent`.
 */
import type { Action } from '../../db/action.js';
import { codingsOfGroup, deleteCodingRow, insertCoding, touchingCodings, updateCoding, type CodingWithMemo } from '../../db/queries/codings.js';
import { documentText } from '../../db/queries/documents.js';
import { memoFor } from '../../db/queries/memos.js';
import { touchingComponents, type Placed } from '../../shared/codings/span-union.js';
import { newGuid } from '../../shared/ids.js';
import { writeMemo } from './memos.js';

export interface NewCoding {
  documentId: number;
  codeId: number;
  coderId: number;
  start: number;
  end: number;
  memo?: string | null;
}

export interface ApplyResult {
  guid: string;
  start: number;
  end: number;
  /** GUIDs of existing codings this one was merged with (they are gone; the first one's GUID is kept). */
  mergedWith: string[];
}

export interface PlacementResult {
  /** For each input, in order: the GUID of the coding that now holds it, and whether it merged with others. */
  placed: { guid: string; start: number; end: number; merged: boolean }[];
}

type Group = Pick<NewCoding, 'documentId' | 'codeId' | 'coderId'>;

/** How the surviving coding is logged: one placement always logs it (an update when resized or recoded); a bulk one only when it changed. */
interface Logging {
  action: 'coding.update' | 'coding.merge';
  always: boolean;
}

/** Distinct non-empty memos of merged codings, kept in order. */
export const joinMemos = (memos: (string | null | undefined)[]): string | null => {
  const distinct = [...new Set(memos.map((m) => m?.trim()).filter((m): m is string => !!m))];
  return distinct.length ? distinct.join('\n\n') : null;
};

/**
 * Writes one united span of a group. `olds` are the existing codings inside it: the first survives
 * and takes the whole span, the others are merged away. With no old coding, a new one is inserted.
 * Returns the GUID of the coding that holds the span.
 */
function settleComponent(
  action: Action,
  group: Group,
  span: { start: number; end: number },
  olds: CodingWithMemo[],
  newMemos: (string | null | undefined)[],
  text: string,
  logging: Logging,
): string {
  const { db } = action;
  const [survivor, ...absorbed] = olds;
  const memo = joinMemos([...olds.map((o) => o.memo), ...newMemos]);
  const quote = text.slice(span.start, span.end);
  for (const gone of absorbed) {
    // memoRow: the memo row goes with the coding (trigger); undo puts it back with its GUID.
    action.log({
      action: 'coding.merge-away',
      entity: 'coding',
      entityGuid: gone.guid,
      before: { ...gone, memoRow: memoFor(db, 'coding', gone.id) ?? null },
      after: { mergedInto: survivor!.guid },
    });
    deleteCodingRow(db, gone.id);
  }
  if (survivor) {
    const memoChanged = (memo ?? null) !== (survivor.memo ?? null);
    const changed = survivor.start !== span.start || survivor.end !== span.end || memoChanged || absorbed.length > 0;
    if (logging.always || changed) {
      updateCoding(db, survivor.id, { start: span.start, end: span.end, quote, codeId: group.codeId, updatedAt: action.at });
      if (memoChanged) writeMemo(action, 'coding', survivor.id, survivor.guid, memo ?? '');
      action.log({
        action: logging.action,
        entity: 'coding',
        entityGuid: survivor.guid,
        before: survivor,
        after: { ...survivor, codeId: group.codeId, start: span.start, end: span.end, quote, memo },
      });
    }
    return survivor.guid;
  }
  const guid = newGuid();
  const row = { guid, ...group, start: span.start, end: span.end, quote, createdAt: action.at, updatedAt: action.at };
  const id = insertCoding(db, row);
  if (memo) writeMemo(action, 'coding', id, guid, memo);
  action.log({ action: 'coding.apply', entity: 'coding', entityGuid: guid, after: { ...row, memo } });
  return guid;
}

/**
 * Writes [start,end) for (document, code, coder), absorbing the codings it touches. `keep` is the
 * coding being resized or recoded: it survives whatever it touches.
 */
export function placeCoding(action: Action, p: NewCoding & { keep?: CodingWithMemo }, text: string): ApplyResult {
  const group = { documentId: p.documentId, codeId: p.codeId, coderId: p.coderId };
  // Codings of a group never touch one another, so the new span and those it touches are one component.
  const touching = touchingCodings(action.db, p.documentId, p.codeId, p.coderId, p.start, p.end).filter((c) => c.id !== p.keep?.id);
  const span = { start: Math.min(p.start, ...touching.map((c) => c.start)), end: Math.max(p.end, ...touching.map((c) => c.end)) };
  const olds = p.keep ? [p.keep, ...touching] : touching;
  const guid = settleComponent(action, group, span, olds, [p.memo], text, { action: p.keep ? 'coding.update' : 'coding.merge', always: true });
  return { guid, ...span, mergedWith: touching.map((c) => c.guid) };
}

type Item = { kind: 'old'; row: CodingWithMemo } | { kind: 'new'; index: number; memo: string | null };

export function placeCodings(action: Action, list: NewCoding[], texts = new Map<number, string>()): PlacementResult {
  const groups = new Map<string, number[]>();
  list.forEach((c, i) => {
    const key = `${c.documentId}:${c.codeId}:${c.coderId}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const placed: PlacementResult['placed'] = new Array(list.length);
  for (const indexes of groups.values()) {
    const first = list[indexes[0]!]!;
    const group = { documentId: first.documentId, codeId: first.codeId, coderId: first.coderId };
    let text = texts.get(first.documentId);
    if (text === undefined) {
      text = documentText(action.db, first.documentId);
      texts.set(first.documentId, text);
    }
    const spans: Placed<Item>[] = codingsOfGroup(action.db, first.documentId, first.codeId, first.coderId).map((row) => ({
      start: row.start,
      end: row.end,
      item: { kind: 'old', row },
    }));
    for (const i of indexes) spans.push({ start: list[i]!.start, end: list[i]!.end, item: { kind: 'new', index: i, memo: list[i]!.memo ?? null } });
    for (const comp of touchingComponents(spans)) {
      const olds = comp.items.flatMap((p) => (p.item.kind === 'old' ? [p.item.row] : []));
      const news = comp.items.flatMap((p) => (p.item.kind === 'new' ? [p.item] : []));
      if (news.length === 0) continue;
      const guid = settleComponent(
        action,
        group,
        comp,
        olds,
        news.map((n) => n.memo),
        text,
        { action: 'coding.merge', always: false },
      );
      const merged = comp.items.length > 1;
      for (const n of news) placed[n.index] = { guid, start: comp.start, end: comp.end, merged };
    }
  }
  return { placed };
}
