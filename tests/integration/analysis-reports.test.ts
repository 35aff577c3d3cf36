/**
 * Frequencies, co-occurrence, cross-tabs and the passages behind them, through the one door
 * (contract → dispatch → handlers → services), checked against counts made by hand on the
 * fixture in analysis-fixture.ts (the comments there number the codings 1–10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { startConsensus } from '../../electron/services/agreement/consensus.js';
import { cooccurrence } from '../../electron/services/analysis/cooccurrence.js';
import { crosstab } from '../../electron/services/analysis/crosstab.js';
import { frequencies } from '../../electron/services/analysis/frequencies.js';
import { passages } from '../../electron/services/analysis/passages.js';
import { closeSession } from '../../electron/services/session.js';
import type { CooccurrenceReport } from '../../shared/analysis/types.js';
import { MarginaliaError } from '../../shared/errors.js';
import { buildAnalysisFixture, TEXTS } from './analysis-fixture.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
let door: ProjectDoor;
const g = { code: new Map<string, string>(), coder: new Map<string, string>(), attr: new Map<string, string>(), doc: new Map<string, string>() };

beforeAll(async () => {
  p = tempProject({ empty: true });
  buildAnalysisFixture(p.session);
  startConsensus(p.session, { coders: ['Alice', 'Bob'] });
  closeSession(p.session);
  door = openProjectDoor(p.path, 'tester');
  for (const c of await door.call('codebook.list', {})) g.code.set(c.path, c.guid);
  const options = await door.call('analysis.options', {});
  for (const c of options.coders) g.coder.set(c.name, c.guid);
  for (const a of options.attributes) g.attr.set(a.name, a.guid);
  for (const d of await door.call('documents.list', {})) g.doc.set(d.name, d.guid);
});
afterAll(() => {
  door.close();
  p.done();
});

const row = <R extends { code: string }>(rows: R[], code: string) => rows.find((r) => r.code === code)!;
const len = (s: string) => s.length;

describe('frequencies and prevalence', () => {
  it('counts every coder but the consensus coder, over cases, with sub-codes', async () => {
    const f = await door.call('analysis.frequencies', {});
    expect(f.unit).toEqual({ kind: 'case', label: 'cases', total: 3, documentsWithoutCase: 1 });
    expect(f.coders).toEqual({
      mode: 'all',
      coders: [
        { guid: g.coder.get('Alice'), name: 'Alice' },
        { guid: g.coder.get('Bob'), name: 'Bob' },
      ],
    });
    expect(f.rows.map((r) => r.code)).toEqual(['Rapport', 'Rapport/Trust', 'Boundaries', 'Safety']);
    // Rapport: codings 1, 4, 8 and Trust's 2, 9; a.txt union "You talk to them every day. Trust", c.txt two spans.
    expect(row(f.rows, 'Rapport')).toMatchObject({
      codings: 5,
      characters: len('You talk to them every day. Trust') + len('Rapport with you') + len('earn trust slowly'),
      documents: 2,
      cases: 2,
      units: 2,
      prevalence: 2 / 3,
      depth: 0,
    });
    expect(row(f.rows, 'Rapport/Trust')).toMatchObject({ codings: 2, documents: 2, cases: 2, prevalence: 2 / 3, depth: 1 });
    expect(row(f.rows, 'Boundaries')).toMatchObject({ codings: 2, documents: 2, cases: 2, prevalence: 2 / 3 });
    // Safety: 5 and 7 in b.txt (CO-02), 10 in d.txt (no case).
    expect(row(f.rows, 'Safety')).toMatchObject({
      codings: 3,
      characters: len('Safety first') + len('everyone safe') + len('Safety is a worry'),
      documents: 2,
      cases: 1,
      prevalence: 1 / 3,
    });
  });

  it('without sub-codes, for one coder, for some documents, and with the caller’s unit label', async () => {
    const own = await door.call('analysis.frequencies', { subcodes: false });
    // Rapport's own codings 1, 4, 8; 8 is in the interviewer's turn of c.txt, which has no case.
    expect(row(own.rows, 'Rapport')).toMatchObject({ codings: 3, documents: 2, cases: 1, prevalence: 1 / 3 });
    const alice = await door.call('analysis.frequencies', { coders: [g.coder.get('Alice')!], codes: [g.code.get('Rapport')!], unitLabel: 'interviewees' });
    expect(alice.coders.mode).toBe('coders');
    expect(alice.unit.label).toBe('interviewees');
    expect(alice.rows).toHaveLength(1);
    expect(alice.rows[0]).toMatchObject({ codings: 4, cases: 2 });
    const onlyD = await door.call('analysis.frequencies', { documents: [g.doc.get('d.txt')!] });
    expect(onlyD.unit).toMatchObject({ kind: 'document', label: 'documents', total: 1 });
    expect(row(onlyD.rows, 'Safety')).toMatchObject({ codings: 1, units: 1, prevalence: 1 });
  });

  it('counts the consensus coder alone when asked', async () => {
    // Both coded Rapport in a.txt: the consensus keeps "talk to them"; every other stretch is undecided.
    const c = await door.call('analysis.frequencies', { consensus: true });
    expect(c.coders).toEqual({ mode: 'consensus', coders: [{ guid: g.coder.get('Consensus (Alice+Bob)'), name: 'Consensus (Alice+Bob)' }] });
    expect(row(c.rows, 'Rapport')).toMatchObject({ codings: 1, characters: len('talk to them'), cases: 1 });
    expect(row(c.rows, 'Safety').codings).toBe(0);
  });

  it('refuses coders and consensus together, a non-consensus coder as consensus, and unknown GUIDs, in one line', async () => {
    const refused = async (args: object) => {
      const e = await door.call('analysis.frequencies', args as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(MarginaliaError);
      return (e as Error).message;
    };
    expect(await refused({ coders: [g.coder.get('Alice')], consensus: true })).toMatch(/not both/);
    expect(await refused({ consensus: g.coder.get('Bob') })).toMatch(/"Bob" is not a consensus coder/);
    expect(await refused({ codes: ['no-such-guid'] })).toMatch(/no code with GUID no-such-guid/);
    expect(await refused({ subcodes: 'yes' })).toMatch(/subcodes/);
  });
});

const cell = (m: CooccurrenceReport, a: string, b: string, what: 'counts' | 'jaccard' = 'counts') => {
  const i = m.codes.findIndex((c) => c.code === a);
  const j = m.codes.findIndex((c) => c.code === b);
  return m[what][i]![j]!;
};

describe('co-occurrence', () => {
  it('overlap: only codings of one coder in one document that share text', async () => {
    const m = await door.call('analysis.cooccurrence', {});
    expect(m.mode).toBe('overlap');
    // Diagonal: each code's own codings (Rapport 1, 4, 8; Trust 2, 9; Boundaries 3, 6; Safety 5, 7, 10).
    expect(m.codes.map((c) => c.codings)).toEqual([3, 2, 2, 3]);
    expect(cell(m, 'Rapport', 'Rapport/Trust')).toBe(1); // 1 × 2 (Bob's 4 overlaps too, but is Bob's)
    expect(cell(m, 'Rapport/Trust', 'Rapport')).toBe(1);
    expect(cell(m, 'Boundaries', 'Safety')).toBe(1); // 6 × 7
    expect(cell(m, 'Rapport', 'Boundaries')).toBe(0);
    expect(cell(m, 'Rapport', 'Rapport/Trust', 'jaccard')).toBe((1 + 1) / (3 + 2));
    expect(cell(m, 'Boundaries', 'Safety', 'jaccard')).toBe((1 + 1) / (2 + 3));
    expect(cell(m, 'Safety', 'Safety', 'jaccard')).toBe(1);
  });

  it('same speaker turn', async () => {
    const m = await door.call('analysis.cooccurrence', { mode: 'turn' });
    expect(m.documentsWithoutTurns).toBe(1); // d.txt
    expect(cell(m, 'Rapport', 'Rapport/Trust')).toBe(1); // 1 × 2; 8 (interviewer) and 9 (participant) are in different turns
    expect(cell(m, 'Rapport', 'Boundaries')).toBe(1); // 1 × 3
    expect(cell(m, 'Rapport/Trust', 'Boundaries')).toBe(1); // 2 × 3
    expect(cell(m, 'Boundaries', 'Safety')).toBe(2); // 6 × 5, 6 × 7
    expect(cell(m, 'Rapport', 'Safety')).toBe(0);
    // d.txt has no turns, so Safety's 10 is left out: Safety has 2 codings here.
    expect(cell(m, 'Safety', 'Safety')).toBe(2);
    expect(cell(m, 'Boundaries', 'Safety', 'jaccard')).toBe((1 + 2) / (2 + 2));
  });

  it('within N characters', async () => {
    // a.txt: Trust's 2 ends 13 characters (" takes time. ") before 3; Rapport's 1 ends 20 before it.
    const m13 = await door.call('analysis.cooccurrence', { mode: 'near', distance: 13 });
    expect(cell(m13, 'Rapport/Trust', 'Boundaries')).toBe(1);
    expect(cell(m13, 'Rapport', 'Boundaries')).toBe(0);
    expect(cell(m13, 'Boundaries', 'Safety')).toBe(2); // 6 × 7 overlap, 5 × 6 two apart
    const m12 = await door.call('analysis.cooccurrence', { mode: 'near', distance: 12 });
    expect(cell(m12, 'Rapport/Trust', 'Boundaries')).toBe(0);
    const m20 = await door.call('analysis.cooccurrence', { mode: 'near', distance: 20 });
    expect(cell(m20, 'Rapport', 'Boundaries')).toBe(1);
  });
});

describe('cross-tabs by case attribute', () => {
  it('counts cases with a coding per value, and their share of the cases with that value', async () => {
    const t = await door.call('analysis.crosstab', { attribute: g.attr.get('role')! });
    // CO-04 has no document, so it is out of scope.
    expect(t.columns).toEqual([
      { value: 'manager', label: 'manager', cases: 1 },
      { value: 'officer', label: 'officer', cases: 2 },
    ]);
    expect(row(t.rows, 'Rapport').cells).toEqual([
      { cases: 0, share: 0, codings: 0 },
      { cases: 2, share: 1, codings: 4 }, // 1, 2, 4 (CO-01) and 9 (CO-03); 8 has no case
    ]);
    expect(row(t.rows, 'Boundaries').cells).toEqual([
      { cases: 1, share: 1, codings: 1 },
      { cases: 1, share: 0.5, codings: 1 },
    ]);
    expect(row(t.rows, 'Safety').cells).toEqual([
      { cases: 1, share: 1, codings: 2 },
      { cases: 0, share: 0, codings: 0 },
    ]);
  });

  it('gives cases without a value their own column', async () => {
    const t = await door.call('analysis.crosstab', { attribute: g.attr.get('institution')! });
    expect(t.columns.map((c) => [c.label, c.value, c.cases])).toEqual([
      ['A', 'A', 1],
      ['B', 'B', 1],
      ['(no value)', null, 1],
    ]);
    expect(row(t.rows, 'Rapport/Trust').cells.map((c) => c.cases)).toEqual([1, 0, 1]);
  });

  it('refuses a project slice without cases', async () => {
    const e = await door.call('analysis.crosstab', { attribute: g.attr.get('role')!, documents: [g.doc.get('d.txt')!] }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/cross-tabs need cases/);
  });
});

describe('the passages behind a number', () => {
  it('lists a bar’s codings, a co-occurrence cell’s pairs and a cross-tab cell’s codings, in document order', async () => {
    const bar = await door.call('analysis.passages', { cell: { kind: 'code', code: g.code.get('Safety')! } });
    expect(bar.total).toBe(3);
    expect(bar.passages.map((x) => [x.document, x.text, x.caseName])).toEqual([
      ['b.txt', 'Safety first', 'CO-02'],
      ['b.txt', 'everyone safe', 'CO-02'],
      ['d.txt', 'Safety is a worry', null],
    ]);
    const pair = await door.call('analysis.passages', { cell: { kind: 'pair', codes: [g.code.get('Rapport')!, g.code.get('Rapport/Trust')!] } });
    expect(pair.passages).toHaveLength(1);
    expect(pair.passages[0]).toMatchObject({
      document: 'a.txt',
      text: 'talk to them every day. Trust',
      coder: 'Alice',
      codes: ['Rapport', 'Rapport/Trust'],
      lineStart: 2,
      lineEnd: 2,
    });
    expect(TEXTS['a.txt'].slice(pair.passages[0]!.start, pair.passages[0]!.end)).toBe('talk to them every day. Trust');
    const tab = await door.call('analysis.passages', {
      cell: { kind: 'attribute', code: g.code.get('Boundaries')!, attribute: g.attr.get('role')!, value: 'officer' },
    });
    expect(tab.passages.map((x) => [x.text, x.caseName])).toEqual([['Boundaries matter', 'CO-01']]);
    const limited = await door.call('analysis.passages', { cell: { kind: 'code', code: g.code.get('Rapport')! }, limit: 2 });
    expect([limited.total, limited.passages.length]).toEqual([5, 2]);
  });
});

describe('reading changes nothing', () => {
  it('leaves every row of the file as it was', () => {
    const q = tempProject({ empty: true });
    try {
      buildAnalysisFixture(q.session);
      const before = dumpProject(q.session);
      const rapport = q.session.project.sqlite.prepare("SELECT guid FROM codes WHERE name = 'Rapport'").get() as { guid: string };
      const role = q.session.project.sqlite.prepare("SELECT guid FROM attributes WHERE name = 'role'").get() as { guid: string };
      expect(frequencies(q.session).rows).toHaveLength(4);
      expect(cooccurrence(q.session, {}, { mode: 'turn' }).codes).toHaveLength(4);
      expect(crosstab(q.session, {}, role.guid).columns).toHaveLength(2);
      expect(passages(q.session, {}, { kind: 'code', code: rapport.guid }).total).toBe(5);
      expect(dumpProject(q.session)).toBe(before);
    } finally {
      q.done();
    }
  });
});
