/**
 * The marginalia CLI for coding work: coders, applying and changing codings, codings exchange,
 * search and retrieval, cases, memos and the event log — on the fixtures, each test in its own
 * temp folder with a real project file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, fixture, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate();
}, 60_000);
afterAll(cleanup);

const sortedLines = (s: string) => s.trimEnd().split('\n').sort();

describe('marginalia CLI: coding, retrieval, cases, memos, log', () => {
  it('coders lists counts; code applies and merges touching spans; resize, recode, coding-memo, uncode', () => {
    const p = projectFrom(template);
    expect(ok(['coders', p])).toMatch(/^CODER\s+CODINGS\s+DOCUMENTS\nAlice\s+27\s+3\nBob\s+28\s+3\n$/);
    expect(ok(['coders', 'add', p, 'Carol'])).toBe('Added coder "Carol"\n');

    const R = 'Dynamic security/Rapport';
    const first = okJson<{ guid: string }>([
      'code',
      p,
      '--doc',
      'co-02.txt',
      '--code',
      R,
      '--coder',
      'carol',
      '--start',
      '10',
      '--end',
      '50',
      '--memo',
      'first pass',
    ]);
    expect(first).toMatchObject({ start: 10, end: 50, mergedWith: [] });
    const id: string = first.guid;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Overlaps Carol's own coding of the same code: one coding, same GUID, wider span.
    expect(ok(['code', p, '--doc', 'co-02.txt', '--code', R.toLowerCase(), '--coder', 'Carol', '--start', '45', '--end', '80'])).toBe(
      `Coded ${id} [10,80) (merged with 1 overlapping or touching coding of the same code by the same coder)\n`,
    );
    expect(ok(['resize', p, '--id', id, '--start', '20', '--end', '60'])).toBe(`Resized ${id} [20,60)\n`);
    ok(['recode', p, '--id', id, '--code', 'Dynamic security/Boundaries']);
    expect(ok(['coding-memo', p, '--id', id, 'Revised, after discussion'])).toBe(`Memo set on ${id}\n`);

    const [segment, ...rest] = okJson<unknown[]>(['retrieve', p, '--code', 'Dynamic security/Boundaries', '--coder', 'Carol']);
    expect(rest).toEqual([]);
    const text = readFileSync(fixture('transcripts', 'co-02.txt'), 'utf8');
    expect(segment).toMatchObject({
      guid: id,
      document: 'co-02.txt',
      start: 20,
      end: 60,
      coder: 'Carol',
      memo: 'Revised, after discussion',
      quote: text.slice(20, 60),
    });

    expect(ok(['uncode', p, '--id', id])).toBe(`Removed coding ${id}\n`);
    const all = okJson<{ guid: string }[]>(['codings', 'export', p, '--format', 'json']);
    expect(all).toHaveLength(55);
    expect(all.some((c) => c.guid === id)).toBe(false);
  });

  it('codings export writes the import CSV (same rows as the fixture) and JSON; the CSV re-imports into a new project', () => {
    const p = projectFrom(template);
    const dir = freshDir();
    const csv = join(dir, 'codings.csv');
    expect(ok(['codings', 'export', p, '-o', csv])).toBe(`Wrote 55 codings to ${csv} (CSV)\n`);
    expect(sortedLines(readFileSync(csv, 'utf8'))).toEqual(sortedLines(readFileSync(fixture('codings-two-coders.csv'), 'utf8')));

    const q = join(dir, 'second.marginalia');
    ok(['init', q]);
    ok(['import', q, ...['ip-01.txt', 'co-03-norway.txt', 'co-01.txt'].map((f) => fixture('transcripts', f))]);
    expect(ok(['codings', 'import', q, csv])).toBe('codings.csv: 55 rows, 55 new codings, 0 merged into existing ones; new coders: Alice, Bob\n');
    expect(sortedLines(ok(['codings', 'export', q]))).toEqual(sortedLines(readFileSync(csv, 'utf8')));

    const json = okJson<{ guid: string; document: string; start: number; end: number; quote: string }[]>(['codings', 'export', q, '--format', 'json']);
    expect(json).toHaveLength(55);
    expect(new Set(json.map((c) => c.guid)).size).toBe(55);
    // Offsets are UTF-16 units: every quote is the plain JS slice of the source (these files have no BOM or CR),
    // including the spans around the emoji in co-03-norway.txt.
    const texts = new Map(['co-01.txt', 'ip-01.txt', 'co-03-norway.txt'].map((f) => [f, readFileSync(fixture('transcripts', f), 'utf8')]));
    for (const c of json) expect(c.quote).toBe(texts.get(c.document)!.slice(c.start, c.end));
    expect(json.some((c) => c.quote.endsWith('🙂.'))).toBe(true);
  });

  it('search prints document, line, UTF-16 offsets and a snippet; retrieve filters by coder, document, case attribute and --find', () => {
    const p = projectFrom(template);
    const hits = okJson<{ document: string; start: number; end: number; line: number }[]>(['search', p, '"tips you off"']);
    const co01 = readFileSync(fixture('transcripts', 'co-01.txt'), 'utf8');
    const hit = hits.find((h) => h.document === 'co-01.txt')!;
    expect(co01.slice(hit.start, hit.end)).toBe('tips you off');
    expect(hit.line).toBe(co01.slice(0, hit.start).split('\n').length);
    expect(ok(['search', p, 'tips you off', '--limit', '1'])).toMatch(/^\S+:\d+ \[\d+,\d+\) {2}.*\[\w+\].*\n1 match\n$/);

    ok(['doc', 'case', p, 'co-01.txt', 'CO-01']);
    ok(['doc', 'case', p, 'ip-01.txt', 'IP-01', '--speaker', 'PARTICIPANT']);
    const officers = okJson<{ document: string; coder: string; caseName: string; code: string }[]>([
      'retrieve',
      p,
      '--code',
      'Dynamic security/Rapport',
      '--descendants',
      '--coder',
      'Alice',
      '--where',
      'role=officer',
    ]);
    expect(officers.length).toBeGreaterThan(0);
    expect(new Set(officers.map((s) => `${s.document}|${s.coder}|${s.caseName}`))).toEqual(new Set(['co-01.txt|Alice|CO-01']));
    expect(officers.some((s) => s.code === 'Dynamic security/Rapport/Information flow')).toBe(true);

    const human = ok([
      'retrieve',
      p,
      '--code',
      'Dynamic security/Rapport/Information flow',
      '--doc',
      'co-01.txt',
      '--doc',
      'ip-01.txt',
      '--find',
      'tips you off',
    ]);
    const [head, quote] = human.split('\n');
    expect(head).toMatch(
      /^co-01\.txt {2}line 15 {2}\[\d+,\d+\) {2}(Alice|Bob) {2}CO Martin, case CO-01 {2}Dynamic security\/Rapport\/Information flow {2}[0-9a-f-]{36}$/,
    );
    expect(quote).toMatch(/^ {4}.*tips you off/);
    expect(human).toMatch(/\n\d+ segments?\n$/);
  });

  it('cases lists typed attributes; memo sets and prints memos on the project, codes, documents and cases; log shows who did what', () => {
    const p = projectFrom(template);
    const cases = ok(['cases', p]);
    expect(cases.split('\n')[0]).toMatch(
      /^CASE\s+ROLE\s+INSTITUTION\s+SECURITY LEVEL\s+YEARS OF SERVICE \(number\)\s+INTERVIEW DATE \(date\)\s+CONSENTED \(boolean\)$/,
    );
    expect(cases).toMatch(/^CO-03\s+officer\s+Institution C, open unit\s+minimum\s+9\s+2024-04-09\s+true$/m);

    expect(ok(['memo', p, '--on', 'project', 'First line\nsecond line', '--as', 'Dana'])).toBe('Memo set on the project\n');
    expect(ok(['memo', p, '--on', 'project'])).toBe('First line\nsecond line\n');
    ok(['memo', p, '--on', 'code', '--name', 'dynamic security/no snitching', '-'], { input: 'Read from stdin, with "quotes".' });
    expect(okJson(['memo', p, '--on', 'code', '--name', 'Dynamic security/No snitching'])).toEqual({
      on: 'code',
      name: 'Dynamic security/No snitching',
      memo: 'Read from stdin, with "quotes".',
    });
    expect(ok(['memo', p, '--on', 'case', '--name', 'IP-02'])).toBe('No memo on case "IP-02"\n');

    const events = okJson<{ actor: string; action: string; entity: string }[]>(['log', p, '--limit', '2']);
    expect(events.map((e) => [e.actor, e.action, e.entity])).toEqual([
      [expect.any(String), 'memo.create', 'memo'],
      ['Dana', 'memo.create', 'memo'],
    ]);
    const log = ok(['log', p, '--limit', '3']);
    expect(log.split('\n')[0]).toMatch(/^TIME\s+ACTOR\s+ACTION\s+ENTITY$/);
    expect(log).toMatch(/^\S+Z\s+Dana\s+memo\.create\s+memo/m);
    expect(log).toMatch(/\(3 of \d+ events\)\n$/);
  });
});
