/**
 * `marginalia agreement` and `marginalia stats` run as child processes on the fixture project
 * (fixtures/transcripts + fixtures/codings-two-coders.csv, coders Alice and Bob).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, fixture, freshDir, ok, projectFrom } from './cli-harness.js';

let template: string;
let project: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
  project = projectFrom(template);
});
afterAll(cleanup);

const report = (args: string[]) => JSON.parse(ok([...args, '--json']));
const agree = (...extra: string[]) => ['agreement', project, '--coders', 'Alice,Bob', ...extra];

/** Every key of the example at the character unit. */
const DOCUMENT_KEYS = ['document', 'n', 'both', 'onlyA', 'onlyB', 'neither', 'percentAgreement', 'kappa', 'alphaBinary'];
const POOLED_KEYS = ['n', 'both', 'onlyA', 'onlyB', 'neither', 'percentAgreement', 'kappa', 'alphaBinary'];
const MEAN_KEYS = ['percentAgreement', 'kappa', 'alphaBinary'];

function expectStat(v: unknown, reasons: Record<string, string> | undefined, key: string) {
  if (v === null) expect(reasons?.[key]).toEqual(expect.any(String));
  else expect(Number.isFinite(v)).toBe(true);
}

describe('marginalia agreement', () => {
  it('--json at the character unit prints the issue\u2019s shape, every statistic a number or null with a reason', () => {
    const r = report(agree());
    expect(r).toMatchObject({ ok: true, unit: 'character', coders: ['Alice', 'Bob'] });
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['unit', 'coders', 'codes', 'overall']));
    expect(r.documentsCompared).toEqual(['co-01.txt', 'co-03-norway.txt', 'ip-01.txt']);
    const rapport = r.codes.find((c: { code: string }) => c.code === 'Dynamic security/Rapport');
    expect(rapport).toBeDefined();
    for (const code of r.codes) {
      expect(Object.keys(code)).toEqual(expect.arrayContaining(['code', 'documents', 'pooled', 'mean', 'weighted']));
      expect(code.documents).toHaveLength(3);
      for (const d of code.documents) {
        expect(Object.keys(d)).toEqual(expect.arrayContaining(DOCUMENT_KEYS));
        expect(d.both + d.onlyA + d.onlyB + d.neither).toBe(d.n);
        expect(d.percentAgreement).toBeCloseTo((100 * (d.both + d.neither)) / d.n, 2);
        for (const k of MEAN_KEYS) expectStat(d[k], d.reasons, k);
      }
      expect(Object.keys(code.pooled)).toEqual(expect.arrayContaining(POOLED_KEYS));
      for (const k of ['n', 'both', 'onlyA', 'onlyB', 'neither'])
        expect(code.pooled[k]).toBe(code.documents.reduce((s: number, d: Record<string, number>) => s + d[k]!, 0));
      for (const k of MEAN_KEYS) {
        expectStat(code.pooled[k], code.pooled.reasons, k);
        expectStat(code.mean[k], code.mean.reasons, k);
        expectStat(code.weighted[k], code.weighted.reasons, k);
      }
    }
    expect(Object.keys(r.overall)).toEqual(expect.arrayContaining(['pooled', 'mean', 'weighted']));
    expect(Object.keys(r.overall.pooled)).toEqual(expect.arrayContaining(POOLED_KEYS));
    // Rapport: nobody used it in ip-01.txt → null with a reason, skipped by the means.
    const ip = rapport.documents.find((d: { document: string }) => d.document === 'ip-01.txt');
    expect(ip).toMatchObject({ both: 0, onlyA: 0, onlyB: 0, kappa: null, alphaBinary: null, percentAgreement: 100 });
    expect(rapport.mean.skipped.kappa).toBe(1);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('--unit turn, segment (90 and 50 %), document and --unitized each report their own unit', () => {
    const turn = report(agree('--unit', 'turn'));
    expect(turn).toMatchObject({ unit: 'turn', labels: { unit: expect.stringMatching(/any character/) } });
    expect(turn.codes[0].documents[0]).toEqual(
      expect.objectContaining({ document: 'co-01.txt', units: expect.any(Number), kappa: expect.anything(), alpha: expect.anything() }),
    );
    const at90 = report(agree('--unit', 'segment'));
    const at50 = report(agree('--unit', 'segment', '--overlap', '50'));
    expect(at90).toMatchObject({ unit: 'segment', overlapPercent: 90, categories: at90.codes.length });
    expect(at50.overlapPercent).toBe(50);
    expect(at50.overall.pooled.matched).toBeGreaterThan(at90.overall.pooled.matched);
    const { segmentsA, segmentsB, matched, unmatched } = at50.overall.pooled;
    expect(matched + unmatched).toBe(segmentsA + segmentsB);
    const doc = report(agree('--unit', 'document'));
    expect(doc.unit).toBe('document');
    for (const c of doc.codes) expect(c.units).toBe(3);
    const u = report(agree('--unitized', '--codes', 'Dynamic security/Rapport,Dynamic security/Respect'));
    expect(u).toMatchObject({ unit: 'unitized', codes: ['Dynamic security/Rapport', 'Dynamic security/Respect'] });
    expect(u.overall.alphaU.value).toEqual(expect.any(Number));
    expect(u.perCategory).toHaveLength(2);
  });

  it('prints a labelled table, Markdown and CSV, with undefined values marked and explained', () => {
    const codes = ['--codes', 'Dynamic security/Rapport,Dynamic security/Respect'];
    const text = ok(agree(...codes));
    expect(text).toMatch(/unit: character/);
    expect(text).toMatch(/^code +row +n +both +onlyA +onlyB +neither +percent agreement +Cohen κ +\|uα$/m);
    expect(text).toMatch(/^Dynamic security\/Rapport +mean \(documents equal\) +\d+\.\d\d +0\.\d{3} +0\.\d{3}$/m);
    expect(text).toMatch(/^Dynamic security\/Rapport +length-weighted mean /m);
    expect(text).toMatch(/^ALL CODES +pooled /m);
    expect(text).toMatch(/^Dynamic security\/Rapport +ip-01\.txt .* —\(1\) +—\(1\)$/m);
    expect(text).toMatch(/Undefined values:\n {2}\(1\) neither coder applied this code here/);
    const md = ok(agree(...codes, '--md')).split('\n');
    expect(md).toContain('| code | row | n | both | onlyA | onlyB | neither | percent agreement | Cohen κ | \\|uα |');
    expect(md).toContain('|:---|:---|---:|---:|---:|---:|---:|---:|---:|---:|');
    expect(md.filter((l) => l.startsWith('| Dynamic security/') || l.startsWith('| ALL CODES'))).toHaveLength(2 * (3 + 3) + 3);
    const csv = ok(agree(...codes, '--csv'))
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe('code,row,n,both,onlyA,onlyB,neither,percent agreement,Cohen κ,|uα,undefined because');
    expect(csv).toHaveLength(1 + 2 * (3 + 3) + 3);
    expect(csv).toContain(
      'Dynamic security/Rapport,ip-01.txt,4520,0,0,0,4520,100,,,"Cohen κ, |uα: neither coder applied this code here: agreement on it is undefined (0/0)"',
    );
    expect(csv.some((l) => /^Dynamic security\/Rapport,mean \(documents equal\),,,,,,[\d.]+,[\d.]+,[\d.]+,$/.test(l))).toBe(true);
  });

  it('--ci N --seed S adds bootstrap intervals over documents, the same for the same seed', () => {
    const args = agree('--codes', 'Dynamic security/Rapport', '--ci', '200', '--seed', '3');
    const one = report(args);
    expect(one.overall.ci).toMatchObject({ resamples: 200, seed: 3, level: 0.95, resampled: 'documents' });
    expect(Object.keys(one.codes[0].ci)).toEqual(expect.arrayContaining(['kappa', 'alphaBinary', 'resamples', 'seed', 'level']));
    expect(report(args).codes[0].ci).toEqual(one.codes[0].ci);
  });

  it('refuses bad coders and options with one line, leaving the project as it was', () => {
    const p = projectFrom(template);
    ok(['coders', 'add', p, 'Carol']);
    const before = dump(p);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Zed']), /coder "Zed" is not in this project/);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Carol']), /Carol has no codings/);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,alice']), /two different coders/);
    expectFailure(cli(['agreement', p, '--coders', 'Alice']), /exactly two names/, 2);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'word']), /--unit must be/, 2);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'segment', '--overlap', '120']), /--overlap/, 2);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Bob', '--overlap', '50']), /--overlap applies to --unit segment only/, 2);
    expectFailure(cli(['agreement', p, '--coders', 'Alice,Bob', '--unit', 'turn', '--ci', '100']), /--ci and --seed apply to the character unit only/, 2);
    expect(dump(p)).toBe(before);
  });
});

describe('marginalia stats', () => {
  const kripp = fixture('tables', 'krippendorff-2011.csv');

  it('reproduces Krippendorff (2011) on the 4 coders × 12 units table, and prints exactly the documented keys', () => {
    const alpha = (level: string) => report(['stats', kripp, '--statistic', 'alpha', '--level', level]);
    const nominal = alpha('nominal');
    expect(Object.keys(nominal).sort()).toEqual(['coders', 'level', 'ok', 'statistic', 'units', 'value']);
    expect(nominal).toMatchObject({ ok: true, statistic: 'alpha', level: 'nominal', coders: ['A', 'B', 'C', 'D'] });
    expect(nominal.value).toBeCloseTo(0.743, 3);
    expect(alpha('interval').value).toBeCloseTo(0.849, 3);
    const percent = report(['stats', kripp, '--statistic', 'percent']);
    expect(percent.value).toBeGreaterThan(1);
    expect(percent.value).toBeLessThanOrEqual(100);
    expect(report(['stats', kripp, '--statistic', 'bp', '--categories', '5']).value).toEqual(expect.any(Number));
    expect(ok(['stats', kripp, '--statistic', 'alpha', '--level', 'interval'])).toMatch(/^alpha \(interval\) = 0\.8491 +over 11 units, coders A, B, C, D/); // unit 12 has one value: not pairable
  });

  it('reads a small two-coder table from fixtures/tables', () => {
    // Hand-computed: 10 units, 8 agree; A says yes 5 times, B 5 → p_e = 0.5; κ = (0.8 − 0.5)/0.5 = 0.6.
    const t = fixture('tables', 'two-coders-yes-no.csv');
    expect(report(['stats', t, '--statistic', 'kappa'])).toMatchObject({ value: 0.6, units: 10, coders: ['Coder 1', 'Coder 2'] });
    expect(report(['stats', t, '--statistic', 'percent']).value).toBe(80);
    expect(report(['stats', t, '--statistic', 'bp', '--categories', '2']).value).toBeCloseTo(0.6, 10);
  });

  it('gives null with a reason for one unit or one category, and clear one-line errors for bad tables', () => {
    const dir = freshDir();
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'A,B\nyes,yes\nyes,yes\n');
    expect(report(['stats', one, '--statistic', 'kappa'])).toMatchObject({ value: null, reason: expect.stringMatching(/one and the same category/) });
    const single = join(dir, 'single.csv');
    writeFileSync(single, 'A,B\n1,2\n');
    expect(report(['stats', single, '--statistic', 'alpha'])).toMatchObject({ value: null, reason: expect.stringMatching(/at least two/) });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'A,B\n1,2\nx,3\n');
    expectFailure(cli(['stats', bad, '--statistic', 'alpha', '--level', 'interval']), /bad\.csv row 3, coder "A": "x" is not a number/);
    writeFileSync(bad, 'A\n1\n');
    expectFailure(cli(['stats', bad, '--statistic', 'alpha']), /bad\.csv: the header must name at least two coders/);
    expectFailure(cli(['stats', kripp, '--statistic', 'bp']), /krippendorff-2011\.csv: .*needs --categories/);
    expectFailure(cli(['stats', kripp, '--statistic', 'kappa']), /krippendorff-2011\.csv: Cohen's kappa compares exactly two coders; this table has 4/);
    expectFailure(cli(['stats', kripp, '--statistic', 'pi']), /krippendorff-2011\.csv: .*exactly two coders/);
    expectFailure(cli(['stats', join(dir, 'missing.csv'), '--statistic', 'alpha']), /missing\.csv: no such file/);
    expectFailure(cli(['stats', kripp, '--statistic', 'mean']), /--statistic must be one of/, 2);
  });
});
