/**
 * A coding write folded into the lists the workspace holds (renderer/coding/coding-writes.ts):
 * the same counts a full re-read would give, for apply, merge, resize, recode and removal, and
 * only when the write's coder is counted (Show).
 */
import { describe, expect, it } from 'vitest';
import { codersAfter, codesAfter, codingsAfter, docsAfter, infoAfter, touchedCodes, type CodingWrite } from '../../renderer/coding/coding-writes.js';
import type { ApplyResultView, CodeWithCounts, CoderWithCounts, CodingView, DocumentListItem, ProjectInfoView } from '../../shared/api/types.js';

const code = (id: number, guid: string, path: string, parentId: number | null, own: number, total: number): CodeWithCounts => ({
  id,
  guid,
  parentId,
  name: path.split('/').pop()!,
  path,
  color: '#336699',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  position: id,
  own,
  total,
});
const CODES = [
  code(1, 'ds', 'DS', null, 0, 3),
  code(2, 'rap', 'DS/Rapport', 1, 2, 3),
  code(3, 'wr', 'DS/Rapport/Working', 2, 1, 1),
  code(4, 'bd', 'DS/Boundaries', 1, 0, 0),
];
const view = (guid: string, codeGuid: string, coderGuid: string, start: number, end: number): CodingView => ({
  guid,
  codeGuid,
  code: CODES.find((c) => c.guid === codeGuid)!.path,
  color: '#336699',
  coderGuid,
  coder: coderGuid === 'al' ? 'Alice' : 'Bob',
  start,
  end,
  memo: null,
});
const DOCS: DocumentListItem[] = [
  { guid: 'd1', byCoder: [{ coderGuid: 'bo', coder: 'Bob', codings: 2 }] } as DocumentListItem,
  { guid: 'd2', byCoder: [{ coderGuid: 'al', coder: 'Alice', codings: 1 }] } as DocumentListItem,
];
const CODERS = [
  { guid: 'al', name: 'Alice', id: 1, codings: 1, documents: 1 },
  { guid: 'bo', name: 'Bob', id: 2, codings: 2, documents: 1 },
] as CoderWithCounts[];
const stored = (c: CodingView, mergedWith: string[], coder = { codings: 2, documents: 2 }, inDoc = 1, project = 4): ApplyResultView => ({
  guid: c.guid,
  start: c.start,
  end: c.end,
  mergedWith,
  document: 'd1',
  coding: c,
  counts: { coder: { guid: c.coderGuid, ...coder }, document: { guid: 'd1', coderCodings: inDoc }, project },
});
const all = () => true;
const countsOf = (codes: CodeWithCounts[]) => Object.fromEntries(codes.map((c) => [c.guid, `${c.own}/${c.total}`]));

describe('a coding write folded into the lists', () => {
  it('apply: the optimistic coding gives way to the stored one; the code and every code above it count one more', () => {
    const pending = { ...view('pending-rap-5', 'rap', 'al', 5, 9) };
    const w: CodingWrite = { kind: 'stored', result: stored(view('g1', 'rap', 'al', 5, 9), []), replaced: pending };
    expect(codingsAfter([view('b1', 'rap', 'bo', 0, 3), pending], w, all).map((c) => c.guid)).toEqual(['b1', 'g1']);
    expect(countsOf(codesAfter(CODES, w, all))).toEqual({ ds: '0/4', rap: '3/4', wr: '1/1', bd: '0/0' });
    expect(docsAfter(DOCS, w)[0]!.byCoder).toEqual([
      { coderGuid: 'al', coder: 'Alice', codings: 1 },
      { coderGuid: 'bo', coder: 'Bob', codings: 2 },
    ]);
    expect(codersAfter(CODERS, w, DOCS)[0]).toMatchObject({ guid: 'al', codings: 2, documents: 2 });
    expect(infoAfter({ codings: 3 } as ProjectInfoView, w)?.codings).toBe(4);
    expect(touchedCodes(w)).toEqual(['rap']);
  });

  it('a merge: the codings it absorbed leave the view and the count moves by one minus them', () => {
    const pending = view('pending-wr-4', 'wr', 'al', 4, 8);
    const w: CodingWrite = { kind: 'stored', result: stored(view('old', 'wr', 'al', 0, 12), ['old2']), replaced: pending };
    const list = [view('old', 'wr', 'al', 0, 5), view('old2', 'wr', 'al', 7, 12), pending];
    expect(codingsAfter(list, w, all)).toEqual([view('old', 'wr', 'al', 0, 12)]);
    expect(countsOf(codesAfter(CODES, w, all))).toEqual(countsOf(CODES));
  });

  it('recode: the old code loses one, the new one gains one; resize changes no count', () => {
    const before = view('g1', 'wr', 'al', 5, 9);
    const recode: CodingWrite = { kind: 'stored', result: stored(view('g1', 'bd', 'al', 5, 9), []), replaced: before };
    expect(countsOf(codesAfter(CODES, recode, all))).toEqual({ ds: '0/3', rap: '2/2', wr: '0/0', bd: '1/1' });
    expect(touchedCodes(recode)).toEqual(['wr', 'bd']);
    const resize: CodingWrite = { kind: 'stored', result: stored(view('g1', 'wr', 'al', 2, 9), []), replaced: before };
    expect(codesAfter(CODES, resize, all)).toBe(CODES);
    expect(codingsAfter([before], resize, all)).toEqual([view('g1', 'wr', 'al', 2, 9)]);
  });

  it('removal: one fewer everywhere; the coder leaves the document list when it was their last coding there', () => {
    const gone = view('a1', 'wr', 'al', 0, 4);
    const w: CodingWrite = { kind: 'removed', coding: gone, document: 'd2' };
    expect(codingsAfter([gone], w, all)).toEqual([]);
    expect(countsOf(codesAfter(CODES, w, all))).toEqual({ ds: '0/2', rap: '2/2', wr: '0/0', bd: '0/0' });
    expect(docsAfter(DOCS, w)[1]!.byCoder).toEqual([]);
    expect(codersAfter(CODERS, w, DOCS)[0]).toMatchObject({ codings: 0, documents: 0 });
    expect(infoAfter({ codings: 3 } as ProjectInfoView, w)?.codings).toBe(2);
  });

  it('a coder not shown: the coding is stored but not drawn, and the shown counts stay', () => {
    const onlyBob = (k: string) => k === 'bo';
    const pending = view('pending-rap-5', 'rap', 'al', 5, 9);
    const w: CodingWrite = { kind: 'stored', result: stored(view('g1', 'rap', 'al', 5, 9), []), replaced: pending };
    expect(codingsAfter([pending], w, onlyBob)).toEqual([]);
    expect(codesAfter(CODES, w, onlyBob)).toBe(CODES);
  });
});
