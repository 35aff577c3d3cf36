/**
 * One placement batch holding two coders' touching codings of one code: the span-union rule joins
 * each coder's own touching spans and never one coder's with another's, whatever the order, and
 * gives what placing them one by one gives.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../db/action.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { placeCoding, placeCodings, type NewCoding } from '../../electron/services/placement.js';
import { addText, tempProject, type TempProject } from './helpers.js';

const TEXT = 'abcdefghij'.repeat(10);
let seq: TempProject;
let bulk: TempProject;
let code = 0;
let alice = 0;
let bob = 0;

beforeAll(() => {
  for (const p of [(seq = tempProject({ empty: true })), (bulk = tempProject({ empty: true }))]) {
    addText(p.session, 'a.txt', TEXT);
    createCode(p.session, null, 'X');
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
  }
  const id = (sql: string) => (bulk.session.project.sqlite.prepare(sql).get() as { id: number }).id;
  code = id("SELECT id FROM codes WHERE name = 'X'");
  alice = id("SELECT id FROM coders WHERE name = 'Alice'");
  bob = id("SELECT id FROM coders WHERE name = 'Bob'");
});
afterAll(() => {
  seq.done();
  bulk.done();
});

const rows = (p: TempProject) =>
  p.session.project.sqlite.prepare('SELECT coder_id AS coder, start, "end" AS e, quote FROM codings ORDER BY coder_id, start').all() as {
    coder: number;
    start: number;
    e: number;
    quote: string;
  }[];
const reset = (p: TempProject) => p.session.project.sqlite.exec('DELETE FROM codings');
const span = (coderId: number, start: number, end: number, memo?: string): NewCoding => ({ documentId: 1, codeId: code, coderId, start, end, memo });

describe('one batch, two coders, one code', () => {
  it('joins each coder\u2019s touching spans, keeps the coders apart, and reports the merges', () => {
    reset(bulk);
    runAction(bulk.session.project, 't', (a) => placeCodings(a, [span(bob, 30, 40)])); // Bob already has 30–40
    const batch = [span(alice, 0, 10, 'a1'), span(bob, 10, 20), span(alice, 10, 15, 'a2'), span(bob, 20, 30), span(alice, 40, 45)];
    const r = runAction(bulk.session.project, 't', (a) => placeCodings(a, batch));
    expect(rows(bulk)).toEqual([
      { coder: alice, start: 0, e: 15, quote: TEXT.slice(0, 15) },
      { coder: alice, start: 40, e: 45, quote: TEXT.slice(40, 45) },
      { coder: bob, start: 10, e: 40, quote: TEXT.slice(10, 40) },
    ]);
    expect(r.placed.map((x) => [x.start, x.end, x.merged])).toEqual([
      [0, 15, true],
      [10, 40, true],
      [0, 15, true],
      [10, 40, true],
      [40, 45, false], // touches Bob's 30–40, but that is another coder's
    ]);
    expect(r.placed[0]!.guid).toBe(r.placed[2]!.guid);
    expect(r.placed[1]!.guid).toBe(r.placed[3]!.guid);
    expect(r.placed[0]!.guid).not.toBe(r.placed[1]!.guid);
    const memos = bulk.session.project.sqlite.prepare("SELECT body FROM memos WHERE target_kind = 'coding'").all();
    expect(memos).toEqual([{ body: 'a1\n\na2' }]);
  });

  it('gives the same codings as placing them one by one, for any mix of the two coders', () => {
    const item = fc.record({ who: fc.constantFrom(0, 1), start: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.array(item, { minLength: 1, maxLength: 12 }), (existing, incoming) => {
        reset(seq);
        reset(bulk);
        const toSpan = (s: { who: number; start: number; len: number }) => span(s.who ? bob : alice, s.start, s.start + s.len);
        for (const p of [seq, bulk]) runAction(p.session.project, 't', (a) => existing.forEach((s) => placeCoding(a, toSpan(s), TEXT)));
        runAction(seq.session.project, 't', (a) => incoming.forEach((s) => placeCoding(a, toSpan(s), TEXT)));
        runAction(bulk.session.project, 't', (a) => placeCodings(a, incoming.map(toSpan)));
        expect(rows(bulk)).toEqual(rows(seq));
        // Within one coder no two codings of the code touch; across coders they may.
        const all = rows(bulk);
        for (const a of all) for (const b of all) if (a !== b && a.coder === b.coder) expect(a.e < b.start || b.e < a.start).toBe(true);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});
