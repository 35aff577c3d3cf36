/**
 * The review queue as plain data: each disagreement with its kind as people name it and its
 * decision (if any), filtered by code, document, kind and state. Kept in memory so moving to the
 * next item is an array index, never a call.
 */
import type { ConsensusStatus, DecideResult, Decision, DecisionView, Disagreement } from '../../../shared/agreement/reports.js';

export type ReviewKind = 'a-only' | 'b-only' | 'boundary';
export type ReviewState = 'open' | 'decided';

export const KIND_LABEL: Record<ReviewKind, string> = { 'a-only': 'A only', 'b-only': 'B only', boundary: 'Boundary differs' };
export const DECISION_LABEL: Record<Decision, string> = {
  'accept-a': 'Accept A',
  'accept-b': 'Accept B',
  'keep-both': 'Keep both',
  drop: 'Drop',
  custom: 'Adjusted span',
};

export interface QueueItem extends Disagreement {
  reviewKind: ReviewKind;
  decision: DecisionView | null;
}

export interface QueueFilter {
  code: string;
  document: string;
  kind: ReviewKind | '';
  state: ReviewState | '';
}

export const NO_FILTER: QueueFilter = { code: '', document: '', kind: '', state: '' };

export const reviewKind = (d: Disagreement): ReviewKind => (d.boundary ? 'boundary' : d.kind === 'onlyA' ? 'a-only' : 'b-only');

/** Every disagreement with its current (non-stale) decision. */
export function buildQueue(items: readonly Disagreement[], decisions: readonly DecisionView[]): QueueItem[] {
  const byItem = new Map(decisions.filter((d) => !d.stale).map((d) => [d.itemId, d]));
  return items.map((d) => ({ ...d, reviewKind: reviewKind(d), decision: byItem.get(d.id) ?? null }));
}

export function filterQueue(queue: readonly QueueItem[], f: QueueFilter): QueueItem[] {
  return queue.filter(
    (q) =>
      (!f.code || q.codeGuid === f.code) &&
      (!f.document || q.documentGuid === f.document) &&
      (!f.kind || q.reviewKind === f.kind) &&
      (!f.state || (f.state === 'decided') === (q.decision !== null)),
  );
}

/** Stale decisions that overlap this item's stretch (same document and code): what was decided there before the codings moved. */
export function staleNear(item: Disagreement, decisions: readonly DecisionView[]): DecisionView[] {
  return decisions.filter(
    (d) => d.stale && d.documentGuid === item.documentGuid && d.codeGuid === item.codeGuid && d.start < item.end + 1 && item.start < d.end + 1,
  );
}

/** The index after a decision: the next open item after `from`, else the next item, else stay. */
export function nextAfterDecision(list: readonly QueueItem[], from: number): number {
  for (let i = from + 1; i < list.length; i += 1) if (!list[i]!.decision) return i;
  return Math.min(from + 1, list.length - 1);
}

const WORD = /[\p{L}\p{N}'’-]/u;

/**
 * Moves one end of a span by one word (`dir` −1 or +1): a start goes to the start of the
 * neighbouring word, an end to the end of one. Stays inside the text and keeps start < end.
 */
export function moveEdge(text: string, span: { start: number; end: number }, edge: 'start' | 'end', dir: -1 | 1): { start: number; end: number } {
  let i = span[edge];
  const isWord = (at: number) => WORD.test(text[at] ?? '');
  // Over characters of one sort (word or not) in the direction of travel.
  const skip = (word: boolean) => {
    if (dir > 0) while (i < text.length && isWord(i) === word) i += 1;
    else while (i > 0 && isWord(i - 1) === word) i -= 1;
  };
  const first = (edge === 'end') !== dir > 0;
  skip(first);
  skip(!first);
  const next = { ...span, [edge]: i };
  return next.start < next.end ? next : span;
}

/**
 * The status after a decision made with the scope narrowed to its document and code (so the
 * service reads one cell, not the project): that cell's decisions from the answer, the rest
 * as they were, and one more decided unless it replaced an earlier decision.
 */
export function mergeDecided(prev: ConsensusStatus, cell: { documentGuid: string; codeGuid: string }, r: DecideResult): ConsensusStatus {
  const inCell = (d: DecisionView) => d.documentGuid === cell.documentGuid && d.codeGuid === cell.codeGuid;
  return {
    ...prev,
    decided: prev.decided + (r.previous ? 0 : 1),
    decisions: [...prev.decisions.filter((d) => !inCell(d)), ...r.decisions.filter(inCell)],
  };
}
