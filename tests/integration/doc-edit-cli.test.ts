/**
 * `marginalia doc edit`: a replacement and a corrected whole file move the codings with their
 * words (read back from the project file), --json carries the report, --dry-run writes nothing,
 * and bad input gets one line, exit 1 (2 for usage), and a byte-identical project.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEditReport } from '../../shared/api/types-transcript-edit.js';
import { cleanup, cli, expectFailure, fixture, freshDir, ok, okJson } from './cli-harness.js';

let dir: string;
let p: string;
afterAll(cleanup);

beforeAll(() => {
  dir = freshDir();
  p = join(dir, 'study.marginalia');
  ok(['init', p]);
  ok(['import', p, ...['co-01.txt', 'ip-01.txt', 'co-03-norway.txt'].map((f) => fixture('transcripts', f))]);
  ok(['codings', 'import', p, fixture('codings-two-coders.csv')]);
});

/** Every coding of co-01 with the text it covers now, read straight from the file. */
function codings(): { start: number; end: number; quote: string; covered: string }[] {
  const db = new Database(p, { readonly: true });
  try {
    const text = (
      db.prepare("SELECT t.text FROM document_texts t JOIN documents d ON d.id = t.document_id WHERE d.name = 'co-01.txt'").get() as { text: string }
    ).text;
    const rows = db
      .prepare(
        'SELECT c.start, c."end", c.quote FROM codings c JOIN documents d ON d.id = c.document_id WHERE d.name = \'co-01.txt\' ORDER BY c.start, c."end", c.id',
      )
      .all() as { start: number; end: number; quote: string }[];
    return rows.map((r) => ({ ...r, covered: text.slice(r.start, r.end) }));
  } finally {
    db.close();
  }
}

describe('marginalia doc edit', () => {
  it('replaces one occurrence and moves every coding with its words (--json report)', () => {
    const before = codings();
    const r = okJson<TextEditReport>(['doc', 'edit', p, 'co-01.txt', '--replace', 'walking the range', 'walking the unit']);
    expect(r.applied).toBe(true);
    expect(r.counts).toMatchObject({ edited: 2, orphaned: 0, trimmed: 0 });
    expect(r.counts.moved + r.counts.edited + r.counts.unchanged).toBe(before.length);
    const after = codings();
    expect(after).toHaveLength(before.length);
    for (const c of after) expect(c.covered).toBe(c.quote);
    expect(after.filter((c) => c.quote.includes('walking the unit'))).toHaveLength(2);
  });

  it('takes a corrected whole file (CRLF line ends), diffed against the stored text', () => {
    const out = ok(['doc', 'edit', p, 'co-01.txt', '--from-file', fixture('edits', 'co-01-corrected.txt')]);
    expect(out).toMatch(/^Corrected co-01\.txt: \d+ places/);
    expect(out).toContain('"Martin" → "Martín"');
    for (const c of codings()) expect(c.covered).toBe(c.quote);
  });

  it('orphans a coding whose words are all deleted, and says so', () => {
    const quote = codings().find((c) => c.quote.startsWith('Consistency, mostly.'))!.quote;
    const out = ok(['doc', 'edit', p, 'co-01.txt', '--replace', `${quote} `, '', '--occurrence', '1']);
    expect(out).toMatch(/2 orphaned/);
    expect(out).toMatch(/orphaned .*"Consistency, mostly\..*kept as an orphan/);
    const db = new Database(p, { readonly: true });
    const orphans = db.prepare('SELECT quote FROM coding_orphans').all();
    db.close();
    expect(orphans).toEqual([{ quote }, { quote }]);
  });

  it('--dry-run reports and writes nothing', () => {
    const bytes = readFileSync(p);
    const out = ok(['doc', 'edit', p, 'co-01.txt', '--replace', 'Twelve years', 'Ten years', '--dry-run']);
    expect(out).toMatch(/^Would correct co-01\.txt: 1 place/);
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('refuses bad input in one line, leaving the project byte-identical', () => {
    const same = join(dir, 'same.txt');
    const db = new Database(p, { readonly: true });
    writeFileSync(
      same,
      (
        db.prepare("SELECT t.text FROM document_texts t JOIN documents d ON d.id = t.document_id WHERE d.name = 'co-01.txt'").get() as { text: string }
      ).text.replace(/\n/g, '\r\n'),
    );
    db.close();
    const bytes = readFileSync(p);
    const cases: [string[], RegExp, number?][] = [
      [['doc', 'edit', p, 'nope.txt', '--replace', 'a', 'b'], /document "nope\.txt" is not in this project/],
      [['doc', 'edit', p, 'co-01.txt', '--replace', 'no such words here', 'b'], /"no such words here" does not occur in "co-01\.txt"/],
      [['doc', 'edit', p, 'co-01.txt', '--replace', 'Martín', 'Martin', '--occurrence', '99'], /occurrence 99 is out of range: "Martín" occurs \d+ times/],
      [['doc', 'edit', p, 'co-01.txt', '--replace', 'the', 'THE'], /"the" occurs \d+ times .*--occurrence/],
      [['doc', 'edit', p, 'co-01.txt', '--from-file', same], /identical to the stored text/],
      [['doc', 'edit', p, 'co-01.txt', '--from-file', join(dir, 'missing.txt')], /missing\.txt: no such file/],
      [['doc', 'edit', p, 'co-01.txt', '--replace', 'x'], /--replace needs the new text/, 2],
      [['doc', 'edit', p, 'co-01.txt'], /either --replace OLD NEW or --from-file/, 2],
    ];
    for (const [args, error, exit] of cases) expectFailure(cli(args), error, exit ?? 1);
    const json = cli(['doc', 'edit', p, 'co-01.txt', '--replace', 'no such words', 'b', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });
});
