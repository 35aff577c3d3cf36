/**
 * Fuzzing the table and code book readers: the pure parsers (CSV, code book JSON and CSV) with
 * random and mutated text, and the import methods themselves (codings, case attributes, code
 * books) through a door on a real project, where a crash would surface as an `internal` error.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { parseCodebookCsv, parseCodebookJson, serializeCodebookJson } from '../../shared/codebook/format.js';
import { defaultCodebook } from '../../shared/codebook/default.js';
import { parseCsvRecords } from '../../shared/csv.js';
import { MarginaliaError } from '../../shared/errors.js';
import { bounds, cleanly, grammarText, mutated, ROOT } from './fuzz-helpers.js';

const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fixtureText = (...p: string[]): string => readFileSync(join(ROOT, 'fixtures', ...p), 'utf8');

const CSV_TOKENS = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  'a',
  'Dynamic security/Rapport',
  'ip-01.txt',
  'Alice',
  '0',
  '10',
  '99999',
  '-1',
  '1e3',
  ' ',
  '\uFEFF',
  'é',
  '🙂',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"name"',
  '"children"',
  '"guid"',
  '"color"',
  '"#ff0000"',
  '"x"',
  '"A/B"',
  'null',
  '1',
  'true',
  '"format"',
  '"marginalia-codebook"',
  '"version"',
  '"codes"',
];

const codingsCsv = fixtureText('codings-two-coders.csv');
const casesCsv = fixtureText('cases.csv');
// A small code book (two branches of the default one), so a failing case prints readably.
const codebookJson = serializeCodebookJson(
  defaultCodebook()
    .slice(0, 2)
    .map((c) => ({ ...c, children: c.children.slice(0, 2) })),
);

describe('pure readers never crash', () => {
  it('CSV records: random and CSV-shaped text', () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), grammarText(CSV_TOKENS)), async (text) => {
        const records = await cleanly('fuzz.csv', () => parseCsvRecords(text, 'fuzz.csv'));
        if (records) for (const r of records) expect(r.fields.join('').length).toBeLessThanOrEqual(text.length);
      }),
      bounds(150),
    ));

  it('code book JSON: random, JSON-shaped and mutated exports', () =>
    fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), grammarText(JSON_TOKENS, 120), mutated([enc(codebookJson)], 6).map(dec)), async (text) => {
        await cleanly('fuzz.json', () => parseCodebookJson(text, 'fuzz.json'));
      }),
      bounds(400),
    ));

  it('code book CSV: random, CSV-shaped and mutated', () =>
    fc.assert(
      fc.asyncProperty(
        fc.oneof(grammarText(['path', ',color', '/', 'A', 'b', '#fff', 'rgb(1,2,3)', ...CSV_TOKENS]), mutated([enc('path,color\nA,#ff0000\nA/B,\n')]).map(dec)),
        async (text) => {
          await cleanly('fuzz.csv', () => parseCodebookCsv(text, 'fuzz.csv'));
        },
      ),
      bounds(400),
    ));
});

describe('import methods on a real project answer every input with a clean error or an import', () => {
  let dir: string;
  let door: ProjectDoor;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-fuzz-'));
    door = createProjectDoor(join(dir, 'fuzz.marginalia'));
    await door.call('documents.importFiles', { paths: [join(ROOT, 'fixtures', 'transcripts', 'ip-01.txt')] });
  });
  afterAll(() => {
    door.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A door call refuses with the app's error; `internal` would mean an unexpected exception inside. */
  async function call(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (err) {
      expect(err).toBeInstanceOf(MarginaliaError);
      expect((err as MarginaliaError).code).not.toBe('internal');
      expect((err as MarginaliaError).message).toContain('fuzz');
      expect((err as MarginaliaError).message).not.toMatch(/\p{Cc}/u);
    }
  }

  it('codings.import', () =>
    fc.assert(
      fc.asyncProperty(
        fc.oneof(grammarText(CSV_TOKENS), mutated([enc(codingsCsv.split('\n').slice(0, 6).join('\n').replaceAll('co-01.txt', 'ip-01.txt'))]).map(dec)),
        (csv) => call(() => door.call('codings.import', { csv, name: 'fuzz.csv' })),
      ),
      bounds(120),
    ));

  it('cases.importAttributes', () =>
    fc.assert(
      fc.asyncProperty(
        fc.oneof(grammarText([':number', ':date', ':boolean', 'case', '2024-02-30', 'true', ...CSV_TOKENS]), mutated([enc(casesCsv)]).map(dec)),
        (csv) => call(() => door.call('cases.importAttributes', { csv, name: 'fuzz.csv' })),
      ),
      bounds(120),
    ));

  it('codebook.import (json and csv)', () =>
    fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        mutated([enc(codebookJson)], 6).map(dec),
        grammarText(['path,color\n', 'A/B', '/', '#abc', ...CSV_TOKENS]),
        (json, jsonText, csvText) =>
          call(() =>
            door.call(
              'codebook.import',
              json ? { format: 'json', content: jsonText, name: 'fuzz.json' } : { format: 'csv', content: csvText, name: 'fuzz.csv' },
            ),
          ),
      ),
      bounds(120),
    ));
});
