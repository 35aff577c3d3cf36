/** Disagreements, consensus, merge and blind coding through the CLI (agreement and stats: agreement-cli.test.ts). */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
});
afterAll(cleanup);

const report = (args: string[]) => JSON.parse(ok([...args, '--json']));

describe('disagreements and consensus', () => {
  it('lists disagreements with ids, decides them into a consensus coder, and refuses bad items', () => {
    const p = projectFrom(template);
    const items = okJson<{ id: string; kind: string }[]>(['disagreements', p, '--coders', 'Alice,Bob', '--docs', 'co-01.txt']);
    expect(items.length).toBeGreaterThan(2);
    const start = okJson<{ coder: string; decided: number }>(['consensus', 'start', p, '--coders', 'Alice,Bob']);
    expect(start).toMatchObject({ coder: 'Consensus (Alice+Bob)', decided: 0 });
    const first = items[0]!;
    const s = okJson<{ decided: number }>([
      'consensus',
      'decide',
      p,
      '--coders',
      'Alice,Bob',
      '--item',
      first.id,
      '--decision',
      'keep-both',
      '--reason',
      'both readings hold',
    ]);
    expect(s.decided).toBe(1);
    const before = dump(p);
    expectFailure(cli(['consensus', 'decide', p, '--coders', 'Alice,Bob', '--item', 'nope', '--decision', 'drop']), /no open disagreement with id "nope"/);
    expectFailure(cli(['consensus', 'decide', p, '--coders', 'Alice,Bob', '--item', first.id, '--decision', 'custom']), /needs --start and --end/);
    expect(dump(p)).toBe(before);
    expect(okJson<{ decided: number }>(['consensus', 'status', p, '--coders', 'Alice,Bob']).decided).toBe(1);
    expect(report(['agreement', p, '--coders', 'Alice,Consensus (Alice+Bob)']).unit).toBe('character');
  });
});

describe('merge and blind coding', () => {
  it('merges a second coder\u2019s file once, and keeps coders blind until they reveal', () => {
    const lead = projectFrom(template);
    const other = join(freshDir(), 'bob.marginalia');
    copyFileSync(template, other);
    ok(['coders', 'add', other, 'Dana']);
    ok(['code', other, '--doc', 'co-02.txt', '--code', 'Dynamic security/Discretion', '--coder', 'Dana', '--start', '0', '--end', '40']);
    const m = okJson<{ codings: { added: number; skipped: number } }>(['merge', lead, other]);
    expect(m.codings).toEqual({ added: 1, skipped: 55 });
    expect(okJson<{ codings: { added: number } }>(['merge', lead, other]).codings.added).toBe(0);
    ok(['blind', lead, 'on']);
    expectFailure(cli(['retrieve', lead, '--code', 'Dynamic security/Rapport']), /blind coding is on/);
    const alice = okJson<{ coder: string }[]>(['retrieve', lead, '--code', 'Dynamic security/Rapport', '--viewer', 'Alice']);
    expect(new Set(alice.map((s) => s.coder))).toEqual(new Set(['Alice']));
    ok(['reveal', lead, '--coder', 'Alice']);
    const all = okJson<{ coder: string }[]>(['retrieve', lead, '--code', 'Dynamic security/Rapport', '--viewer', 'Alice']);
    expect(new Set(all.map((s) => s.coder))).toEqual(new Set(['Alice', 'Bob']));
  });
});
