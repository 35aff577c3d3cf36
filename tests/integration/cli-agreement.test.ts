import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, fixture, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
});
afterAll(cleanup);

const report = (args: string[]) => JSON.parse(ok([...args, '--json']));

describe('marginalia agreement', () => {
  it('--json at the character unit prints the report shape itself, with every number labelled', () => {
    const p = projectFrom(template);
    const r = report(['agreement', p, '--coders', 'Alice,Bob']);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['ok', 'unit', 'coders', 'codes', 'overall']));
    expect(r).toMatchObject({ ok: true, unit: 'character', coders: ['Alice', 'Bob'] });
    const code = r.codes.find((c: { code: string }) => c.code === 'Dynamic security/Rapport');
    expect(Object.keys(code)).toEqual(expect.arrayContaining(['code', 'documents', 'pooled', 'mean', 'weighted']));
    expect(Object.keys(code.documents[0])).toEqual(expect.arrayContaining(['document', 'n', 'both', 'onlyA', 'onlyB', 'neither', 'percentAgreement', 'kappa', 'alphaBinary']));
    for (const k of ['n', 'both', 'onlyA', 'onlyB', 'neither', 'percentAgreement', 'kappa', 'alphaBinary']) expect(code.pooled).toHaveProperty(k);
    for (const k of ['percentAgreement', 'kappa', 'alphaBinary']) {
      expect(code.mean).toHaveProperty(k);
      expect(code.weighted).toHaveProperty(k);
    }
    expect(Object.keys(r.overall)).toEqual(expect.arrayContaining(['pooled', 'mean', 'weighted']));
    const d = code.documents[0];
    expect(d.both + d.onlyA + d.onlyB + d.neither).toBe(d.n);
  });

  it('other units, --md and --csv, and confidence intervals', () => {
    const p = projectFrom(template);
    expect(report(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'turn']).unit).toBe('turn');
    expect(report(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'segment', '--overlap', '50']).overlapPercent).toBe(50);
    expect(report(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'document']).unit).toBe('document');
    expect(report(['agreement', p, '--coders', 'Alice,Bob', '--unitized', '--codes', 'Dynamic security/Rapport,Dynamic security/Respect']).unit).toBe('unitized');
    const ci = report(['agreement', p, '--coders', 'Alice,Bob', '--ci', '200', '--seed', '3']);
    expect(ci.overall.ci).toMatchObject({ resamples: 200, seed: 3, level: 0.95, resampled: 'documents' });
    const md = ok(['agreement', p, '--coders', 'Alice,Bob', '--md']);
    expect(md).toMatch(/^\| code \| row \| n \|/m);
    const csv = ok(['agreement', p, '--coders', 'Alice,Bob', '--csv']).split('\n');
    expect(csv[0]).toBe('code,row,n,both,onlyA,onlyB,neither,percent agreement,Cohen κ,|uα');
    expect(ok(['agreement', p, '--coders', 'Alice,Bob'])).toMatch(/length-weighted mean/);
  });

  it('refuses an unknown coder and a coder without codings, leaving the project as it was', () => {
    const p = projectFrom(template);
    ok(['coders', 'add', p, 'Carol']);
    const before = dump(p);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Zed']), /coder "Zed" is not in this project/);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Carol']), /Carol has no codings/);
    expectFailure(cli(['agreement', p, '--coders', 'Alice']), /exactly two names/, 2);
    expect(dump(p)).toBe(before);
  });
});

describe('marginalia stats', () => {
  it('reproduces Krippendorff (2011) on the 4 coders × 12 units table', () => {
    const t = fixture('tables', 'krippendorff-2011.csv');
    const alpha = (level: string) => report(['stats', t, '--statistic', 'alpha', '--level', level]);
    expect(alpha('nominal')).toMatchObject({ ok: true, statistic: 'alpha', level: 'nominal', coders: ['A', 'B', 'C', 'D'] });
    expect(alpha('nominal').value).toBeCloseTo(0.743, 3);
    expect(alpha('ordinal').value).toBeCloseTo(0.815, 3);
    expect(alpha('interval').value).toBeCloseTo(0.849, 3);
    expect(alpha('ratio').value).toBeCloseTo(0.797, 3);
    expect(report(['stats', t, '--statistic', 'percent']).value).toBeGreaterThan(0);
    const ci = report(['stats', t, '--statistic', 'alpha', '--level', 'interval', '--ci', '500', '--seed', '9']);
    expect(ci.ci).toMatchObject({ resamples: 500, seed: 9, resampled: 'units' });
    expect(ci.ci.lower).toBeLessThan(ci.value);
    expect(report(['stats', t, '--statistic', 'alpha', '--level', 'interval', '--ci', '500', '--seed', '9']).ci).toEqual(ci.ci);
  });

  it('gives null with a reason for one category, and clear errors for bad tables', () => {
    const dir = freshDir();
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'A,B\nyes,yes\nyes,yes\n');
    const r = report(['stats', one, '--statistic', 'kappa']);
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/one and the same category/);
    const single = join(dir, 'single.csv');
    writeFileSync(single, 'A,B\n1,2\n');
    const u = report(['stats', single, '--statistic', 'alpha']);
    expect(u.value).toBeNull();
    expect(u.reason).toBeTruthy();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'A,B\n1,2\nx,3\n');
    expectFailure(cli(['stats', bad, '--statistic', 'alpha', '--level', 'interval']), /bad\.csv row 3, coder "A": "x" is not a number/);
    writeFileSync(bad, 'A\n1\n');
    expectFailure(cli(['stats', bad, '--statistic', 'alpha']), /at least two coders/);
    expectFailure(cli(['stats', fixture('tables', 'krippendorff-2011.csv'), '--statistic', 'bp']), /needs --categories/);
  });
});

describe('disagreements and consensus', () => {
  it('lists disagreements with ids, decides them into a consensus coder, and refuses bad items', () => {
    const p = projectFrom(template);
    const items = okJson<{ id: string; kind: string }[]>(['disagreements', p, '--coders', 'Alice,Bob', '--docs', 'co-01.txt']);
    expect(items.length).toBeGreaterThan(2);
    const start = okJson<{ coder: string; decided: number }>(['consensus', 'start', p, '--coders', 'Alice,Bob']);
    expect(start).toMatchObject({ coder: 'Consensus (Alice+Bob)', decided: 0 });
    const first = items[0]!;
    const s = okJson<{ decided: number }>(['consensus', 'decide', p, '--coders', 'Alice,Bob', '--item', first.id, '--decision', 'keep-both', '--reason', 'both readings hold']);
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
