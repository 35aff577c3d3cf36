/**
 * Honest numbers (issue 9, point 8): `--json` carries every statistic exactly as the service
 * computed it (doubles survive JSON unchanged), while the table a person reads is rounded.
 * Runs the real CLI on the fixture project (coders Alice and Bob) and compares with the
 * services called in-process on the same file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterReport } from '../../electron/services/agreement/character.js';
import { segmentReport } from '../../electron/services/agreement/segments.js';
import { tableStatistic } from '../../electron/services/agreement/table-stats.js';
import { turnReport } from '../../electron/services/agreement/turns.js';
import { closeSession, openSession, type Session } from '../../electron/services/session.js';
import { buildTemplate, cleanup, fixture, ok, projectFrom } from './cli-harness.js';

let project: string;
let session: Session;
beforeAll(() => {
  project = projectFrom(buildTemplate({ formats: false }));
  session = openSession(project, 'tester');
});
afterAll(() => {
  closeSession(session);
  cleanup();
});

/** What --json printed, without the "ok" the CLI adds to report-shaped output. */
function jsonOf(args: string[]): unknown {
  const { ok: okFlag, ...rest } = JSON.parse(ok([...args, '--json'])) as Record<string, unknown>;
  expect(okFlag).toBe(true);
  return rest;
}

/** The service result as JSON carries it (undefined keys dropped; doubles unchanged). */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

/** Every finite non-integer number anywhere in a value. */
function fractions(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) fractions(x, out);
  return out;
}
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('agreement --json is the computed report, unrounded', () => {
  const coders: [string, string] = ['Alice', 'Bob'];

  it('character unit: equals the service result exactly, with κ and α beyond 4 decimals', () => {
    const printed = jsonOf(['agreement', project, '--coders', 'Alice,Bob']);
    const computed = characterReport(session, { coders });
    expect(printed).toEqual(asJson(computed));
    const kappa = computed.overall.pooled.kappa!;
    expect(decimals(kappa)).toBeGreaterThan(4);
    expect(decimals(computed.overall.pooled.alphaBinary!)).toBeGreaterThan(4);
    expect((printed as typeof computed).overall.pooled.kappa).toBe(kappa);
    // Percentages too: at least one carries more than 2 decimals.
    expect(computed.codes.flatMap((c) => c.documents).some((d) => d.percentAgreement !== null && decimals(d.percentAgreement) > 2)).toBe(true);
  });

  it('turn and segment units, and bootstrap intervals, are exact as well', () => {
    expect(jsonOf(['agreement', project, '--coders', 'Alice,Bob', '--unit', 'turn'])).toEqual(asJson(turnReport(session, { coders })));
    const segment = segmentReport(session, { coders }, 50);
    expect(jsonOf(['agreement', project, '--coders', 'Alice,Bob', '--unit', 'segment', '--overlap', '50'])).toEqual(asJson(segment));
    expect(fractions(segment).some((v) => decimals(v) > 4)).toBe(true);
    const rapport = 'Dynamic security/Rapport';
    const withCi = characterReport(session, { coders, codes: [rapport] }, { ci: { resamples: 50, seed: 5 } });
    expect(jsonOf(['agreement', project, '--coders', 'Alice,Bob', '--codes', rapport, '--ci', '50', '--seed', '5'])).toEqual(asJson(withCi));
  });

  it('the table for people still rounds: κ to 3 decimals, percentages to 2', () => {
    const computed = characterReport(session, { coders });
    const kappa = computed.overall.pooled.kappa!;
    const pct = computed.overall.pooled.percentAgreement!;
    const text = ok(['agreement', project, '--coders', 'Alice,Bob']);
    const pooled = text.split('\n').find((l) => /^ALL CODES +pooled /.test(l))!;
    expect(pooled).toContain(` ${kappa.toFixed(3)} `.trimEnd());
    expect(pooled).toContain(pct.toFixed(2));
    expect(text).not.toContain(String(kappa));
  });

  it('stats --json gives the statistic as computed; its one line for people is rounded', () => {
    const table = fixture('tables', 'krippendorff-2011.csv');
    const computed = tableStatistic(table, { statistic: 'alpha', level: 'interval' });
    expect(decimals(computed.value!)).toBeGreaterThan(4);
    expect(jsonOf(['stats', table, '--statistic', 'alpha', '--level', 'interval'])).toEqual(asJson(computed));
    expect(ok(['stats', table, '--statistic', 'alpha', '--level', 'interval'])).toContain(`= ${computed.value!.toFixed(4)} `);
  });
});
