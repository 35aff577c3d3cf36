/**
 * Placing many codings at once (CSV import, benchmarks, later REFI-QDA and project merges) with
 * the same result as applying them one by one: each group of (document, code, coder) is read
 * once, merged in memory by the touching rule, and written back.
 */
import type { Action } from '../../db/action.js';
import { codingsOfGroup, deleteCodingRow, insertCoding, updateCoding, type CodingWithMemo } from '../../db/queries/codings.js';
import { documentText } from '../../db/queries/documents.js';
import { memoFor } from '../../db/queries/memos.js';
import { touchingComponents, type Placed } from '../../shared/codings/merge.js';
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

export interface PlacementResult {
  /** For each input, in order: the GUID of the coding that now holds it, and whether it merged with others. */
  placed: { guid: string; start: number; end: number; merged: boolean }[];
}

type Item = { kind: 'old'; row: CodingWithMemo } | { kind: 'new'; index: number; memo: string | null };

/** Distinct non-empty memos of merged codings, kept in order. */
export const joinMemos = (memos: (string | null | undefined)[]): string | null => {
  const distinct = [...new Set(memos.map((m) => m?.trim()).filter((m): m is string => !!m))];
  return distinct.length ? distinct.join('\n\n') : null;
};

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
    let text = texts.get(first.documentId);
    if (text === undefined) {
      text = documentText(action.db, first.documentId);
      texts.set(first.documentId, text);
    }
    const spans: Placed<Item>[] = codingsOfGroup(action.db, first.documentId, first.codeId, first.coderId).map((row) => ({ start: row.start, end: row.end, item: { kind: 'old', row } }));
    for (const i of indexes) spans.push({ start: list[i]!.start, end: list[i]!.end, item: { kind: 'new', index: i, memo: list[i]!.memo ?? null } });
    for (const comp of touchingComponents(spans)) {
      const olds = comp.items.flatMap((p) => (p.item.kind === 'old' ? [p.item.row] : []));
      const news = comp.items.flatMap((p) => (p.item.kind === 'new' ? [p.item] : []));
      if (news.length === 0) continue;
      const survivor = olds[0];
      const memo = joinMemos([...olds.map((o) => o.memo), ...news.map((n) => n.memo)]);
      const quote = text.slice(comp.start, comp.end);
      let guid: string;
      for (const gone of olds.slice(1)) {
        const memoRow = memoFor(action.db, 'coding', gone.id) ?? null;
        action.log({ action: 'coding.merge-away', entity: 'coding', entityGuid: gone.guid, before: { ...gone, memoRow }, after: { mergedInto: survivor!.guid } });
        deleteCodingRow(action.db, gone.id);
      }
      if (survivor) {
        guid = survivor.guid;
        const changed = survivor.start !== comp.start || survivor.end !== comp.end || (memo ?? null) !== (survivor.memo ?? null) || olds.length > 1;
        if (changed) {
          updateCoding(action.db, survivor.id, { start: comp.start, end: comp.end, quote, codeId: first.codeId, updatedAt: action.at });
          if ((memo ?? null) !== (survivor.memo ?? null)) writeMemo(action, 'coding', survivor.id, survivor.guid, memo ?? '');
          action.log({ action: 'coding.merge', entity: 'coding', entityGuid: guid, before: survivor, after: { ...survivor, start: comp.start, end: comp.end, quote, memo } });
        }
      } else {
        guid = newGuid();
        const row = { guid, documentId: first.documentId, codeId: first.codeId, coderId: first.coderId, start: comp.start, end: comp.end, quote, createdAt: action.at, updatedAt: action.at };
        const id = insertCoding(action.db, row);
        if (memo) writeMemo(action, 'coding', id, guid, memo);
        action.log({ action: 'coding.apply', entity: 'coding', entityGuid: guid, after: { ...row, memo } });
      }
      const merged = comp.items.length > 1;
      for (const n of news) placed[n.index] = { guid, start: comp.start, end: comp.end, merged };
    }
  }
  return { placed };
}
