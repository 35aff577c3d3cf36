/**
 * Everything of a document that a text correction changes, as one plain value ("side"). The
 * event log holds the side before and after, plus the hunks between them, and the same
 * `applySide` writes a correction, its undo and its redo: an undo is the edit with the sides
 * swapped, so it restores the text and every coding exactly.
 */
import { codingByGuid, codingById, deleteCodingRow, findCodings, updateCoding, type CodingWithMemo } from '../../../db/queries/codings.js';
import { decisionByGuid, updateDecision } from '../../../db/queries/consensus.js';
import { documentText } from '../../../db/queries/documents.js';
import { memoFor } from '../../../db/queries/memos.js';
import { restoreCodingRow, restoreMemoRow } from '../../../db/queries/restore.js';
import { decisionsWhere, memoByGuid, type MemoRow } from '../../../db/queries/snapshots.js';
import {
  deleteOrphanRow,
  insertOrphan,
  orphanByGuid,
  orphanById,
  orphansOf,
  replaceCues,
  replaceSpeakerCases,
  replaceTurns,
  rewriteChunks,
  cueRows,
  speakerCasesOf,
  turnRows,
  type WithId,
  writeDocumentText,
} from '../../../db/queries/transcript-edit.js';
import type { Action } from '../../../db/action.js';
import type { DocumentMeta } from '../../../db/queries/documents.js';
import { applyHunks, type Hunk } from '../../../shared/text/edit-map.js';
import type { Cue, Turn } from '../../../shared/types.js';

/** An orphan's own row id and time are kept once written, so a redo writes the same row again. */
export type CodingSide =
  { guid: string; start: number; end: number; quote: string } | { guid: string; orphanAt: number; quote: string; row?: { id: number; orphanedAt: string } };

export interface DecisionSide {
  guid: string;
  itemId: string;
  start: number;
  end: number;
  customStart: number | null;
  customEnd: number | null;
}

export interface Side {
  name: string;
  length: number;
  contentHash: string;
  /** From the other side's text to this side's. */
  hunks: Hunk[];
  turns: WithId<Turn>[];
  cues: WithId<Cue>[];
  speakerCases: { speaker: string; caseId: number }[];
  /** Every coding of the document, orphans included. */
  codings: CodingSide[];
  decisions: DecisionSide[];
}

/** What an orphan row keeps so the coding can come back exactly. */
interface OrphanSnapshot {
  coding: Omit<CodingWithMemo, 'memo'>;
  memoRow: MemoRow | null;
}

export const isOrphan = (c: CodingSide): c is Extract<CodingSide, { orphanAt: number }> => 'orphanAt' in c;

export function readSide(action: Pick<Action, 'db'>, doc: DocumentMeta): Side & { text: string } {
  const { db } = action;
  const codings: CodingSide[] = findCodings(db, { documentIds: [doc.id] }).map((c) => ({ guid: c.guid, start: c.start, end: c.end, quote: c.quote }));
  for (const o of orphansOf(db, doc.id)) codings.push({ guid: o.guid, orphanAt: o.at, quote: o.quote, row: { id: o.id, orphanedAt: o.orphanedAt } });
  const decisions = decisionsWhere(db, { documentIds: [doc.id] }).map((d) => ({
    guid: d.guid,
    itemId: d.itemId,
    start: d.start,
    end: d.end,
    customStart: d.customStart,
    customEnd: d.customEnd,
  }));
  return {
    name: doc.name,
    text: documentText(db, doc.id),
    length: doc.length,
    contentHash: doc.contentHash,
    hunks: [],
    turns: turnRows(db, doc.id),
    cues: cueRows(db, doc.id),
    speakerCases: speakerCasesOf(db, doc.id),
    codings,
    decisions,
  };
}

const codingKey = (c: CodingSide) => (isOrphan(c) ? `${c.guid}|orphan@${c.orphanAt}` : `${c.guid}|${c.start}|${c.end}`);

/** Null when the document's codings are as `side` says; otherwise what differs, for a refusal. */
export function codingsDiffer(current: CodingSide[], side: CodingSide[]): string | null {
  const a = new Set(current.map(codingKey));
  const b = new Set(side.map(codingKey));
  for (const k of b) if (!a.has(k)) return 'a coding in it has been changed or removed since';
  for (const k of a) if (!b.has(k)) return 'it has been coded since';
  return null;
}

/**
 * Writes `to` over the document, whose current state is `from` (already checked by the caller).
 * The text is `from`'s text with `to.hunks` applied.
 */
export function applySide(action: Action, doc: DocumentMeta, fromText: string, from: Side, to: Side): string {
  const { db, project } = action;
  const text = applyHunks(fromText, to.hunks);
  // Length first: the coding range triggers check each moved coding against the new length.
  writeDocumentText(db, doc.id, text, to.contentHash);
  replaceTurns(db, doc.id, to.turns);
  replaceCues(db, doc.id, to.cues);
  replaceSpeakerCases(db, doc.id, to.speakerCases);
  rewriteChunks(project, doc.id, text);
  const was = new Map(from.codings.map((c) => [c.guid, c]));
  for (const c of to.codings) {
    const prev = was.get(c.guid);
    if (!prev) continue;
    if (!isOrphan(prev) && !isOrphan(c)) {
      if (prev.start !== c.start || prev.end !== c.end || prev.quote !== c.quote) {
        const row = codingByGuid(db, c.guid)!;
        updateCoding(db, row.id, { start: c.start, end: c.end, quote: c.quote });
      }
    } else if (!isOrphan(prev) && isOrphan(c)) orphanCoding(action, c);
    else if (isOrphan(prev) && !isOrphan(c)) adoptOrphan(action, doc.id, c);
    else if (isOrphan(prev) && isOrphan(c) && prev.orphanAt !== c.orphanAt) {
      db.$client.prepare('UPDATE coding_orphans SET at = ? WHERE guid = ?').run(c.orphanAt, c.guid);
    }
  }
  for (const d of to.decisions) {
    const row = decisionByGuid(db, d.guid);
    if (row) updateDecision(db, row.id, { itemId: d.itemId, start: d.start, end: d.end, customStart: d.customStart, customEnd: d.customEnd });
  }
  return text;
}

/** The coding leaves `codings` (its memo with it, by trigger) and is kept whole as an orphan. */
function orphanCoding(action: Action, c: Extract<CodingSide, { orphanAt: number }>): void {
  const { db } = action;
  const row = codingByGuid(db, c.guid)!;
  const memoRow = memoFor(db, 'coding', row.id) ?? null;
  const { memo: _memo, ...coding } = row;
  const snapshot: OrphanSnapshot = { coding, memoRow };
  deleteCodingRow(db, row.id);
  insertOrphan(db, {
    ...(c.row && !orphanById(db, c.row.id) && { id: c.row.id }),
    guid: row.guid,
    documentId: row.documentId,
    codeId: row.codeId,
    coderId: row.coderId,
    at: c.orphanAt,
    quote: row.quote,
    orphanedAt: c.row?.orphanedAt ?? action.at,
    snapshot: JSON.stringify(snapshot),
  });
}

/** An orphan becomes a coding again (undo), with its id, GUID, times and memo. */
function adoptOrphan(action: Action, documentId: number, c: Extract<CodingSide, { start: number }>): void {
  const { db } = action;
  const o = orphanByGuid(db, documentId, c.guid)!;
  const snap = JSON.parse(o.snapshot) as OrphanSnapshot;
  deleteOrphanRow(db, o.id);
  const { id, ...rest } = snap.coding;
  const row = { ...rest, start: c.start, end: c.end, quote: c.quote, memo: null };
  restoreCodingRow(db, codingById(db, id) ? row : { ...row, id });
  const newId = codingByGuid(db, c.guid)!.id;
  if (snap.memoRow && !memoByGuid(db, snap.memoRow.guid)) restoreMemoRow(db, { ...snap.memoRow, targetId: newId });
}
