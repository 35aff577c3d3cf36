/**
 * `marginalia report frequencies|cooccurrence|crosstab` as a child process on the hand-counted
 * fixture (analysis-fixture.ts): --json unrounded, --csv read back with the CSV parser, --md and
 * the table for people, and bad input refused in one line with the project unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession } from '../../electron/services/session.js';
import { initProject } from '../../electron/services/project.js';
import type { CooccurrenceReport, FrequencyReport } from '../../shared/analysis/types.js';
import { parseCsv } from '../../shared/csv.js';
import { buildAnalysisFixture } from './analysis-fixture.js';
import { cleanup, cli, expectFailure, freshDir, ok, okJson } from './cli-harness.js';

let project: string;
beforeAll(() => {
  project = join(freshDir(), 'study.marginalia');
  const session = initProject(project, { empty: true, actor: 'tester' });
  buildAnalysisFixture(session);
  closeSession(session);
});
afterAll(cleanup);

describe('report frequencies', () => {
  it('gives prevalence unrounded in --json and --csv, rounded in the table and --md', () => {
    const r = okJson<FrequencyReport>(['report', 'frequencies', project, '--coders', 'Alice,Bob']);
    expect(r.unit).toMatchObject({ kind: 'case', total: 3 });
    expect(r.rows.find((x) => x.code === 'Rapport')!.prevalence).toBe(2 / 3);
    const csv = parseCsv(ok(['report', 'frequencies', project, '--csv']));
    expect(csv[0]).toEqual(['code', 'codings', 'characters', 'documents', 'cases', 'prevalence (cases)']);
    expect(csv.find((row) => row[0] === 'Safety')).toEqual([
      'Safety',
      '3',
      String('Safety first'.length + 'everyone safe'.length + 'Safety is a worry'.length),
      '2',
      '1',
      String(1 / 3),
    ]);
    const table = ok(['report', 'frequencies', project, '--unit-label', 'interviewees', '--own']);
    expect(table).toMatch(/^ {2}Trust +2 +\d+ +2 +2 +2 of 3 \(67%\)$/m);
    expect(table).toMatch(/^Rapport +3 .* 1 of 3 \(33%\)$/m);
    expect(table).toContain('prevalence over 3 interviewees (cases)');
    expect(ok(['report', 'frequencies', project, '--md', '--codes', 'Boundaries'])).toContain('| Boundaries | 2 | 46 | 2 | 2 | 2 of 3 (67%) |');
  });
});

describe('report cooccurrence and crosstab', () => {
  it('prints the hand-counted matrix and the cross-tab', () => {
    const m = okJson<CooccurrenceReport>(['report', 'cooccurrence', project, '--mode', 'near', '--distance', '13']);
    const at = (a: string, b: string) => m.counts[m.codes.findIndex((c) => c.code === a)]![m.codes.findIndex((c) => c.code === b)];
    expect([at('Rapport/Trust', 'Boundaries'), at('Rapport', 'Boundaries'), at('Boundaries', 'Safety')]).toEqual([1, 0, 2]);
    const jaccard = parseCsv(ok(['report', 'cooccurrence', project, '--jaccard', '--csv']));
    expect(jaccard[0]).toEqual(['code', 'Rapport', 'Rapport/Trust', 'Boundaries', 'Safety']);
    expect(jaccard[1]).toEqual(['Rapport', '1', String(2 / 5), '0', '0']);
    const tab = parseCsv(ok(['report', 'crosstab', project, '--attribute', 'ROLE', '--csv']));
    expect(tab[0]).toEqual(['code', 'role', 'cases_with_value', 'cases_coded', 'share', 'codings']);
    expect(tab.filter((r) => r[0] === 'Boundaries')).toEqual([
      ['Boundaries', 'manager', '1', '1', '1', '1'],
      ['Boundaries', 'officer', '2', '1', '0.5', '1'],
    ]);
    expect(ok(['report', 'crosstab', project, '--attribute', 'institution'])).toMatch(/^Rapport +1 of 1 \(100%\) +0 of 1 \(0%\) +1 of 1 \(100%\)$/m);
  });

  it('refuses bad input in one line and leaves the project as it was', () => {
    const before = readFileSync(project);
    expectFailure(
      cli(['report', 'crosstab', project, '--attribute', 'rank']),
      /case attribute "rank" is not in this project \(attributes: role, institution\)/,
    );
    expectFailure(cli(['report', 'frequencies', project, '--coders', 'Alise']), /coder "Alise" is not in this project; did you mean "Alice"/);
    expectFailure(cli(['report', 'frequencies', project, '--consensus']), /no consensus coder yet/);
    expectFailure(cli(['report', 'cooccurrence', project, '--mode', 'sentence']), /--mode must be overlap, turn, near/, 2);
    expectFailure(cli(['report', 'cooccurrence', project, '--distance', '10']), /--distance applies to --mode near only/, 2);
    expectFailure(cli(['report', 'frequencies', project, '--csv', '--md']), /choose one of --csv and --md/, 2);
    expectFailure(cli(['report', 'crosstab', project]), /--attribute/, 2);
    expect(readFileSync(project).equals(before)).toBe(true);
  });
});
