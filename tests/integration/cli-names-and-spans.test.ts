/**
 * What people try on the command line (issue 9, points 2 and 10): names and paths resolved with
 * "did you mean" for near misses, `codes add --parents`, `code --quote/--lines`, and `import` of
 * a folder. The real CLI on real project files; nothing is written when a command fails.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectDoor } from '../../electron/api/door.js';
import { buildTemplate, cleanup, cli, dump, expectFailure, fixture, freshDir, ok, okJson, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
}, 120_000);
afterAll(cleanup);

const IF = 'Dynamic security/Rapport/Information flow';
const apply = (p: string, extra: string[]) => ['code', p, '--doc', 'co-02.txt', '--code', IF, '--coder', 'Carol', ...extra];

describe('names and paths resolve once, with suggestions for near misses', () => {
  it.each([
    {
      what: 'a typo in a code path missing its top-level parent',
      args: (p: string) => ['retrieve', p, '--code', 'Rapport/Informaton flow'],
      error: /^marginalia: code "Rapport\/Informaton flow" is not in the code book; did you mean "Dynamic security\/Rapport\/Information flow"\?\n$/,
    },
    {
      what: 'a document name without its extension',
      args: (p: string) => ['doc', 'show', p, 'co-02'],
      error: /^marginalia: document "co-02" is not in this project; did you mean "co-02\.txt"\?\n$/,
    },
    {
      what: 'a typo in a coder name',
      args: (p: string) => ['retrieve', p, '--code', IF, '--coder', 'Alcie'],
      error: /^marginalia: coder "Alcie" is not in this project; did you mean "Alice"\?\n$/,
    },
    {
      what: 'a typo in a document name',
      args: (p: string) => ['retrieve', p, '--code', IF, '--doc', 'co-20.txt'],
      error: /^marginalia: document "co-20\.txt" is not in this project; did you mean "co-02\.txt"\?\n$/,
    },
    {
      what: 'a case name in another case',
      args: (p: string) => ['memo', p, '--on', 'case', '--name', 'nobody', 'x'],
      error: /^marginalia: case "nobody" is not in this project\n$/,
    },
  ])('$what fails with one line and changes nothing', ({ args, error }) => {
    const p = projectFrom(template);
    const before = dump(p);
    expectFailure(cli(args(p)), error);
    expect(dump(p)).toBe(before);
  });

  it('accepts a path without its top-level parents when one code ends so (the example in code --help), and names any case', () => {
    const p = projectFrom(template);
    ok(['coders', 'add', p, 'Carol']);
    expect(ok(['code', '--help'])).toContain('"Rapport/Information flow"');
    const r = okJson<{ guid: string }>([
      'code',
      p,
      '--doc',
      'CO-02.TXT',
      '--code',
      'rapport/information FLOW',
      '--coder',
      'carol',
      '--start',
      '10',
      '--end',
      '20',
    ]);
    const segs = okJson<{ guid: string; code: string; coder: string }[]>(['retrieve', p, '--code', 'Information flow', '--coder', 'Carol']);
    expect(segs).toEqual([expect.objectContaining({ guid: r.guid, code: IF, coder: 'Carol' })]);
  });

  it('offers every code a shortened path could mean instead of picking one', () => {
    const p = projectFrom(template);
    ok(['codes', 'add', p, 'Elsewhere/Information flow', '--parents']);
    const before = dump(p);
    expectFailure(
      cli(['retrieve', p, '--code', 'Information flow']),
      /^marginalia: code "Information flow" could be any of several codes; did you mean "Dynamic security\/Rapport\/Information flow" or "Elsewhere\/Information flow"\?\n$/,
    );
    expect(dump(p)).toBe(before);
  });
});

describe('codes add --parents', () => {
  it('creates the missing parents with the code; without --parents a missing parent is refused', () => {
    const p = projectFrom(template);
    const before = dump(p);
    expectFailure(cli(['codes', 'add', p, 'Emergent/Tipping off']), /^marginalia: code "Emergent" is not in the code book \(add --parents to create it\)\n$/);
    expect(dump(p)).toBe(before);

    expect(ok(['codes', 'add', p, 'Emergent/Tipping off', '--parents', '--color', '#AABBCC'])).toBe(
      'Added code Emergent/Tipping off (#aabbcc), with new parent Emergent\n',
    );
    const deeper = okJson<{ path: string; created: string[] }>(['codes', 'add', p, 'Emergent/Tipping off/By phone', '--parents']);
    expect(deeper).toMatchObject({ path: 'Emergent/Tipping off/By phone', created: ['Emergent/Tipping off/By phone'] });
    // The existing part of the path may be shortened as anywhere else.
    const under = okJson<{ path: string; created: string[] }>(['codes', 'add', p, 'Rapport/Small talk/Weather', '--parents']);
    expect(under).toMatchObject({
      path: 'Dynamic security/Rapport/Small talk/Weather',
      created: ['Dynamic security/Rapport/Small talk', 'Dynamic security/Rapport/Small talk/Weather'],
    });
    const paths = okJson<{ path: string }[]>(['codes', p]).map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(['Emergent', 'Emergent/Tipping off', 'Emergent/Tipping off/By phone']));
    expectFailure(cli(['codes', 'add', p, 'Emergent/Tipping off', '--parents']), /already exists/);
  });

  it('is one step: one undo removes the code and the parents it made', async () => {
    const dir = freshDir();
    const door = createProjectDoor(join(dir, 'undo.marginalia'), { empty: true, actor: 'test' });
    try {
      const { code, created } = await door.call('codebook.createPath', { parent: null, names: ['Emergent', 'Tipping off', 'By phone'] });
      expect(code.path).toBe('Emergent/Tipping off/By phone');
      expect(created).toEqual(['Emergent', 'Emergent/Tipping off', 'Emergent/Tipping off/By phone']);
      const step = await door.call('history.undo');
      expect(step.state.canUndo).toBe(false);
      expect(await door.call('codebook.list')).toEqual([]);
      await door.call('history.redo');
      expect((await door.call('codebook.list')).map((c) => c.path)).toEqual(created);
    } finally {
      door.close();
    }
  });
});

describe('code --quote and --lines', () => {
  it('codes the place of a quote (any spacing), its Nth occurrence, or whole lines', () => {
    const p = projectFrom(template);
    ok(['coders', 'add', p, 'Carol']);
    const text = okJson<{ text: string }>(['doc', 'show', p, 'co-02.txt']).text;

    const quote = "how's the food, did your mail come";
    const q = okJson<{ start: number; end: number }>(apply(p, ['--quote', "how's the  food,\ndid your mail come"]));
    expect(text.slice(q.start, q.end)).toBe(quote);

    const lines = text.split('\n');
    const start15 = lines.slice(0, 14).join('\n').length + 1;
    const l = okJson<{ start: number; end: number }>(apply(p, ['--lines', '15-16']));
    expect(l).toMatchObject({ start: start15, end: start15 + lines[14]!.length + 1 + lines[15]!.length });
    const one = okJson<{ start: number; end: number }>(apply(p, ['--lines', '3']));
    expect(text.slice(one.start, one.end)).toBe(lines[2]);

    const second = text.indexOf('first name', text.indexOf('first name') + 1);
    const nth = okJson<{ start: number; end: number }>(apply(p, ['--quote', 'first name', '--occurrence', '2']));
    expect(nth).toMatchObject({ start: second, end: second + 'first name'.length });
  });

  it.each([
    {
      what: 'a quote that is not there',
      extra: ['--quote', 'the cameras see everything'],
      error: /^marginalia: --quote "the cameras see everything" is not in co-02\.txt \(it must match the words exactly, case included\)\n$/,
    },
    {
      what: 'a quote found several times without --occurrence',
      extra: ['--quote', 'first name'],
      error: /^marginalia: --quote "first name" occurs 3 times in co-02\.txt \(lines 17, 19, 19\); add --occurrence N \(1-3\)\n$/,
    },
    {
      what: 'an occurrence past the last',
      extra: ['--quote', 'first name', '--occurrence', '4'],
      error: /^marginalia: --occurrence 4: "first name" occurs 3 times in co-02\.txt \(lines 17, 19, 19\)\n$/,
    },
    { what: 'lines past the end', extra: ['--lines', '15-999'], error: /^marginalia: --lines 15-999: co-02\.txt has \d+ lines\n$/ },
  ])('$what fails with one line and changes nothing', ({ extra, error }) => {
    const p = projectFrom(template);
    ok(['coders', 'add', p, 'Carol']);
    const before = dump(p);
    expectFailure(cli(apply(p, extra)), error);
    expect(dump(p)).toBe(before);
  });

  it('asks for exactly one way of giving the span', () => {
    const p = projectFrom(template);
    expectFailure(
      cli(apply(p, ['--lines', '3', '--start', '1', '--end', '2'])),
      /^marginalia: give the span one way only: --start\/--end, --lines or --quote \(see: marginalia code --help\)\n$/,
      2,
    );
    expectFailure(cli(apply(p, [])), /^marginalia: missing the span: give --start and --end, --lines A-B, or --quote TEXT/, 2);
  });
});

describe('import FOLDER', () => {
  it('imports the transcripts directly in the folder in name order, and lists what it left alone', () => {
    const p = projectFrom(template);
    const folder = join(freshDir(), 'interviews');
    mkdirSync(join(folder, 'old'), { recursive: true });
    copyFileSync(fixture('transcripts', 'co-02.txt'), join(folder, 'b-10.txt'));
    copyFileSync(fixture('transcripts', 'co-03-norway.txt'), join(folder, 'b-9.md'));
    copyFileSync(fixture('transcripts', 'ip-01.txt'), join(folder, 'old', 'a.txt'));
    writeFileSync(join(folder, 'list.csv'), 'a,b\n1,2\n');
    writeFileSync(join(folder, '.DS_Store'), 'x');
    const r = okJson<{ imported: { name: string }[]; ignored: { file: string; reason: string }[] }>(['import', p, folder, '--allow-duplicates']);
    expect(r.imported.map((d) => d.name)).toEqual(['b-9.md', 'b-10.txt']);
    expect(r.ignored).toEqual([
      { file: join(folder, '.DS_Store'), reason: 'a hidden file' },
      { file: join(folder, 'list.csv'), reason: 'not a transcript type (.csv)' },
      { file: join(folder, 'old'), reason: 'a folder (folders inside are not imported)' },
    ]);

    const again = projectFrom(template);
    const text = ok(['import', again, folder, '--allow-duplicates']);
    expect(text).toMatch(/^Imported 2 documents:/);
    expect(text).toContain('skipped list.csv: not a transcript type (.csv)\n');
    expect(text).toContain('skipped old: a folder (folders inside are not imported)\n');
  });

  it('refuses a folder without transcripts', () => {
    const p = projectFrom(template);
    const empty = join(freshDir(), 'nothing');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.csv'), 'a\n');
    const before = dump(p);
    expectFailure(cli(['import', p, empty]), /^marginalia: nothing: no transcripts in this folder \(\.txt \.md \.markdown \.docx \.pdf \.vtt \.srt\)\n$/);
    expect(dump(p)).toBe(before);
  });
});
