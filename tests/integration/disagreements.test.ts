import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { context, disagreementId, listDisagreements, type Disagreement } from '../../electron/services/agreement/disagreements.js';
import { removeCoding } from '../../electron/services/codings.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { newGuid } from '../../shared/ids.js';
import { buildTemplate, cleanup, cli, dump, expectFailure, ok, okJson, projectFrom } from './cli-harness.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';
import { A_TXT, at, buildTwoCoders, codeAs } from './two-coders.js';

let p: TempProject;
afterEach(() => p?.done());

const AB = { coders: ['Alice', 'Bob'] as [string, string] };
const brief = (items: Disagreement[]) => items.map((i) => [i.document, i.code, i.kind, i.coder, i.text]);

describe('disagreements (hand-computed)', () => {
  it('lists each stretch only one coder coded, per document and code, in document order', () => {
    p = tempProject({ empty: true });
    buildTwoCoders(p.session);
    const items = listDisagreements(p.session, AB);
    // c.txt only Alice coded, so it is left out; "No snitching" the two coded alike.
    expect(brief(items)).toEqual([
      ['a.txt', 'Rapport', 'onlyA', 'Alice', 'I talk to '],
      ['a.txt', 'Rapport', 'onlyB', 'Bob', '. I never'],
      ['a.txt', 'Boundaries', 'onlyA', 'Alice', 'I '],
      ['a.txt', 'Boundaries', 'onlyB', 'Bob', ', and I keep my distance'],
      ['a.txt', 'Static security', 'onlyA', 'Alice', 'keep my distance'],
      ['b.txt', 'Respect', 'onlyA', 'Alice', 'Respect is '],
      ['b.txt', 'Respect', 'onlyB', 'Bob', ', not demanded.'],
      ['b.txt', 'Rapport', 'onlyB', 'Bob', 'Respect goes both ways.'],
    ]);
    for (const i of items) {
      const text = i.document === 'a.txt' ? A_TXT : 'Respect is earned, not demanded. Respect goes both ways.';
      expect(text.slice(i.start, i.end)).toBe(i.text);
    }
    expect(items[0]).toMatchObject({ ...at('a.txt', 'I talk to '), lineStart: 2, lineEnd: 2, speaker: 'Officer' });
    expect(items[5]).toMatchObject({ start: 0, end: 11, lineStart: 1, speaker: null });
  });

  it('gives context cut at word boundaries, and the codings each stretch comes from', () => {
    p = tempProject({ empty: true });
    buildTwoCoders(p.session);
    const items = listDisagreements(p.session, AB);
    const talk = items[0]!;
    // Less than 120 characters before: all of it, line break flattened. After: cut before "wants",
    // whose end would pass 120 characters.
    expect(talk.before).toBe('Interviewer: How do you build trust with the men on your unit? Officer: ');
    expect(talk.after).toBe('them every day. I never use first names, and I keep my distance. Interviewer: What about informants? Officer: Nobody…');
    const codings = exportCodings(p.session);
    const guidOf = (coder: string, code: string, doc: string) =>
      codings.filter((c) => c.coder === coder && c.code === code && c.document === doc).map((c) => c.guid);
    expect(talk.codings).toEqual(guidOf('Alice', 'Rapport', 'a.txt'));
    expect(items[1]!.codings).toEqual(guidOf('Bob', 'Rapport', 'a.txt'));
    // The touching "Respect" + " is earned" were merged into one coding when applied.
    expect(items[5]!.codings).toEqual(guidOf('Alice', 'Respect', 'b.txt'));
    expect(items[5]!.codings).toHaveLength(1);

    // Overlapping codings of one coder (e.g. from a merged project) count once, and both are named.
    const { sqlite } = p.session.project;
    const ids = sqlite
      .prepare("SELECT d.id doc, k.id code, c.id coder FROM documents d, codes k, coders c WHERE d.name='a.txt' AND k.name='Rapport' AND c.name='Alice'")
      .get() as { doc: number; code: number; coder: number };
    const extra = newGuid();
    const s = at('a.txt', 'to them');
    sqlite
      .prepare('INSERT INTO codings (guid, document_id, code_id, coder_id, start, "end", quote, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(extra, ids.doc, ids.code, ids.coder, s.start, s.end, 'to them', 'now', 'now');
    const again = listDisagreements(p.session, AB);
    expect(brief(again)).toEqual(brief(items));
    expect(again[0]!.codings).toEqual([...talk.codings, extra]);
  });

  it('cuts long context at whitespace, with an ellipsis, and never inside a surrogate pair', () => {
    const text = `${'word '.repeat(60)}TARGET${' tail'.repeat(60)}`;
    const t = { start: text.indexOf('TARGET'), end: text.indexOf('TARGET') + 6 };
    const c = context(text, t);
    expect(c.before).toMatch(/^…word (word )+$/);
    expect(c.after).toMatch(/^( tail)+…$/);
    expect(c.before.length).toBeLessThanOrEqual(122);
    expect(c.after.length).toBeLessThanOrEqual(122);
    const emoji = `${'👍'.repeat(100)}X${'👍'.repeat(100)}`;
    const e = context(emoji, { start: 200, end: 201 }, 121);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(lone.test(e.before) || lone.test(e.after)).toBe(false);
    expect(context('a\nb\n\nc', { start: 2, end: 3 })).toEqual({ before: 'a ', after: ' c' });
  });

  it('keeps ids stable across runs and sessions; only a changed stretch gets a new id', () => {
    p = tempProject({ empty: true });
    buildTwoCoders(p.session);
    const first = listDisagreements(p.session, AB);
    expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
    expect(listDisagreements(p.session, AB).map((i) => i.id)).toEqual(first.map((i) => i.id));
    closeSession(p.session);
    p.session = openSession(p.path, 'tester');
    expect(listDisagreements(p.session, AB).map((i) => i.id)).toEqual(first.map((i) => i.id));
    const coders = p.session.project.sqlite.prepare("SELECT guid FROM coders WHERE name IN ('Alice','Bob') ORDER BY name").all() as { guid: string }[];
    const i0 = first[0]!;
    expect(i0.id).toBe(
      disagreementId({
        documentGuid: i0.documentGuid,
        codeGuid: i0.codeGuid,
        coders: [coders[0]!.guid, coders[1]!.guid],
        kind: 'onlyA',
        start: i0.start,
        end: i0.end,
      }),
    );
    // Scoping to fewer documents or codes does not change an item's id.
    const scoped = listDisagreements(p.session, { ...AB, codes: ['Respect'], documents: ['b.txt'] });
    expect(scoped.map((i) => i.id)).toEqual([first[5]!.id, first[6]!.id]);
    // Bob widens his b.txt Rapport coding: only that item changes.
    codeAs(p.session, 'Bob', 'b.txt', 'Rapport', ' Respect goes', 'demanded.');
    const after = listDisagreements(p.session, AB);
    expect(after.slice(0, 7).map((i) => i.id)).toEqual(first.slice(0, 7).map((i) => i.id));
    expect(after[7]!.text).toBe(' Respect goes both ways.');
    expect(after[7]!.id).not.toBe(first[7]!.id);
    // Swapping the coders swaps the kinds, so the ids differ too.
    const swapped = listDisagreements(p.session, { coders: ['Bob', 'Alice'] });
    expect(swapped.map((i) => [i.start, i.end, i.coder])).toEqual(after.map((i) => [i.start, i.end, i.coder]));
    expect(swapped.map((i) => i.kind)).toEqual(after.map((i) => (i.kind === 'onlyA' ? 'onlyB' : 'onlyA')));
    expect(new Set([...swapped, ...after].map((i) => i.id)).size).toBe(after.length * 2);
  });

  it('has no items when the coders agree, and refuses unknown coders and codes, changing nothing', () => {
    p = tempProject({ empty: true });
    buildTwoCoders(p.session);
    expect(listDisagreements(p.session, { ...AB, codes: ['No snitching'] })).toEqual([]);
    const before = dumpProject(p.session);
    expect(() => listDisagreements(p.session, { coders: ['Alice', 'Zed'] })).toThrow(/coder "Zed" is not in this project/);
    expect(() => listDisagreements(p.session, { ...AB, codes: ['Nope'] })).toThrow(/code "Nope" is not in the code book/);
    expect(dumpProject(p.session)).toBe(before);
    // A coder who removed every coding cannot be compared.
    for (const c of exportCodings(p.session).filter((x) => x.coder === 'Bob')) removeCoding(p.session, c.guid);
    expect(() => listDisagreements(p.session, AB)).toThrow(/Bob has no codings/);
  });
});

describe('marginalia disagreements (fixture project: Alice and Bob)', () => {
  let template: string;
  beforeAll(() => {
    template = buildTemplate({ formats: false });
  }, 120_000);
  afterAll(cleanup);

  it('prints each item with id, place, code, who and the marked text; --json has the same items, stably', () => {
    const path = projectFrom(template);
    const items = okJson<Disagreement[]>(['disagreements', path, '--coders', 'Alice,Bob']);
    expect(items.length).toBeGreaterThan(5);
    expect(okJson<Disagreement[]>(['disagreements', path, '--coders', 'Alice,Bob']).map((i) => i.id)).toEqual(items.map((i) => i.id));
    const order = items.map((i) => [i.document, i.start]);
    expect(order).toEqual([...order].sort((x, y) => String(x[0]).localeCompare(String(y[0])) || Number(x[1]) - Number(y[1])));
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['onlyA', 'onlyB']));
    const s = openSession(path, 'tester');
    try {
      expect(listDisagreements(s, AB)).toEqual(items);
    } finally {
      closeSession(s);
    }
    const text = ok(['disagreements', path, '--coders', 'Alice,Bob']);
    const i = items.find((x) => x.kind === 'onlyB')!;
    const where = `${i.document}:${i.lineStart === i.lineEnd ? i.lineStart : `${i.lineStart}–${i.lineEnd}`}`;
    expect(text).toContain(`${i.id}  ${where}  ${i.code}`);
    expect(text).toContain(`only Bob coded this (Alice did not), [${i.start},${i.end})`);
    expect(text).toContain(`⟦${i.text.replace(/\s+/g, ' ')}⟧`);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${items.length} disagreements in \\d+ documents: \\d+ only Alice, \\d+ only Bob$`));
    const scoped = okJson<Disagreement[]>(['disagreements', path, '--coders', 'Alice,Bob', '--docs', 'co-01.txt', '--codes', i.code]);
    expect(scoped).toEqual(items.filter((x) => x.document === 'co-01.txt' && x.code === i.code));
  });

  it('refuses an unknown coder, a bad code and a wrong --coders list, leaving the project as it was', () => {
    const path = projectFrom(template);
    const before = dump(path);
    expectFailure(cli(['disagreements', path, '--coders', 'Alice,Zed']), /coder "Zed" is not in this project/);
    expectFailure(cli(['disagreements', path, '--coders', 'Alice,Bob', '--codes', 'No/Such']), /code "No\/Such" is not in the code book/);
    expectFailure(cli(['disagreements', path, '--coders', 'Alice']), /exactly two names/, 2);
    expect(dump(path)).toBe(before);
  });
});
