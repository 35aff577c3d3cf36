import { afterEach, describe, expect, it } from 'vitest';
import { characterReport } from '../../electron/services/agreement/character.js';
import { consensusStatus, decide, startConsensus } from '../../electron/services/agreement/consensus.js';
import { listDisagreements } from '../../electron/services/agreement/disagreements.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { exportCodings } from '../../electron/services/codings-io.js';
import { addText, dumpProject, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

const TEXT = 'Officer: You build trust by talking every day. 👍 Never use first names. Respect is earned on the range, not demanded.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function setup() {
  p = tempProject({ empty: true });
  addText(p.session, 'co.txt', TEXT);
  createCode(p.session, null, 'Rapport');
  createCode(p.session, null, 'Boundaries');
  addCoder(p.session, 'Alice');
  addCoder(p.session, 'Bob');
  const code = (c: string, coder: string, s: string) => applyCoding(p.session, { document: 'co.txt', code: c, coder, ...at(s) });
  code('Rapport', 'Alice', 'You build trust by talking every day.');
  code('Rapport', 'Bob', 'build trust by talking every day. 👍');
  code('Boundaries', 'Alice', 'Never use first names.');
  code('Boundaries', 'Bob', 'Never use first names.');
  code('Rapport', 'Bob', 'Respect is earned on the range');
}
const spans = (coder: string) => exportCodings(p.session).filter((c) => c.coder === coder).map((c) => [c.code, TEXT.slice(c.start, c.end)]);

describe('disagreements', () => {
  it('lists the stretches only one coder coded, in document order, with context and stable ids', () => {
    setup();
    const items = listDisagreements(p.session, { coders: ['Alice', 'Bob'] });
    expect(items.map((i) => [i.code, i.kind, i.coder, i.text])).toEqual([
      ['Rapport', 'onlyA', 'Alice', 'You '],
      ['Rapport', 'onlyB', 'Bob', ' 👍'],
      ['Rapport', 'onlyB', 'Bob', 'Respect is earned on the range'],
    ]);
    // A label seen once is not taken for a speaker (see turns), so there is no speaker here.
    expect(items[1]).toMatchObject({ lineStart: 1, speaker: null, document: 'co.txt' });
    expect(items[1]!.before.endsWith('talking every day.')).toBe(true);
    expect(items[1]!.codings).toHaveLength(1);
    expect(listDisagreements(p.session, { coders: ['Alice', 'Bob'] }).map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });
});

describe('consensus', () => {
  it('starts from the agreed text, follows each decision, can change a decision, and logs it', () => {
    setup();
    const s = startConsensus(p.session, { coders: ['Alice', 'Bob'] });
    expect(s).toMatchObject({ coder: 'Consensus (Alice+Bob)', items: 3, decided: 0 });
    expect(spans('Consensus (Alice+Bob)')).toEqual([
      ['Rapport', 'build trust by talking every day.'],
      ['Boundaries', 'Never use first names.'],
    ]);
    const [you, thumb, respect] = s.open;
    decide(p.session, { coders: ['Alice', 'Bob'], item: you!.id, decision: 'accept-a', reason: 'whole sentence' });
    decide(p.session, { coders: ['Alice', 'Bob'], item: thumb!.id, decision: 'accept-a' });
    let st = decide(p.session, { coders: ['Alice', 'Bob'], item: respect!.id, decision: 'keep-both' });
    expect(st).toMatchObject({ decided: 3, open: [] });
    expect(spans('Consensus (Alice+Bob)')).toEqual([
      ['Rapport', 'You build trust by talking every day.'],
      ['Rapport', 'Respect is earned on the range'],
      ['Boundaries', 'Never use first names.'],
    ].sort((a, b) => TEXT.indexOf(a[1]!) - TEXT.indexOf(b[1]!)));
    const r = at('Respect is earned');
    st = decide(p.session, { coders: ['Alice', 'Bob'], item: respect!.id, decision: 'custom', start: r.start, end: r.end, reason: 'shorter' });
    expect(spans('Consensus (Alice+Bob)')).toContainEqual(['Rapport', 'Respect is earned']);
    decide(p.session, { coders: ['Alice', 'Bob'], item: respect!.id, decision: 'drop' });
    expect(spans('Consensus (Alice+Bob)').map((x) => x[1])).not.toContain('Respect is earned');
    const events = p.session.project.sqlite.prepare("SELECT action FROM events WHERE entity = 'consensus_decision' ORDER BY id").all() as { action: string }[];
    expect(events.map((e) => e.action)).toEqual(['consensus.decide', 'consensus.decide', 'consensus.decide', 'consensus.redecide', 'consensus.redecide']);
    // Agreement can be recomputed against the consensus coder at any time.
    const vsA = characterReport(p.session, { coders: ['Alice', 'Consensus (Alice+Bob)'] });
    expect(vsA.overall.pooled.kappa).toBe(1);
    expect(consensusStatus(p.session, { coders: ['Alice', 'Bob'] }).decided).toBe(3);
  });

  it('refuses an unknown item, a bad custom span and a missing consensus, changing nothing', () => {
    setup();
    expect(() => decide(p.session, { coders: ['Alice', 'Bob'], item: 'x', decision: 'drop' })).toThrow(/no open disagreement/);
    const items = listDisagreements(p.session, { coders: ['Alice', 'Bob'] });
    expect(() => decide(p.session, { coders: ['Alice', 'Bob'], item: items[0]!.id, decision: 'drop' })).toThrow(/no consensus/);
    startConsensus(p.session, { coders: ['Alice', 'Bob'] });
    const before = dumpProject(p.session);
    expect(() => decide(p.session, { coders: ['Alice', 'Bob'], item: items[0]!.id, decision: 'custom', start: 5, end: 5 })).toThrow(/start < end/);
    expect(() => decide(p.session, { coders: ['Alice', 'Bob'], item: items[0]!.id, decision: 'custom' })).toThrow(/needs --start and --end/);
    expect(() => decide(p.session, { coders: ['Alice', 'Bob'], item: items[0]!.id, decision: 'maybe' as 'drop' })).toThrow(/unknown decision/);
    expect(dumpProject(p.session)).toBe(before);
  });
});
