import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../db/action.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { placeCoding, placeCodings } from '../../electron/services/placement.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let seq: TempProject;
let bulk: TempProject;
const TEXT = 'abcdefghij'.repeat(20);

beforeAll(() => {
  for (const p of [(seq = tempProject({ empty: true })), (bulk = tempProject({ empty: true }))]) {
    addText(p.session, 'a.txt', TEXT);
    createCode(p.session, null, 'X');
    createCode(p.session, null, 'Y');
    addCoder(p.session, 'A');
  }
});
afterAll(() => {
  seq.done();
  bulk.done();
});

const state = (p: TempProject) => p.session.project.sqlite.prepare('SELECT code_id AS c, start, "end" AS e, quote FROM codings ORDER BY code_id, start').all();
const reset = (p: TempProject) => p.session.project.sqlite.exec('DELETE FROM codings');

describe('bulk placement', () => {
  it('gives the same codings as applying them one by one (span-union rule included)', () => {
    const span = fc.record({ code: fc.constantFrom(1, 2), start: fc.integer({ min: 0, max: 184 }), len: fc.integer({ min: 1, max: 15 }) });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { maxLength: 12 }), (existing, incoming) => {
        reset(seq);
        reset(bulk);
        const toCoding = (s: { code: number; start: number; len: number }) => ({
          documentId: 1,
          codeId: s.code,
          coderId: 1,
          start: s.start,
          end: s.start + s.len,
        });
        for (const p of [seq, bulk]) runAction(p.session.project, 't', (a) => existing.forEach((s) => placeCoding(a, toCoding(s), TEXT)));
        runAction(seq.session.project, 't', (a) => incoming.forEach((s) => placeCoding(a, toCoding(s), TEXT)));
        runAction(bulk.session.project, 't', (a) => placeCodings(a, incoming.map(toCoding)));
        expect(state(bulk)).toEqual(state(seq));
      }),
      { numRuns: 150 },
    );
  });

  it('reports for each input which coding now holds it', () => {
    reset(bulk);
    const r = runAction(bulk.session.project, 't', (a) =>
      placeCodings(a, [
        { documentId: 1, codeId: 1, coderId: 1, start: 0, end: 5 },
        { documentId: 1, codeId: 1, coderId: 1, start: 5, end: 9, memo: 'joined' },
        { documentId: 1, codeId: 2, coderId: 1, start: 0, end: 5 },
      ]),
    );
    expect(r.placed[0]!.guid).toBe(r.placed[1]!.guid);
    expect(r.placed.map((p) => [p.start, p.end, p.merged])).toEqual([
      [0, 9, true],
      [0, 9, true],
      [0, 5, false],
    ]);
  });
});
