import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { characterReport } from '../../electron/services/agreement/character.js';
import { consensusStatus, decide, startConsensus, type Decision } from '../../electron/services/agreement/consensus.js';
import { loadAgreementData } from '../../electron/services/agreement/data.js';
import { listDisagreements, type Disagreement } from '../../electron/services/agreement/disagreements.js';
import { addCoder, applyCoding, setCodingMemo } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { spanDifference, unionSpans } from '../../shared/agreement/index.js';
import type { Span } from '../../shared/types.js';
import { buildTemplate, cleanup, cli, dump, expectFailure, ok, okJson, projectFrom } from './cli-harness.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';
import { at, buildTwoCoders, codeAs, codingsOf, TEXTS } from './two-coders.js';

let p: TempProject;
afterEach(() => p?.done());

const AB = { coders: ['Alice', 'Bob'] as [string, string] };
const CONSENSUS = 'Consensus (Alice+Bob)';

function setup(): Disagreement[] {
  p = tempProject({ empty: true });
  buildTwoCoders(p.session);
  return listDisagreements(p.session, AB);
}

/** The item of `doc` × `code` whose text is `text`. */
const item = (items: Disagreement[], doc: string, code: string, text: string) => items.find((i) => i.document === doc && i.code === code && i.text === text)!;
const say = (id: string, decision: Decision, extra: { start?: number; end?: number; reason?: string } = {}) =>
  decide(p.session, { ...AB, item: id, decision, ...extra });
const guids = (coder: string) =>
  new Map(
    exportCodings(p.session)
      .filter((c) => c.coder === coder)
      .map((c) => [`${c.document}|${c.code}|${c.start}|${c.end}`, c.guid]),
  );
const events = (entity: string) =>
  p.session.project.sqlite.prepare('SELECT action, before, after, actor FROM events WHERE entity = ? ORDER BY id').all(entity) as {
    action: string;
    before: string | null;
    after: string | null;
    actor: string;
  }[];

describe('consensus (hand-computed)', () => {
  it('starts from the text both coded alike, with every disagreement open', () => {
    const items = setup();
    const s = startConsensus(p.session, AB);
    expect(s).toMatchObject({ coder: CONSENSUS, coders: ['Alice', 'Bob'], items: 8, decided: 0, created: true, stale: [] });
    expect(s.open.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(codingsOf(p.session, CONSENSUS)).toEqual([
      ['a.txt', 'Boundaries', 'never use first names'],
      ['a.txt', 'No snitching', 'Nobody wants to be called a snitch'],
      ['a.txt', 'Rapport', 'them every day'],
      ['b.txt', 'Respect', 'earned'],
    ]);
    // Starting again changes nothing.
    const before = dumpProject(p.session);
    expect(startConsensus(p.session, AB)).toMatchObject({ created: false, cellsRewritten: 0 });
    expect(dumpProject(p.session)).toBe(before);
  });

  it('round trip: every decision kind, consensus codings follow, decisions can change', () => {
    const items = setup();
    startConsensus(p.session, AB);
    // A memo on a consensus coding survives when a decision widens that coding.
    const agreed = exportCodings(p.session).find((c) => c.coder === CONSENSUS && c.code === 'Rapport')!;
    setCodingMemo(p.session, agreed.guid, 'the core of rapport');
    const boundaries = at('a.txt', 'keep my distance');
    say(item(items, 'a.txt', 'Rapport', 'I talk to ').id, 'accept-a', { reason: 'the whole clause' });
    say(item(items, 'a.txt', 'Rapport', '. I never').id, 'accept-a');
    say(item(items, 'a.txt', 'Boundaries', 'I ').id, 'accept-b');
    say(item(items, 'a.txt', 'Boundaries', ', and I keep my distance').id, 'custom', { ...boundaries, reason: 'distance is the boundary' });
    say(item(items, 'a.txt', 'Static security', 'keep my distance').id, 'keep-both');
    say(item(items, 'b.txt', 'Respect', 'Respect is ').id, 'drop');
    const last = say(item(items, 'b.txt', 'Respect', ', not demanded.').id, 'accept-b');
    expect(last).toMatchObject({ decided: 7, decision: 'accept-b', previous: null, consensus: [at('b.txt', 'earned, not demanded.')] });
    expect(last.open.map((i) => i.text)).toEqual(['Respect goes both ways.']);
    expect(exportCodings(p.session).find((c) => c.coder === CONSENSUS && c.code === 'Rapport')).toMatchObject({
      guid: agreed.guid,
      memo: 'the core of rapport',
      ...at('a.txt', 'I talk to them every day'),
    });
    expect(codingsOf(p.session, CONSENSUS)).toEqual([
      ['a.txt', 'Boundaries', 'never use first names'],
      ['a.txt', 'Boundaries', 'keep my distance'],
      ['a.txt', 'No snitching', 'Nobody wants to be called a snitch'],
      ['a.txt', 'Rapport', 'I talk to them every day'],
      ['a.txt', 'Static security', 'keep my distance'],
      ['b.txt', 'Respect', 'earned, not demanded.'],
    ]);

    // The last open item; then change two decisions: the codings follow, untouched ones keep their GUIDs.
    say(item(items, 'b.txt', 'Rapport', 'Respect goes both ways.').id, 'keep-both');
    const kept = guids(CONSENSUS);
    const changed = say(item(items, 'b.txt', 'Respect', 'Respect is ').id, 'accept-a', { reason: 'on reflection' });
    expect(changed).toMatchObject({ previous: 'drop', decision: 'accept-a', decided: 8, open: [] });
    say(item(items, 'a.txt', 'Boundaries', ', and I keep my distance').id, 'drop');
    expect(codingsOf(p.session, CONSENSUS)).toEqual([
      ['a.txt', 'Boundaries', 'never use first names'],
      ['a.txt', 'No snitching', 'Nobody wants to be called a snitch'],
      ['a.txt', 'Rapport', 'I talk to them every day'],
      ['a.txt', 'Static security', 'keep my distance'],
      ['b.txt', 'Rapport', 'Respect goes both ways.'],
      ['b.txt', 'Respect', 'Respect is earned, not demanded.'],
    ]);
    const now = guids(CONSENSUS);
    const range = (doc: string, code: string, s: string) => `${doc}|${code}|${at(doc, s).start}|${at(doc, s).end}`;
    for (const k of [
      range('a.txt', 'Boundaries', 'never use first names'),
      range('a.txt', 'Rapport', 'I talk to them every day'),
      range('b.txt', 'Rapport', 'Respect goes both ways.'),
    ])
      expect(now.get(k)).toBe(kept.get(k));

    // Agreement against the consensus coder, at any time: Alice differs only where her text was left out or B's kept.
    const data = loadAgreementData(p.session, { coders: ['Alice', CONSENSUS] });
    const diff = (doc: string, code: string) => {
      const cell = data.cells.find((c) => c.document.name === doc && c.code.path === code)!;
      const d = spanDifference(cell.a, cell.b);
      return { onlyA: d.onlyA.map((s) => TEXTS[doc]!.slice(s.start, s.end)), onlyB: d.onlyB.map((s) => TEXTS[doc]!.slice(s.start, s.end)) };
    };
    expect(diff('a.txt', 'Rapport')).toEqual({ onlyA: [], onlyB: [] });
    expect(diff('a.txt', 'Boundaries')).toEqual({ onlyA: ['I '], onlyB: [] });
    expect(diff('b.txt', 'Respect')).toEqual({ onlyA: [], onlyB: [', not demanded.'] });
    expect(diff('b.txt', 'Rapport')).toEqual({ onlyA: [], onlyB: ['Respect goes both ways.'] });
    expect(characterReport(p.session, { coders: ['Bob', CONSENSUS] }).overall.pooled.onlyA).toBe('. I never'.length + ', and I keep my distance'.length);
  });

  it('logs every decision with who, why, before and after', () => {
    const items = setup();
    startConsensus(p.session, AB);
    const id = item(items, 'b.txt', 'Respect', 'Respect is ').id;
    say(id, 'drop', { reason: '  too broad ' });
    say(id, 'custom', { ...at('b.txt', 'Respect'), reason: 'just the word' });
    const log = events('consensus_decision');
    expect(log.map((e) => e.action)).toEqual(['consensus.decide', 'consensus.redecide']);
    expect(log.every((e) => e.actor === 'tester')).toBe(true);
    expect(log[0]!.before).toBeNull();
    expect(JSON.parse(log[0]!.after!)).toMatchObject({
      itemId: id,
      decision: 'drop',
      reason: 'too broad',
      kind: 'onlyA',
      ...at('b.txt', 'Respect is '),
      decidedBy: 'tester',
    });
    expect(JSON.parse(log[1]!.before!)).toMatchObject({ decision: 'drop', reason: 'too broad', customStart: null });
    expect(JSON.parse(log[1]!.after!)).toMatchObject({ decision: 'custom', reason: 'just the word', customStart: 0, customEnd: 7 });
    const row = p.session.project.sqlite.prepare('SELECT decision, custom_start, custom_end, reason FROM consensus_decisions').all();
    expect(row).toEqual([{ decision: 'custom', custom_start: 0, custom_end: 7, reason: 'just the word' }]);
    // The derived coding's change is logged in the same batch as the decision that caused it.
    const batch = p.session.project.sqlite
      .prepare("SELECT action, entity FROM events WHERE batch = (SELECT batch FROM events WHERE action = 'consensus.redecide') ORDER BY id")
      .all();
    expect(batch).toEqual([
      { action: 'consensus.redecide', entity: 'consensus_decision' },
      { action: 'coding.apply', entity: 'coding' },
    ]);
    expect(events('coder').map((e) => e.action)).toEqual(['coder.create', 'coder.create', 'coder.create', 'consensus.start']);
    expect(codingsOf(p.session, CONSENSUS).filter((c) => c[0] === 'b.txt')).toEqual([
      ['b.txt', 'Respect', 'Respect'],
      ['b.txt', 'Respect', 'earned'],
    ]);
  });

  it('rewrites codings someone put on the consensus coder by hand, and reports stale decisions', () => {
    const items = setup();
    startConsensus(p.session, AB);
    say(item(items, 'b.txt', 'Respect', 'Respect is ').id, 'accept-a');
    say(item(items, 'a.txt', 'Static security', 'keep my distance').id, 'keep-both');
    const byHand = codeAs(p.session, CONSENSUS, 'a.txt', 'Rapport', 'How do you');
    setCodingMemo(p.session, byHand.guid, 'added by hand');
    expect(startConsensus(p.session, AB)).toMatchObject({ created: false, cellsRewritten: 1 });
    expect(codingsOf(p.session, CONSENSUS).filter((c) => c[1] === 'Rapport')).toEqual([['a.txt', 'Rapport', 'them every day']]);
    const removed = events('coding').filter((e) => e.action === 'consensus.uncode');
    expect(removed).toHaveLength(1);
    expect(JSON.parse(removed[0]!.before!)).toMatchObject({ guid: byHand.guid, memoRow: { body: 'added by hand' } });
    // Bob now codes b.txt's Respect like Alice: the decided item is gone, its decision is stale.
    codeAs(p.session, 'Bob', 'b.txt', 'Respect', 'Respect is earned');
    const s = consensusStatus(p.session, AB);
    expect(s.stale).toEqual([
      {
        itemId: item(items, 'b.txt', 'Respect', 'Respect is ').id,
        decision: 'accept-a',
        document: 'b.txt',
        code: 'Respect',
        kind: 'onlyA',
        ...at('b.txt', 'Respect is '),
      },
    ]);
    expect(s).toMatchObject({ items: 7, decided: 1 });
    // Scoped to a.txt, b.txt's decisions are neither counted nor stale.
    expect(consensusStatus(p.session, { ...AB, documents: ['a.txt'] })).toMatchObject({ items: 5, decided: 1, stale: [] });
  });

  it('the consensus of the emoji example follows accept, custom and drop (UTF-16 offsets)', () => {
    p = tempProject({ empty: true });
    const TEXT = 'Officer: You build trust by talking every day. 👍 Never use first names. Respect is earned on the range, not demanded.';
    const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
    addText(p.session, 'co.txt', TEXT);
    createCode(p.session, null, 'Rapport');
    addCoder(p.session, 'Alice');
    addCoder(p.session, 'Bob');
    applyCoding(p.session, { document: 'co.txt', code: 'Rapport', coder: 'Alice', ...span('You build trust by talking every day.') });
    applyCoding(p.session, { document: 'co.txt', code: 'Rapport', coder: 'Bob', ...span('build trust by talking every day. 👍') });
    const s = startConsensus(p.session, { ...AB, name: 'Agreed' });
    expect(s.open.map((i) => i.text)).toEqual(['You ', ' 👍']);
    decide(p.session, { ...AB, name: 'Agreed', item: s.open[1]!.id, decision: 'custom', ...span('👍') });
    decide(p.session, { ...AB, name: 'Agreed', item: s.open[0]!.id, decision: 'drop' });
    const quotes = exportCodings(p.session)
      .filter((c) => c.coder === 'Agreed')
      .map((c) => c.quote);
    expect(quotes).toEqual(['build trust by talking every day.', '👍']);
  });
});

describe('consensus: bad input changes nothing', () => {
  it('refuses an unknown item, bad custom spans, unknown coders, a missing consensus and a taken name', () => {
    const items = setup();
    const id = items[0]!.id;
    const unchanged = (fn: () => unknown, message: RegExp) => {
      const before = dumpProject(p.session);
      expect(fn).toThrow(message);
      expect(dumpProject(p.session)).toBe(before);
    };
    unchanged(() => say(id, 'drop'), /no consensus "Consensus \(Alice\+Bob\)" of Alice and Bob yet/);
    startConsensus(p.session, AB);
    say(id, 'keep-both');
    unchanged(() => say('0123456789ab', 'drop'), /no open disagreement with id "0123456789ab"/);
    unchanged(() => say(id, 'custom'), /needs --start and --end/);
    unchanged(() => say(id, 'custom', { start: 5, end: 5 }), /start < end/);
    unchanged(() => say(id, 'custom', { start: 0, end: TEXTS['a.txt']!.length + 1 }), /must lie within the document/);
    unchanged(() => say(id, 'custom', { start: -1, end: 3 }), /must lie within the document/);
    unchanged(() => say(id, 'drop', { start: 1, end: 3 }), /only go with --decision custom/);
    unchanged(() => say(id, 'maybe' as Decision), /unknown decision "maybe"/);
    unchanged(() => decide(p.session, { coders: ['Alice', 'Zed'], item: id, decision: 'drop' }), /coder "Zed" is not in this project/);
    unchanged(() => startConsensus(p.session, { coders: ['Alice', 'Zed'] }), /coder "Zed" is not in this project/);
    unchanged(() => consensusStatus(p.session, { coders: ['Bob', 'Alice'] }), /no consensus "Consensus \(Bob\+Alice\)"/);
    addCoder(p.session, 'Carol');
    unchanged(() => startConsensus(p.session, { ...AB, name: 'Carol' }), /"Carol" already exists and is not the consensus of Alice and Bob/);
    unchanged(() => startConsensus(p.session, { ...AB, name: 'bob' }), /cannot be "bob", one of the two coders/);
    expect(consensusStatus(p.session, AB)).toMatchObject({ decided: 1 });
  });
});

describe('marginalia consensus (fixture project: Alice and Bob)', () => {
  let template: string;
  beforeAll(() => {
    template = buildTemplate({ formats: false });
  }, 120_000);
  afterAll(cleanup);

  type Exported = { document: string; code: string; coder: string; start: number; end: number };
  const CODERS = ['--coders', 'Alice,Bob'];
  const spansOf = (rows: Exported[], coder: string, doc: string, code: string): Span[] =>
    rows.filter((r) => r.coder === coder && r.document === doc && r.code === code).map((r) => ({ start: r.start, end: r.end }));

  it('start, decide every item of a document, change a decision, status, and agreement against the consensus', () => {
    const path = projectFrom(template);
    const started = ok(['consensus', 'start', path, ...CODERS]);
    expect(started.split('\n')[0]).toBe('Created Consensus (Alice+Bob), holding the text Alice and Bob coded alike.');
    expect(started).toMatch(/^Consensus \(Alice\+Bob\) \(consensus of Alice and Bob\): 0 of 30 disagreements decided, 30 open$/m);
    const items = okJson<Disagreement[]>(['disagreements', path, ...CODERS, '--docs', 'ip-01.txt']);
    expect(items.length).toBeGreaterThanOrEqual(5);
    const cycle: Decision[] = ['keep-both', 'drop', 'accept-a', 'accept-b', 'custom'];
    const kept: Disagreement[] = [];
    const customs: Span[] = [];
    items.forEach((i, n) => {
      const decision = cycle[n % cycle.length]!;
      const extra: string[] = [];
      if (decision === 'custom') {
        const c = { start: i.start, end: i.start + Math.ceil((i.end - i.start) / 2) };
        customs.push(c);
        extra.push('--start', String(c.start), '--end', String(c.end));
      } else if (decision === 'keep-both' || (decision === 'accept-a' && i.kind === 'onlyA') || (decision === 'accept-b' && i.kind === 'onlyB')) kept.push(i);
      const out = ok(['consensus', 'decide', path, ...CODERS, '--item', i.id, '--decision', decision, '--reason', `reason ${n}`, ...extra]);
      expect(out.split('\n')[0]).toContain(`${i.id}  ${i.document}:`);
      expect(out).toContain(`— reason ${n}`);
      expect(out).toMatch(new RegExp(`: ${n + 1} of 30 disagreements decided, ${29 - n} open$`, 'm'));
    });
    // Expected per code: the text both coded + every kept stretch + custom spans (custom items are all in ip-01.txt).
    const rows = okJson<Exported[]>(['codings', 'export', path, '--format', 'json']);
    for (const code of new Set(items.map((i) => i.code))) {
      const both = spanDifference(spansOf(rows, 'Alice', 'ip-01.txt', code), spansOf(rows, 'Bob', 'ip-01.txt', code)).both;
      const mine = (list: Span[], from: Disagreement[]) => list.filter((_, n) => from[n]!.code === code);
      const customItems = items.filter((_, n) => cycle[n % cycle.length] === 'custom');
      const want = unionSpans([...both, ...kept.filter((i) => i.code === code), ...mine(customs, customItems)]);
      expect(unionSpans(spansOf(rows, 'Consensus (Alice+Bob)', 'ip-01.txt', code)), code).toEqual(want.map(({ start, end }) => ({ start, end })));
    }
    const changed = ok(['consensus', 'decide', path, ...CODERS, '--item', items[0]!.id, '--decision', 'drop']);
    expect(changed.split('\n')[0]).toMatch(/: drop \(was keep-both\)$/);
    const status = okJson<{ decided: number; open: Disagreement[]; stale: unknown[] }>(['consensus', 'status', path, ...CODERS]);
    expect(status).toMatchObject({ decided: items.length, stale: [] });
    expect(status.open).toHaveLength(30 - items.length);
    expect(okJson(['consensus', 'status', path, ...CODERS, '--docs', 'ip-01.txt'])).toMatchObject({ decided: items.length, open: [] });
    const text = ok(['consensus', 'status', path, ...CODERS]);
    expect(text).toContain('Open:');
    expect(text).toContain(status.open[0]!.id);
    const log = ok(['log', path, '--limit', '200']);
    expect(log).toMatch(/consensus\.redecide/);
    const vs = JSON.parse(ok(['agreement', path, '--coders', 'Alice,Consensus (Alice+Bob)', '--docs', 'ip-01.txt', '--json']));
    expect(vs).toMatchObject({ ok: true, unit: 'character', coders: ['Alice', 'Consensus (Alice+Bob)'] });
  });

  it('refuses an unknown item, a custom span without valid offsets and an unknown coder: one line, exit 1, project unchanged', () => {
    const path = projectFrom(template);
    ok(['consensus', 'start', path, ...CODERS]);
    const [first] = okJson<Disagreement[]>(['disagreements', path, ...CODERS]);
    ok(['consensus', 'decide', path, ...CODERS, '--item', first!.id, '--decision', 'keep-both']);
    const before = dump(path);
    const decideArgs = (...rest: string[]) => ['consensus', 'decide', path, ...CODERS, ...rest];
    expectFailure(cli(decideArgs('--item', 'nope', '--decision', 'drop')), /no open disagreement with id "nope"/);
    expectFailure(cli(decideArgs('--item', first!.id, '--decision', 'custom')), /custom decision needs --start and --end/);
    expectFailure(
      cli(decideArgs('--item', first!.id, '--decision', 'custom', '--start', '9', '--end', '3')),
      /must lie within the document .* with start < end/,
    );
    expectFailure(cli(decideArgs('--item', first!.id, '--decision', 'custom', '--start', '0', '--end', '99999999')), /must lie within the document/);
    expectFailure(cli(['consensus', 'decide', path, '--coders', 'Alice,Zed', '--item', first!.id, '--decision', 'drop']), /coder "Zed" is not in this project/);
    expectFailure(cli(['consensus', 'status', path, '--coders', 'Bob,Alice']), /no consensus "Consensus \(Bob\+Alice\)" of Bob and Alice yet/);
    expectFailure(cli(['consensus', 'start', path, ...CODERS, '--name', 'Alice']), /cannot be "Alice"/);
    expectFailure(cli(decideArgs('--item', first!.id, '--decision', 'maybe')), /--decision must be one of/, 2);
    expectFailure(cli(decideArgs('--item', first!.id, '--decision', 'custom', '--start', 'x', '--end', '3')), /--start must be a whole number/, 2);
    expect(dump(path)).toBe(before);
  });
});
