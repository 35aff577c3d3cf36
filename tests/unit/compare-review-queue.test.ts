/** The review queue's plain logic: kinds, decisions joined to items, filters, stepping on, and adjusting a span by words. */
import { describe, expect, it } from 'vitest';
import type { ConsensusStatus, DecideResult, DecisionView, Disagreement } from '../../shared/agreement/reports.js';
import { buildQueue, filterQueue, mergeDecided, moveEdge, nextAfterDecision, NO_FILTER, staleNear } from '../../renderer/compare/review/queue.js';

const item = (id: string, over: Partial<Disagreement> = {}): Disagreement => ({
  id,
  document: 'a.txt',
  documentGuid: 'doc-a',
  code: 'Rapport',
  codeGuid: 'code-r',
  kind: 'onlyA',
  boundary: false,
  coder: 'Alice',
  start: 0,
  end: 5,
  text: 'x',
  before: '',
  after: '',
  lineStart: 1,
  lineEnd: 1,
  speaker: null,
  codings: [],
  ...over,
});
const decision = (itemId: string, over: Partial<DecisionView> = {}): DecisionView => ({
  itemId,
  documentGuid: 'doc-a',
  codeGuid: 'code-r',
  kind: 'onlyA',
  start: 0,
  end: 5,
  decision: 'accept-a',
  custom: null,
  reason: '',
  decidedBy: 'tester',
  updatedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
  ...over,
});

const ITEMS = [
  item('1'),
  item('2', { kind: 'onlyB', start: 10, end: 20 }),
  item('3', { boundary: true, start: 30, end: 35 }),
  item('4', { documentGuid: 'doc-b', codeGuid: 'code-s', kind: 'onlyB', boundary: true }),
];

describe('the review queue', () => {
  it('names each kind, joins current decisions and leaves stale ones out', () => {
    const q = buildQueue(ITEMS, [decision('2', { decision: 'drop' }), decision('gone', { stale: true })]);
    expect(q.map((x) => [x.id, x.reviewKind, x.decision?.decision ?? null])).toEqual([
      ['1', 'a-only', null],
      ['2', 'b-only', 'drop'],
      ['3', 'boundary', null],
      ['4', 'boundary', null],
    ]);
  });

  it('filters by code, document, kind and state together', () => {
    const q = buildQueue(ITEMS, [decision('3')]);
    const ids = (f: Partial<typeof NO_FILTER>) => filterQueue(q, { ...NO_FILTER, ...f }).map((x) => x.id);
    expect(ids({})).toEqual(['1', '2', '3', '4']);
    expect(ids({ code: 'code-s' })).toEqual(['4']);
    expect(ids({ document: 'doc-a', kind: 'boundary' })).toEqual(['3']);
    expect(ids({ state: 'decided' })).toEqual(['3']);
    expect(ids({ state: 'open', kind: 'boundary' })).toEqual(['4']);
  });

  it('moves on to the next open item after a decision, or one on at the end of what is open', () => {
    const q = buildQueue(ITEMS, [decision('2'), decision('3')]);
    expect(nextAfterDecision(q, 0)).toBe(3);
    expect(nextAfterDecision(q, 3)).toBe(3);
    expect(nextAfterDecision(buildQueue(ITEMS, [decision('3'), decision('4')]), 1)).toBe(2);
  });

  it('finds the stale decisions that overlap an item of the same document and code', () => {
    const stale = [decision('old', { stale: true, start: 3, end: 12 }), decision('other', { stale: true, codeGuid: 'code-s' }), decision('2')];
    expect(staleNear(ITEMS[1]!, stale).map((d) => d.itemId)).toEqual(['old']);
    expect(staleNear(ITEMS[2]!, stale)).toEqual([]);
  });
});

describe('the status after a decision on one cell', () => {
  const status = (decisions: DecisionView[], decided: number): ConsensusStatus => ({
    coder: 'Consensus (Alice+Bob)',
    coderGuid: 'c',
    coders: ['Alice', 'Bob'],
    items: 4,
    decided,
    open: [],
    stale: [],
    decisions,
    finishedAt: null,
  });
  const answer = (decisions: DecisionView[], previous: DecideResult['previous']) => ({ ...status(decisions, 9), previous }) as DecideResult;
  const cell = { documentGuid: 'doc-a', codeGuid: 'code-r' };
  const other = decision('4', { documentGuid: 'doc-b', codeGuid: 'code-s' });

  it('takes the cell’s decisions from the answer, keeps the others, and counts a first decision', () => {
    const next = mergeDecided(status([decision('1'), other], 2), cell, answer([decision('1'), decision('2', { decision: 'drop' })], null));
    expect(next.decided).toBe(3);
    expect(next.decisions.map((d) => [d.itemId, d.decision])).toEqual([
      ['4', 'accept-a'],
      ['1', 'accept-a'],
      ['2', 'drop'],
    ]);
  });

  it('does not count a changed decision twice', () => {
    const next = mergeDecided(status([decision('1'), other], 2), cell, answer([decision('1', { decision: 'keep-both' })], 'accept-a'));
    expect(next.decided).toBe(2);
    expect(next.decisions.find((d) => d.itemId === '1')!.decision).toBe('keep-both');
  });
});

describe('adjusting a span by words', () => {
  const text = 'I talk to them every day. I never';
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const cut = (s: { start: number; end: number }) => text.slice(s.start, s.end);

  it('moves the end to the end of the next or previous word, over punctuation', () => {
    expect(cut(moveEdge(text, span('them every'), 'end', 1))).toBe('them every day');
    expect(cut(moveEdge(text, span('them every day'), 'end', 1))).toBe('them every day. I');
    expect(cut(moveEdge(text, span('them every day'), 'end', -1))).toBe('them every');
  });

  it('moves the start to the start of the previous or next word', () => {
    expect(cut(moveEdge(text, span('them every'), 'start', -1))).toBe('to them every');
    expect(cut(moveEdge(text, span('them every'), 'start', 1))).toBe('every');
  });

  it('stops at the ends of the text and never makes the span empty', () => {
    expect(moveEdge(text, span('I talk'), 'start', -1)).toEqual(span('I talk'));
    expect(cut(moveEdge(text, span('I never'), 'end', 1))).toBe('I never');
    expect(moveEdge(text, span('every'), 'start', 1)).toEqual(span('every'));
    expect(moveEdge(text, span('every'), 'end', -1)).toEqual(span('every'));
  });
});
