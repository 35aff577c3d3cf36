/**
 * The marginalia CLI refusing bad input: offsets and names that do not exist, CSV and code book
 * files with problems, and wrong command lines. Refusals exit 1 (usage mistakes 2) with one line
 * naming the problem, print JSON errors with --json, and leave the project as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, freshDir, okJson, projectFrom } from './cli-harness.js';

let template: string;
let codingId: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
  codingId = okJson<{ guid: string }[]>(['codings', 'export', template, '--format', 'json'])[0]!.guid;
}, 60_000);
afterAll(cleanup);

const CODE = 'Dynamic security/Rapport';
const apply = (p: string, over: Record<string, string>): string[] => {
  const o = { doc: 'co-02.txt', code: CODE, coder: 'Alice', start: '10', end: '50', ...over };
  return ['code', p, '--doc', o.doc, '--code', o.code, '--coder', o.coder, '--start', o.start, '--end', o.end];
};

describe('coding with offsets or names that do not exist is refused, nothing changes', () => {
  it.each([
    {
      what: 'an end past the document',
      args: (p: string) => apply(p, { start: '3900', end: '4000' }),
      error: /^marginalia: co-02\.txt: span 3900–4000 is outside the document \(length 3924\)\n$/,
    },
    {
      what: 'start equal to end',
      args: (p: string) => apply(p, { start: '50', end: '50' }),
      error: /^marginalia: co-02\.txt: start \(50\) must be less than end \(50\)\n$/,
    },
    { what: 'start after end', args: (p: string) => apply(p, { start: '60', end: '50' }), error: /start \(60\) must be less than end \(50\)/ },
    { what: 'an unknown code', args: (p: string) => apply(p, { code: 'Nope/Nothing' }), error: /^marginalia: code "Nope\/Nothing" is not in the code book\n$/ },
    { what: 'an unknown document', args: (p: string) => apply(p, { doc: 'nope.txt' }), error: /^marginalia: document "nope\.txt" is not in this project\n$/ },
    {
      what: 'an unknown coder',
      args: (p: string) => apply(p, { coder: 'Zed' }),
      error: /^marginalia: coder "Zed" is not in this project \(add it with: marginalia coders add PROJECT "Zed"\)\n$/,
    },
    {
      what: 'resizing past the end',
      args: (p: string) => ['resize', p, '--id', codingId, '--start', '0', '--end', '999999'],
      error: /is outside the document \(length \d+\)/,
    },
    {
      what: 'recoding to an unknown code',
      args: (p: string) => ['recode', p, '--id', codingId, '--code', 'Nope'],
      error: /^marginalia: code "Nope" is not in the code book\n$/,
    },
    {
      what: 'an unknown coding GUID',
      args: (p: string) => ['uncode', p, '--id', '00000000-0000-0000-0000-000000000000'],
      error: /coding 00000000-0000-0000-0000-000000000000 is not in this project/,
    },
    {
      what: 'a memo on an unknown case',
      args: (p: string) => ['memo', p, '--on', 'case', '--name', 'Nobody', 'text'],
      error: /^marginalia: case "Nobody" is not in this project\n$/,
    },
  ])('$what', ({ args, error }) => {
    const p = projectFrom(template);
    const before = dump(p);
    expectFailure(cli(args(p)), error);
    expect(dump(p)).toBe(before);
  });
});

describe('CSV and code book files with problems are refused with the file and row named, nothing changes', () => {
  const HEADER = 'document,code,coder,start,end,memo';
  it.each([
    { what: 'an empty CSV', command: 'codings', text: '', error: /^marginalia: bad\.csv: the file is empty\n$/ },
    {
      what: 'a missing column',
      command: 'codings',
      text: 'document,code,coder,start\nco-02.txt,Dynamic security,Alice,1\n',
      error: /^marginalia: bad\.csv: missing column "end"\n$/,
    },
    {
      what: 'an extra column',
      command: 'codings',
      text: `${HEADER},colour\nco-02.txt,${CODE},Alice,1,5,,red\n`,
      error: /^marginalia: bad\.csv: unknown column "colour"; expected only/,
    },
    {
      what: 'a bad number (row 3)',
      command: 'codings',
      text: `${HEADER}\nco-02.txt,${CODE},Alice,1,5,\nco-02.txt,${CODE},Alice,12x,20,\n`,
      error: /^marginalia: bad\.csv row 3: start "12x" is not a whole number\n$/,
    },
    {
      what: 'an unknown document (row 2)',
      command: 'codings',
      text: `${HEADER}\nnope.txt,${CODE},Alice,1,5,\n`,
      error: /^marginalia: bad\.csv row 2: document "nope\.txt" is not in this project\n$/,
    },
    {
      what: 'offsets out of range (row 2)',
      command: 'codings',
      text: `${HEADER}\nco-02.txt,${CODE},Alice,3000,9000,\n`,
      error: /^marginalia: bad\.csv row 2: co-02\.txt: span 3000–9000 is outside the document/,
    },
    {
      what: 'a short row (row 2)',
      command: 'codings',
      text: `${HEADER}\nco-02.txt,${CODE},Alice\n`,
      error: /^marginalia: bad\.csv row 2: expected 6 fields, found 3\n$/,
    },
    {
      what: 'a case attribute that is not a number (row 3)',
      command: 'attributes',
      text: 'case,years:number\nCO-01,4\nCO-02,many\n',
      error: /^marginalia: bad\.csv row 3.*years.*many/,
    },
  ])('$what', ({ command, text, error }) => {
    const p = projectFrom(template);
    const file = join(freshDir(), 'bad.csv');
    writeFileSync(file, text);
    const before = dump(p);
    expectFailure(cli([command, 'import', p, file]), error);
    expect(dump(p)).toBe(before);
  });

  it('a code book that is not valid JSON', () => {
    const p = projectFrom(template);
    const file = join(freshDir(), 'codebook.json');
    writeFileSync(file, '{"format": "marginalia-codebook", "codes": [');
    const before = dump(p);
    expectFailure(cli(['codebook', 'import', p, file]), /^marginalia: codebook\.json is not valid JSON/);
    expect(dump(p)).toBe(before);
  });
});

describe('wrong command lines exit 2 with a pointer to --help', () => {
  it.each([
    {
      what: 'an unknown option',
      args: (p: string) => ['docs', p, '--bogus'],
      error: /^marginalia: unknown option '--bogus' \(see: marginalia docs --help\)\n$/,
    },
    { what: 'an unknown command', args: () => ['frobnicate'], error: /^marginalia: unknown command 'frobnicate' \(see: marginalia --help\)\n$/ },
    {
      what: 'a command group without its subcommand',
      args: () => ['doc'],
      error: /^marginalia: doc needs one of: show, rename, case, delete, edit \(see: marginalia doc --help\)\n$/,
    },
    {
      what: 'a missing argument',
      args: (p: string) => ['doc', 'rename', p, 'co-01.txt'],
      error: /^marginalia: missing NEW \(see: marginalia doc rename --help\)\n$/,
    },
    { what: 'an extra argument', args: (p: string) => ['docs', p, 'extra'], error: /^marginalia: too many arguments \(unexpected 'extra'\)/ },
    {
      what: 'an offset that is not a number',
      args: (p: string) => apply(p, { start: 'abc' }),
      error: /^marginalia: --start must be a whole number \(got "abc"\) \(see: marginalia code --help\)\n$/,
    },
    { what: 'a missing required option', args: (p: string) => ['code', p, '--doc', 'co-02.txt'], error: /^marginalia: missing --code/ },
    {
      what: 'codes move without --to or --top',
      args: (p: string) => ['codes', 'move', p, CODE],
      error: /^marginalia: give exactly one of --to PARENT_PATH and --top/,
    },
    {
      what: 'memo --on with an unknown target',
      args: (p: string) => ['memo', p, '--on', 'folder'],
      error: /^marginalia: --on must be one of project, document, code, case/,
    },
    {
      what: '--max-size that is not a number',
      args: (p: string) => ['import', p, 'x.txt', '--max-size', 'lots'],
      error: /^marginalia: --max-size must be a positive number of megabytes/,
    },
  ])('$what', ({ args, error }) => {
    const p = projectFrom(template);
    const before = dump(p);
    expectFailure(cli(args(p)), error, 2);
    expect(dump(p)).toBe(before);
  });

  it('no arguments prints the help to stderr; --json errors are JSON on stdout; other failures are one line without a stack', () => {
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^marginalia — /);

    const usage = cli(['docs', 'x.marginalia', '--bogus', '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({ ok: false, error: { code: 'usage', message: "unknown option '--bogus'" } });

    const dir = freshDir();
    const missing = cli(['docs', join(dir, 'none.marginalia'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('marginalia: none.marginalia: no such project file\n');
    expect(JSON.parse(missing.stdout)).toEqual({ ok: false, error: { code: 'not_found', message: 'none.marginalia: no such project file' } });

    const p = projectFrom(template);
    expectFailure(cli(['codebook', 'export', p, '-o', join(dir, 'no', 'such', 'folder', 'codebook.json')]), /^marginalia: .*(ENOENT|no such file)/);
  });
});
