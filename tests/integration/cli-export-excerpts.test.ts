/**
 * `marginalia export excerpts` run as a child process on the hand-counted fixture project: a
 * file written and read back (the pseudonym CSV applied, the project's bytes unchanged), --json
 * with the counts, and bad input answered by one line on stderr, a non-zero exit and no file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.js';
import { closeSession } from '../../electron/services/session.js';
import { cli, ok } from './cli-harness.js';
import { buildExcerptFixture, QUOTES } from './excerpts-fixture.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject;
beforeAll(() => {
  p = tempProject({ empty: true });
  buildExcerptFixture(p.session);
  closeSession(p.session);
});
afterAll(() => p.done());

const hash = () => createHash('sha256').update(readFileSync(p.path)).digest('hex');
const exportArgs = (...more: string[]) => ['export', 'excerpts', p.path, ...more];

describe('marginalia export excerpts', () => {
  it('writes the table as CSV with the pseudonym list applied; the project file is unchanged', () => {
    const map = join(p.dir, 'names.csv');
    writeFileSync(map, 'find,replace\nÉmilie,[officer]\nIP-01,Participant A\n');
    const before = hash();
    const out = join(p.dir, 'rapport.csv');
    const stdout = ok(exportArgs('--codes', 'Rapport', '--format', 'csv', '-o', out, '--template', 'table', '--attributes', 'role', '--pseudonymise', map));
    expect(stdout.trim()).toBe(`Wrote ${out} (table, csv): 1 theme, 4 quotes from 3 documents, pseudonymised.`);
    const rows = parseCsv(readFileSync(out, 'utf8'), 'rapport.csv');
    expect(rows[0]).toEqual(['theme', 'quote', 'document', 'case', 'role', 'lines', 'line start', 'line end', 'start', 'end', 'coder', 'speaker', 'memo']);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[10]])).toEqual([
      [QUOTES.co01Rapport, 'Participant 1', 'Alice'],
      [QUOTES.co02Rapport, 'Participant 2', 'Alice'],
      [QUOTES.co02Rapport, 'Participant 2', 'Bob'],
      ['… [officer] was always respectful.', 'Participant A', 'Bob'],
    ]);
    expect(hash()).toBe(before);
  });

  it('--json gives the counts and the path; --coder narrows to one coder', () => {
    const out = join(p.dir, 'alice.md');
    const r = JSON.parse(ok(exportArgs('--codes', 'Dynamic security', '--descendants', '--format', 'md', '-o', out, '--coder', 'alice', '--json'))) as {
      ok: boolean;
      data: Record<string, unknown>;
    };
    expect(r).toEqual({ ok: true, data: { themes: 3, quotes: 5, codings: 5, documents: 4, cases: 4, path: out, bytes: readFileSync(out).length } });
    expect(readFileSync(out, 'utf8')).toContain('**Coded for 2 of 5 participants (40%)**');
  });

  it('bad input: one line naming the problem, a non-zero exit, no file written', () => {
    const out = join(p.dir, 'bad.docx');
    const bad = join(p.dir, 'bad-map.csv');
    writeFileSync(bad, 'find,replace\nCO-01\n');
    const cases: [string[], number, RegExp][] = [
      [exportArgs('--codes', 'Rapport', '--format', 'pdf', '-o', out), 2, /^marginalia: --format must be one of docx, xlsx, csv, md, html \(got "pdf"\)/],
      [exportArgs('--codes', 'Rapport', '--format', 'md', '-o', out), 2, /^marginalia: -o bad\.docx ends in \.docx but --format is md/],
      [exportArgs('--codes', 'Rapport', '--format', 'docx'), 2, /^marginalia: missing --out/],
      [
        exportArgs('--codes', 'Raport', '--format', 'docx', '-o', out),
        1,
        /^marginalia: code "Raport" is not in the code book; did you mean "Dynamic security\/Rapport"\?$/,
      ],
      [exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--coder', 'Carol'), 1, /^marginalia: coder "Carol" is not in this project/],
      [
        exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--coder', 'Alice', '--consensus'),
        2,
        /^marginalia: choose --coder or --consensus, not both/,
      ],
      [exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--consensus'), 1, /^marginalia: this project has no consensus coder yet/],
      [
        exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--attributes', 'rank'),
        1,
        /^marginalia: case attribute "rank" is not in this project \(it has: role, institution\)$/,
      ],
      [
        exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--pseudonymise', bad),
        1,
        /^marginalia: bad-map\.csv row 2: expected two columns \(find, replace\), got 1$/,
      ],
      [exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', out, '--pseudonymise', join(p.dir, 'none.csv')), 1, /^marginalia: none\.csv: no such file/],
      [
        exportArgs('--codes', 'Rapport', '--format', 'docx', '-o', join(p.dir, 'missing', 'x.docx')),
        1,
        /^marginalia: x\.docx: the folder .*missing does not exist$/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = cli(args);
      expect({ args: args.slice(3).join(' '), code: r.code }).toEqual({ args: args.slice(3).join(' '), code });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(p.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
