import { afterEach, describe, expect, it } from 'vitest';
import { addCoder, applyCoding, recodeCoding, removeCoding, resizeCoding, setCodingMemo } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { MarginaliaError } from '../../shared/errors.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const TEXT =
  'Interviewer: How do you build trust?\nOfficer: You talk to them every day. 👍 Vi snakker med de innsatte.\nInterviewer: And boundaries?\nOfficer: No first names, ever.';

function setup() {
  p = tempProject({ empty: true });
  addText(p.session, 'co-01.txt', TEXT);
  createCode(p.session, null, 'Rapport');
  createCode(p.session, null, 'Boundaries');
  addCoder(p.session, 'Alice');
  addCoder(p.session, 'Bob');
}

const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

describe('codings', () => {
  it('stores a copy of the quote at UTF-16 offsets, past an emoji', () => {
    setup();
    const s = span('Vi snakker med de innsatte.');
    const r = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', ...s, memo: 'Norwegian' });
    const [row] = exportCodings(p.session);
    expect(row).toMatchObject({
      guid: r.guid,
      start: s.start,
      end: s.end,
      quote: 'Vi snakker med de innsatte.',
      memo: 'Norwegian',
      coder: 'Alice',
      code: 'Rapport',
    });
    expect(TEXT.slice(row!.start, row!.end)).toBe(row!.quote);
  });

  it('lets different codes and different coders overlap freely', () => {
    setup();
    const s = span('You talk to them every day.');
    applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', ...s });
    applyCoding(p.session, { document: 'co-01.txt', code: 'Boundaries', coder: 'Alice', start: s.start + 4, end: s.end });
    applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Bob', ...s });
    expect(exportCodings(p.session)).toHaveLength(3);
  });

  it('merges overlapping and touching spans of the same code by the same coder, keeping the first GUID and both memos', () => {
    setup();
    const first = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 10, end: 20, memo: 'one' });
    const touching = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 20, end: 30, memo: 'two' });
    expect(touching.guid).toBe(first.guid);
    expect(touching.mergedWith).toEqual([first.guid]);
    applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 40, end: 50 });
    const bridge = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 25, end: 45 });
    const rows = exportCodings(p.session);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ guid: first.guid, start: 10, end: 50, memo: 'one\n\ntwo', quote: TEXT.slice(10, 50) });
    expect(bridge.start).toBe(10);
  });

  it('removes, resizes (merging when it now touches) and recodes', () => {
    setup();
    const a = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 0, end: 10 });
    const b = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 20, end: 30 });
    const r = resizeCoding(p.session, b.guid, 12, 30);
    expect(r).toMatchObject({ guid: b.guid, start: 12, end: 30 });
    const merged = resizeCoding(p.session, b.guid, 10, 30);
    expect(merged).toMatchObject({ guid: b.guid, start: 0, end: 30, mergedWith: [a.guid] });
    expect(exportCodings(p.session)).toHaveLength(1);
    recodeCoding(p.session, b.guid, 'Boundaries');
    setCodingMemo(p.session, b.guid, 'checked');
    expect(exportCodings(p.session)[0]).toMatchObject({ code: 'Boundaries', memo: 'checked', start: 0, end: 30 });
    removeCoding(p.session, b.guid);
    expect(exportCodings(p.session)).toEqual([]);
  });

  it('refuses bad spans and unknown names, leaving the project exactly as it was', () => {
    setup();
    const before = dumpProject(p.session);
    const bad = [
      { start: 5, end: 5, msg: /start \(5\) must be less than end/ },
      { start: 9, end: 3, msg: /must be less than end/ },
      { start: -1, end: 3, msg: /outside the document/ },
      { start: 0, end: TEXT.length + 1, msg: /outside the document \(length \d+\)/ },
    ];
    for (const b of bad) {
      expect(() => applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: b.start, end: b.end })).toThrow(b.msg);
    }
    const unknown: [Record<string, string>, RegExp][] = [
      [{ document: 'nope.txt' }, /document "nope.txt" is not in this project/],
      [{ code: 'Nope/Nothing' }, /code "Nope\/Nothing" is not in the code book/],
      [{ coder: 'Zed' }, /coder "Zed" is not in this project/],
    ];
    for (const [override, msg] of unknown) {
      try {
        applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 0, end: 5, ...override });
        throw new Error('expected failure');
      } catch (err) {
        expect(err).toBeInstanceOf(MarginaliaError);
        expect((err as Error).message).toMatch(msg);
      }
    }
    expect(dumpProject(p.session)).toBe(before);
  });

  it('logs every change with who, when, before and after', () => {
    setup();
    const a = applyCoding(p.session, { document: 'co-01.txt', code: 'Rapport', coder: 'Alice', start: 0, end: 10 });
    resizeCoding(p.session, a.guid, 0, 12);
    removeCoding(p.session, a.guid);
    const events = p.session.project.sqlite.prepare("SELECT action, actor, before, after FROM events WHERE entity = 'coding' ORDER BY id").all() as {
      action: string;
      actor: string;
      before: string | null;
      after: string | null;
    }[];
    expect(events.map((e) => e.action)).toEqual(['coding.apply', 'coding.update', 'coding.remove']);
    expect(events.every((e) => e.actor === 'tester')).toBe(true);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ start: 0, end: 10 });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ start: 0, end: 12 });
    expect(JSON.parse(events[2]!.before!)).toMatchObject({ guid: a.guid });
  });
});
