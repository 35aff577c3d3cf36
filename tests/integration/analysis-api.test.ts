/**
 * The compare-coders operations through the one door (contract → dispatch → handlers), as the
 * UI and the CLI call them: coders, codes and documents by GUID, results JSON-safe, refusals
 * one line with a stable code. Runs on a copy of the fixture project (coders Alice and Bob).
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { callWithoutProject } from '../../electron/api/no-project.js';
import { characterReport } from '../../electron/services/agreement/character.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { MarginaliaError } from '../../shared/errors.js';
import { buildTemplate, cleanup, freshDir, projectFrom } from './cli-harness.js';

let template: string;
let door: ProjectDoor;
let alice: string;
let bob: string;
beforeAll(async () => {
  template = buildTemplate({ formats: false });
  door = openProjectDoor(projectFrom(template), 'tester');
  const coders = await door.call('coders.list');
  alice = coders.find((c) => c.name === 'Alice')!.guid;
  bob = coders.find((c) => c.name === 'Bob')!.guid;
});
afterAll(() => {
  door.close();
  cleanup();
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MarginaliaError);
  const { code, message } = err as MarginaliaError;
  return { code, message };
}

describe('agreement.report and agreement.stats', () => {
  it('takes GUIDs and answers what the service computes from the names', async () => {
    const rapport = (await door.call('codebook.list')).find((c) => c.path === 'Dynamic security/Rapport')!;
    const doc = (await door.call('documents.list')).find((d) => d.name === 'co-01.txt')!;
    const r = await door.call('agreement.report', { coders: [alice, bob], codes: [rapport.guid], documents: [doc.guid] });
    const session = openSession(door.path, 'tester');
    try {
      expect(r).toEqual(characterReport(session, { coders: ['Alice', 'Bob'], codes: ['Dynamic security/Rapport'], documents: ['co-01.txt'] }));
    } finally {
      closeSession(session);
    }
    expect((await door.call('agreement.report', { coders: [alice, bob], unit: 'unitized', codes: [rapport.guid] })).unit).toBe('unitized');
    const seg = await door.call('agreement.report', { coders: [alice, bob], unit: 'segment', overlap: 50 });
    expect(seg).toMatchObject({ unit: 'segment', overlapPercent: 50 });
  });

  it('refuses options of another unit, unknown GUIDs and a malformed pair, each in one line', async () => {
    expect(await refusal(door.call('agreement.report', { coders: [alice, bob], overlap: 50 }))).toEqual({
      code: 'invalid_input',
      message: 'agreement.report: overlap applies to the segment unit only',
    });
    expect(await refusal(door.call('agreement.report', { coders: [alice, bob], unit: 'turn', ci: { resamples: 50, seed: 1 } }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(door.call('agreement.report', { coders: [alice, 'no-such-guid'] }))).toEqual({
      code: 'not_found',
      message: 'no coder with GUID "no-such-guid" in this project',
    });
    expect(await refusal(door.call('agreement.report', { coders: [alice] as unknown as [string, string] }))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(door.call('agreement.report', { coders: [alice, alice] }))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/two different coders/),
    });
  });

  it('agreement.stats reads CSV text or a file, needs no project, and wants exactly one of the two', async () => {
    const csv = 'Coder 1,Coder 2\nyes,yes\nyes,no\nno,no\nno,no\nyes,yes\n';
    const viaDoor = await door.call('agreement.stats', { csv, statistic: 'kappa' });
    expect(viaDoor).toMatchObject({ statistic: 'kappa', units: 5, coders: ['Coder 1', 'Coder 2'] });
    // κ = (0.8 − 0.48) / 0.52 = 0.615384…, not rounded to 4 decimals.
    expect(viaDoor.value).toBeCloseTo(0.32 / 0.52, 14);
    expect(await callWithoutProject('agreement.stats', { csv, statistic: 'kappa' })).toEqual(viaDoor);
    expect(await refusal(callWithoutProject('agreement.stats', { statistic: 'kappa' }))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/one of the two/),
    });
    expect(await refusal(callWithoutProject('agreement.stats', { csv, statistic: 'mean' as 'kappa' }))).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^agreement\.stats: statistic must be one of/),
    });
  });
});

describe('disagreements and consensus', () => {
  it('lists stable items, starts a consensus, decides one and reports the status', async () => {
    const pair = { coders: [alice, bob] as [string, string] };
    const items = await door.call('agreement.disagreements', pair);
    expect(items.length).toBeGreaterThan(2);
    expect(await door.call('agreement.disagreements', pair)).toEqual(items);
    const start = await door.call('consensus.start', pair);
    expect(start).toMatchObject({ coder: 'Consensus (Alice+Bob)', created: true, decided: 0, items: items.length });
    const d = await door.call('consensus.decide', { ...pair, item: items[0]!.id, decision: 'keep-both', reason: 'both hold' });
    expect(d).toMatchObject({ decided: 1, decision: 'keep-both', reason: 'both hold', previous: null });
    expect(await door.call('consensus.status', pair)).toMatchObject({ decided: 1, open: items.slice(1) });
    expect(await refusal(door.call('consensus.decide', { ...pair, item: items[0]!.id, decision: 'maybe' as 'drop' }))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('project.mergeCoderProject and project.log', () => {
  it('merges a coder file from disk, names the backup, and the log shows who did what, newest first', async () => {
    const lead = openProjectDoor(projectFrom(template, 'lead.marginalia'), 'Lead');
    try {
      const other = join(freshDir(), 'dana.marginalia');
      copyFileSync(template, other);
      const dana = openProjectDoor(other, 'Dana');
      await dana.call('coders.add', { name: 'Dana' });
      dana.close();
      const r = await lead.call('project.mergeCoderProject', { file: other });
      expect(r).toMatchObject({ from: 'dana.marginalia', coders: { added: ['Dana'] } });
      expect(existsSync(r.backup)).toBe(true);
      expect((await lead.call('project.mergeCoderProject', { file: other })).coders.added).toEqual([]);
      const log = await lead.call('project.log', { limit: 3 });
      expect(log.events).toHaveLength(3);
      expect(log.total).toBeGreaterThan(3);
      expect(log.events[0]!.id).toBeGreaterThan(log.events[2]!.id);
      expect(log.events.every((e) => typeof e.label === 'string' && e.actor.length > 0)).toBe(true);
      expect(await refusal(lead.call('project.mergeCoderProject', { file: join(freshDir(), 'missing.marginalia') }))).toMatchObject({
        code: expect.any(String),
      });
    } finally {
      lead.close();
    }
  });
});
