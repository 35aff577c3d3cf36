/**
 * runAction is all or nothing: an action that throws part-way, after it has placed a coding and
 * logged events, leaves no coding, no event and no listener call behind, and the next action runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onAction, runAction } from '../../db/action.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { placeCoding, placeCodings } from '../../electron/services/placement.js';
import { fail, MarginaliaError } from '../../shared/errors.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

const TEXT = 'Interviewer: How long have you worked here?\n\nOfficer: Eleven years, since the unit opened.';
let p: TempProject;
let ids: { documentId: number; codeId: number; coderId: number };

beforeEach(() => {
  p = tempProject({ empty: true });
  const doc = addText(p.session, 'a.txt', TEXT);
  const code = createCode(p.session, null, 'Rapport');
  const coder = addCoder(p.session, 'Alice');
  const row = (sql: string, v: string) => (p.session.project.sqlite.prepare(sql).get(v) as { id: number }).id;
  ids = { documentId: doc.id, codeId: row('SELECT id FROM codes WHERE guid = ?', code.guid), coderId: row('SELECT id FROM coders WHERE guid = ?', coder.guid) };
});
afterEach(() => p.done());

const count = (table: string): number => (p.session.project.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('an action that throws part-way', () => {
  it('leaves no coding and no event behind, tells no listener, and the next action commits', () => {
    const before = dumpProject(p.session);
    const events = count('events');
    const heard: string[] = [];
    onAction(p.session.project, (batch) => heard.push(batch));

    const attempt = () =>
      runAction(p.session.project, 'tester', (action) => {
        placeCoding(action, { ...ids, start: 0, end: 11 }, TEXT);
        placeCodings(action, [{ ...ids, start: 47, end: 60, memo: 'years' }]);
        action.log({ action: 'test.step', entity: 'test' });
        // Inside the transaction the work is visible: the rollback below is what removes it.
        expect(count('codings')).toBe(2);
        expect(count('events')).toBeGreaterThanOrEqual(events + 3);
        fail('invalid_input', 'a.txt: refused part-way');
      });
    expect(attempt).toThrow(MarginaliaError);
    expect(attempt).toThrow('a.txt: refused part-way');

    expect(count('codings')).toBe(0);
    expect(count('memos')).toBe(0);
    expect(count('events')).toBe(events);
    expect(dumpProject(p.session)).toBe(before);
    expect(heard).toEqual([]);
    expect(p.session.project.sqlite.inTransaction).toBe(false);

    const kept = runAction(p.session.project, 'tester', (action) => placeCoding(action, { ...ids, start: 0, end: 11 }, TEXT));
    expect(kept).toMatchObject({ start: 0, end: 11, mergedWith: [] });
    expect(count('codings')).toBe(1);
    expect(count('events')).toBe(events + 1);
    expect(heard).toHaveLength(1);
  });

  it('a plain Error (a bug, not a refusal) rolls back the same way, merges included', () => {
    runAction(p.session.project, 'tester', (action) => placeCoding(action, { ...ids, start: 0, end: 11 }, TEXT));
    const before = dumpProject(p.session);
    expect(() =>
      runAction(p.session.project, 'tester', (action) => {
        // Touches the existing coding: it is merged away and replaced before the throw.
        placeCoding(action, { ...ids, start: 11, end: 20 }, TEXT);
        expect(count('codings')).toBe(1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(dumpProject(p.session)).toBe(before);
    const row = p.session.project.sqlite.prepare('SELECT start, "end" AS e FROM codings').get();
    expect(row).toEqual({ start: 0, e: 11 });
  });
});
