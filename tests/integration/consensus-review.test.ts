/**
 * What the disagreement review needs from the consensus services: every decision listed with its
 * reason and whether it is stale, the consensus coder named in coders.list, and each decision
 * (first, changed, custom) undoable and redoable exactly, consensus codings included.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { consensusStatus, decide, finishConsensus, startConsensus, type Decision } from '../../electron/services/agreement/consensus.js';
import { listDisagreements, type Disagreement } from '../../electron/services/agreement/disagreements.js';
import { coderCounts } from '../../electron/services/counts.js';
import { historyOf, historyState, redo, undo } from '../../electron/services/undo/history.js';
import { MarginaliaError } from '../../shared/errors.js';
import { dumpProject, tempProject, type TempProject } from './helpers.js';
import { at, buildTwoCoders, codeAs, codingsOf } from './two-coders.js';

let p: TempProject;
afterEach(() => p?.done());

const AB = { coders: ['Alice', 'Bob'] as [string, string] };
const CONSENSUS = 'Consensus (Alice+Bob)';

function setup(): Disagreement[] {
  p = tempProject({ empty: true });
  buildTwoCoders(p.session);
  startConsensus(p.session, AB);
  historyOf(p.session);
  return listDisagreements(p.session, AB);
}

const item = (items: Disagreement[], doc: string, code: string, text: string) => items.find((i) => i.document === doc && i.code === code && i.text === text)!;
const say = (id: string, decision: Decision, extra: { start?: number; end?: number; reason?: string } = {}) =>
  decide(p.session, { ...AB, item: id, decision, ...extra });
/** Every row of every table but the append-only log. */
const dump = () => JSON.stringify((JSON.parse(dumpProject(p.session)) as [string, unknown][]).filter(([t]) => t !== 'events'));

describe('consensus decisions in the review', () => {
  it('lists every decision with its reason, custom span and stale flag', () => {
    const items = setup();
    const respect = item(items, 'b.txt', 'Respect', 'Respect is ');
    say(respect.id, 'accept-a', { reason: 'the subject is respect' });
    const distance = item(items, 'a.txt', 'Static security', 'keep my distance');
    say(distance.id, 'custom', { ...at('a.txt', 'distance'), reason: 'just the noun' });
    let s = consensusStatus(p.session, AB);
    expect(s.coderGuid).toBe(coderCounts(p.session).find((c) => c.name === CONSENSUS)!.guid);
    expect(s.decisions).toMatchObject([
      { itemId: distance.id, decision: 'custom', custom: at('a.txt', 'distance'), reason: 'just the noun', kind: 'onlyA', stale: false },
      { itemId: respect.id, decision: 'accept-a', custom: null, reason: 'the subject is respect', ...at('b.txt', 'Respect is '), stale: false },
    ]);
    // Bob's coding changes: the stretch Alice alone coded is gone, so its decision is stale.
    codeAs(p.session, 'Bob', 'b.txt', 'Respect', 'Respect is earned');
    s = consensusStatus(p.session, AB);
    expect(s.decisions.map((d) => [d.itemId, d.stale])).toEqual([
      [distance.id, false],
      [respect.id, true],
    ]);
    expect(s.stale.map((d) => d.itemId)).toEqual([respect.id]);
    // Brief: the same counts without the open items, for a caller that holds the disagreements.
    const brief = consensusStatus(p.session, { ...AB, brief: true });
    expect(brief).toEqual({ ...s, open: [] });
    expect(s.open).toHaveLength(s.items - s.decided);
  });

  it('marks the stretches whose passage both coders coded with other edges as boundary differences', () => {
    const items = setup();
    const kinds = items.map((i) => [i.document, i.code, i.text, i.boundary]);
    expect(kinds).toContainEqual(['a.txt', 'Rapport', 'I talk to ', true]);
    expect(kinds).toContainEqual(['a.txt', 'Rapport', '. I never', true]);
    expect(kinds).toContainEqual(['a.txt', 'Static security', 'keep my distance', false]);
    expect(kinds).toContainEqual(['b.txt', 'Rapport', 'Respect goes both ways.', false]);
  });

  it('finishing records when, keeps decisions changeable, and is undoable', () => {
    const items = setup();
    const id = item(items, 'a.txt', 'Static security', 'keep my distance').id;
    say(id, 'keep-both');
    expect(consensusStatus(p.session, AB).finishedAt).toBeNull();
    const unfinished = dump();
    const done = finishConsensus(p.session, AB);
    expect(done.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(done).toMatchObject({ decided: 1, items: 8 });
    expect(historyState(p.session).undoLabel).toBe(`finish the consensus "${CONSENSUS}"`);
    const finished = dump();
    undo(p.session);
    expect(dump()).toBe(unfinished);
    expect(consensusStatus(p.session, AB).finishedAt).toBeNull();
    redo(p.session);
    expect(dump()).toBe(finished);
    const log = p.session.project.sqlite.prepare("SELECT after FROM events WHERE action = 'consensus.finish'").all() as { after: string }[];
    expect(log.map((e) => JSON.parse(e.after) as unknown)).toEqual([{ consensus: CONSENSUS, items: 8, decided: 1, open: 7, stale: 0 }]);
    say(id, 'drop');
    expect(consensusStatus(p.session, AB).decisions).toMatchObject([{ itemId: id, decision: 'drop' }]);
  });

  it('names the consensus coder and its pair in coders.list', () => {
    setup();
    const coders = coderCounts(p.session);
    const [alice, bob] = ['Alice', 'Bob'].map((n) => coders.find((c) => c.name === n)!);
    expect(coders.find((c) => c.name === CONSENSUS)).toMatchObject({ consensusOf: [alice!.guid, bob!.guid] });
    expect(alice).not.toHaveProperty('consensusOf');
  });

  it('undoes and redoes a first decision exactly, consensus codings included', () => {
    const items = setup();
    const before = dump();
    const codingsBefore = codingsOf(p.session, CONSENSUS);
    say(item(items, 'a.txt', 'Boundaries', ', and I keep my distance').id, 'accept-b', { reason: 'Bob is right' });
    const after = dump();
    expect(codingsOf(p.session, CONSENSUS)).toContainEqual(['a.txt', 'Boundaries', 'never use first names, and I keep my distance']);
    expect(historyState(p.session).undoLabel).toBe('decide a disagreement (accept-b)');
    undo(p.session);
    expect(dump()).toBe(before);
    expect(codingsOf(p.session, CONSENSUS)).toEqual(codingsBefore);
    expect(consensusStatus(p.session, AB).decided).toBe(0);
    redo(p.session);
    expect(dump()).toBe(after);
    undo(p.session);
    expect(dump()).toBe(before);
  });

  it('undoes a changed decision back to the one it replaced', () => {
    const items = setup();
    const id = item(items, 'a.txt', 'Static security', 'keep my distance').id;
    say(id, 'keep-both', { reason: 'first thought' });
    const first = dump();
    say(id, 'drop', { reason: 'second thought' });
    expect(codingsOf(p.session, CONSENSUS).filter((c) => c[1] === 'Static security')).toEqual([]);
    const second = dump();
    undo(p.session);
    expect(dump()).toBe(first);
    expect(consensusStatus(p.session, AB).decisions).toMatchObject([{ itemId: id, decision: 'keep-both', reason: 'first thought' }]);
    expect(codingsOf(p.session, CONSENSUS)).toContainEqual(['a.txt', 'Static security', 'keep my distance']);
    redo(p.session);
    expect(dump()).toBe(second);
  });

  it('refuses to undo a decision that was changed again since, and changes nothing', () => {
    const items = setup();
    const id = item(items, 'a.txt', 'Static security', 'keep my distance').id;
    say(id, 'keep-both');
    undo(p.session);
    say(id, 'drop');
    // Redo is gone (a new change); undoing the drop works, undoing further finds nothing.
    expect(historyState(p.session).canRedo).toBe(false);
    undo(p.session);
    expect(consensusStatus(p.session, AB).decided).toBe(0);
    // The decision is re-made outside the history's view of it: the redo of the undo refuses.
    say(id, 'accept-a');
    const now = dump();
    const h = p.session.project.sqlite;
    h.prepare("UPDATE consensus_decisions SET reason = 'edited elsewhere'").run();
    const edited = dump();
    expect(() => undo(p.session)).toThrow(MarginaliaError);
    expect(dump()).toBe(edited);
    expect(now).not.toBe(edited);
  });
});
