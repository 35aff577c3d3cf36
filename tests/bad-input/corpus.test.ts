/**
 * The bad-input corpus (fixtures/bad/, described entry by entry in fixtures/bad/manifest.json) run
 * through the real entry points: contract methods through a door on a real temp project, and the
 * CLI for a few. A refused file gets one line naming the file and the problem, and the project it
 * was aimed at is byte-identical afterwards (SHA-256 of the closed file). A file the manifest says
 * is accepted must import.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { MarginaliaError } from '../../shared/errors.js';
import { createProjectDoor, openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { readTextFile } from '../../electron/api/text-files.js';
import { cli, expectFailure } from '../integration/cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BAD = join(ROOT, 'fixtures', 'bad');

interface Entry {
  file: string;
  importer: string;
  expect: 'error' | 'accepted';
  code?: string;
  message?: string;
  warning?: string;
  note?: string;
}
interface Manifest {
  importers: Record<string, string>;
  pending: Record<string, string>;
  entries: Entry[];
}
const manifest = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8')) as Manifest;

/** What one attempt did: the error (code and message) or the warnings of an accepted import. */
type Outcome = { ok: false; code: string; message: string } | { ok: true; warnings: string[] };
type Attempt = (door: ProjectDoor, file: string) => Promise<string[]>;

const csv = (method: 'codings.import' | 'cases.importAttributes'): Attempt[] => [
  async (door, file) => (await door.call(method, { csv: readTextFile(file), name: basename(file) }), []),
];
const codebook = (format: 'csv' | 'json'): Attempt[] => [
  async (door, file) => (await door.call('codebook.import', { format, content: readTextFile(file), name: basename(file) }), []),
];

/**
 * Each importer's attempts, each on its own fresh copy of the project. An importer whose contract
 * method does not exist yet maps to null; its entries are listed as pending, not run.
 */
const ATTEMPTS: Record<string, Attempt[] | null> = {
  transcript: [
    async (door, file) => {
      const r = await door.call('documents.importFiles', { paths: [file], allowDuplicates: true });
      expect(r.imported.map((d) => d.name)).toEqual([basename(file)]);
      return r.imported[0]!.warnings;
    },
    async (door, file) => {
      const base64 = readFileSync(file).toString('base64');
      const r = await door.call('documents.import', { files: [{ name: basename(file), base64 }], allowDuplicates: true });
      expect(r.imported.map((d) => d.name)).toEqual([basename(file)]);
      return r.imported[0]!.warnings;
    },
  ],
  'codings-csv': csv('codings.import'),
  'attributes-csv': csv('cases.importAttributes'),
  'codebook-csv': codebook('csv'),
  'codebook-json': codebook('json'),
  qdpx: [
    async (door, file) => {
      const output = join(dirname(file), 'imported.marginalia');
      await door.call('refi.importProject', { path: file, output });
      return [];
    },
    async (door, file) => {
      const base64 = readFileSync(file).toString('base64');
      await door.call('refi.importProjectUpload', { name: basename(file), base64 });
      return [];
    },
  ],
  qdc: [async (door, file) => (await door.call('refi.importCodebook', { content: readTextFile(file), name: basename(file) }), [])],
  project: [
    async (_door, file) => {
      const other = openProjectDoor(file, 'corpus');
      other.close();
      return [];
    },
    async (door, file) => (await door.call('project.mergeCoderProject', { file }), []),
  ],
};

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let template: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-corpus-'));
  template = join(dir, 'template.marginalia');
  const door = createProjectDoor(template);
  try {
    await door.call('documents.importFiles', { paths: [join(ROOT, 'fixtures', 'transcripts', 'ip-01.txt')] });
  } finally {
    door.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one attempt on a fresh copy of the template; the bad file itself is a copy too (opening may touch it). */
async function attempt(entry: Entry, run: Attempt): Promise<{ outcome: Outcome; changed: boolean; badChanged: boolean; newFiles: string[] }> {
  const here = mkdtempSync(join(dir, 'run-'));
  const project = join(here, 'study.marginalia');
  copyFileSync(template, project);
  const bad = join(here, entry.file);
  copyFileSync(join(BAD, entry.file), bad);
  const before = { project: sha(project), bad: sha(bad), files: readdirSync(here) };
  const door = openProjectDoor(project, 'corpus');
  let outcome: Outcome;
  try {
    outcome = { ok: true, warnings: await run(door, bad) };
  } catch (err) {
    if (!(err instanceof MarginaliaError)) throw err;
    outcome = { ok: false, code: err.code, message: err.message };
  } finally {
    door.close();
  }
  expect(existsSync(`${project}-wal`)).toBe(false);
  const newFiles = readdirSync(here).filter((f) => !before.files.includes(f) && !f.startsWith('study.marginalia'));
  return { outcome, changed: sha(project) !== before.project, badChanged: sha(bad) !== before.bad, newFiles };
}

describe('the manifest', () => {
  it('lists every file in fixtures/bad exactly once, at least 40 of them, each with an importer', () => {
    const files = readdirSync(BAD)
      .filter((f) => f !== 'manifest.json' && f !== 'build.ts')
      .sort();
    expect(manifest.entries.map((e) => e.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const e of manifest.entries) {
      expect(Object.keys(ATTEMPTS), e.file).toContain(e.importer);
      expect(manifest.importers[e.importer], e.importer).toBeTruthy();
      if (e.expect === 'error') expect({ file: e.file, message: e.message }).toMatchObject({ message: expect.any(String) });
    }
  });

  it('marks exactly the importers that do not exist yet as pending, with the reason', () => {
    const missing = Object.keys(ATTEMPTS).filter((k) => ATTEMPTS[k] === null);
    expect(Object.keys(manifest.pending).sort()).toEqual(missing.sort());
    for (const k of missing) expect(manifest.pending[k]).toMatch(/not in the contract yet/);
  });
});

const runnable = manifest.entries.filter((e) => ATTEMPTS[e.importer]);

describe('every bad file through its importer', () => {
  it.each(runnable.filter((e) => e.expect === 'error'))('$file ($importer) is refused: $message', async (entry) => {
    for (const run of ATTEMPTS[entry.importer]!) {
      const { outcome, changed, badChanged, newFiles } = await attempt(entry, run);
      expect(outcome, entry.file).toMatchObject({ ok: false, ...(entry.code ? { code: entry.code } : {}) });
      if (outcome.ok) continue;
      expect(outcome.code, `${entry.file}: ${outcome.message}`).not.toBe('internal');
      expect(outcome.message).not.toMatch(/[\r\n]/);
      expect(outcome.message.length).toBeLessThan(400);
      expect(outcome.message).toContain(entry.file);
      expect(outcome.message.toLowerCase()).toContain(entry.message!.toLowerCase());
      expect(outcome.message).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(changed, `${entry.file}: the project changed`).toBe(false);
      expect(badChanged, `${entry.file}: the bad file itself changed`).toBe(false);
      expect(newFiles, `${entry.file}: files left beside the project`).toEqual([]);
    }
  });

  it.each(runnable.filter((e) => e.expect === 'accepted'))('$file ($importer) is accepted', async (entry) => {
    for (const run of ATTEMPTS[entry.importer]!) {
      const { outcome, changed } = await attempt(entry, run);
      expect(outcome, entry.file).toMatchObject({ ok: true });
      if (!outcome.ok) continue;
      expect(changed).toBe(true);
      if (entry.warning) expect(outcome.warnings.join('\n')).toContain(entry.warning);
      else expect(outcome.warnings).toEqual([]);
    }
  });

  it('a .docx with a zip-slip entry name is read in memory: nothing is written outside (or inside) the temp folder', async () => {
    const entry = runnable.find((e) => e.file === 'zip-slip.docx')!;
    const before = readdirSync(dir).length;
    await attempt(entry, ATTEMPTS.transcript![0]!);
    expect(readdirSync(dir)).toHaveLength(before + 1); // the attempt's own folder only
    expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false);
  });

  it('every method the attempts call is in the contract (the REFI-QDA import included)', () => {
    const methods = ['documents.importFiles', 'documents.import', 'codings.import', 'cases.importAttributes', 'codebook.import'];
    methods.push('refi.importProject', 'refi.importProjectUpload', 'refi.importCodebook', 'project.mergeCoderProject');
    for (const m of methods) expect(Object.keys(contract)).toContain(m);
  });
});

describe('the CLI refuses a few of them in one line, the project unchanged', () => {
  const cases: { file: string; argv: (project: string, bad: string) => string[] }[] = [
    { file: 'zip-bomb.docx', argv: (p, b) => ['import', p, b] },
    { file: 'utf16le-odd-length.txt', argv: (p, b) => ['import', p, b] },
    { file: 'codings-utf16le-no-bom.csv', argv: (p, b) => ['codings', 'import', p, b] },
    { file: 'attributes-bad-date.csv', argv: (p, b) => ['attributes', 'import', p, b] },
    { file: 'codebook-deep-nesting.json', argv: (p, b) => ['codebook', 'import', p, b] },
    { file: 'corrupt.marginalia', argv: (p, b) => ['merge', p, b] },
    { file: 'future-schema.marginalia', argv: (_p, b) => ['info', b] },
    { file: 'zip-slip.qdpx', argv: (p, b) => ['qdpx', 'import', b, '-o', join(dirname(p), 'imported.marginalia')] },
    { file: 'xxe.qdc', argv: (p, b) => ['codebook', 'import', p, b] },
  ];
  it.each(cases)('marginalia $file', ({ file, argv }) => {
    const entry = manifest.entries.find((e) => e.file === file)!;
    const here = mkdtempSync(join(dir, 'cli-'));
    const project = join(here, 'study.marginalia');
    copyFileSync(template, project);
    const bad = join(here, file);
    copyFileSync(join(BAD, file), bad);
    const before = { project: sha(project), bad: sha(bad) };
    const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expectFailure(cli(argv(project, bad)), new RegExp(`^marginalia: .*${escaped(file)}.*${escaped(entry.message!)}`, 'i'));
    expect(sha(project)).toBe(before.project);
    expect(sha(bad)).toBe(before.bad);
    expect(
      readdirSync(here)
        .filter((f) => !f.startsWith('study.marginalia'))
        .sort(),
    ).toEqual([file]);
  });
});
