/**
 * The marginalia CLI refusing bad files: transcripts it cannot import, and project files that are
 * not Marginalia projects, are corrupt, or come from a newer Marginalia. Each refusal exits
 * non-zero with one line naming the file and the problem, and leaves the project as it was.
 */
import { copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemplate, cleanup, cli, dump, expectFailure, fixture, freshDir, projectFrom } from './cli-harness.js';

let template: string;
beforeAll(() => {
  template = buildTemplate({ formats: false });
}, 60_000);
afterAll(cleanup);

const NEW_TEXT = fixture('transcripts', 'co-04-pdf-like.expected.txt'); // not in the template

describe('marginalia import refuses bad transcripts and imports nothing', () => {
  it.each([
    { what: 'an empty file', files: [fixture('bad', 'empty.txt')], error: /^marginalia: empty\.txt: the file is empty$/m },
    { what: 'binary data renamed .txt', files: [fixture('bad', 'binary.txt')], error: /^marginalia: binary\.txt: .*binary/m },
    { what: 'a corrupt .docx', files: [fixture('bad', 'corrupt.docx')], error: /^marginalia: corrupt\.docx: .*not a valid \.docx/m },
    { what: 'a truncated .docx', files: [fixture('bad', 'truncated.docx')], error: /^marginalia: truncated\.docx: .*(damaged|incomplete)/m },
    { what: 'a password-protected .docx', files: [fixture('bad', 'encrypted.docx')], error: /^marginalia: encrypted\.docx: .*password-protected/m },
    { what: 'a truncated .pdf', files: [fixture('bad', 'truncated.pdf')], error: /^marginalia: truncated\.pdf: .*(damaged|incomplete|truncated)/m },
    { what: 'a password-protected .pdf', files: [fixture('bad', 'encrypted.pdf')], error: /^marginalia: encrypted\.pdf: .*password-protected/m },
    { what: 'a .pdf without a text layer', files: [fixture('bad', 'no-text.pdf')], error: /^marginalia: no-text\.pdf: .*no text/m },
    { what: 'an unknown extension', files: [fixture('bad', 'notes.xyz')], error: /^marginalia: notes\.xyz: .*unsupported type \(\.xyz\)/m },
    {
      what: 'a file over --max-size',
      files: [NEW_TEXT],
      flags: ['--max-size', '0.001'],
      error: /^marginalia: co-04-pdf-like\.expected\.txt: .*over the import limit/m,
    },
    { what: 'a missing file', files: [join(fixture('transcripts'), 'not-there.txt')], error: /^marginalia: not-there\.txt: /m },
    { what: 'a good file together with a bad one', files: [NEW_TEXT, fixture('bad', 'empty.txt')], error: /^marginalia: empty\.txt: the file is empty$/m },
  ])('$what', ({ files, flags, error }) => {
    const p = projectFrom(template);
    const before = dump(p);
    expectFailure(cli(['import', p, ...files, ...(flags ?? [])]), error);
    expect(dump(p)).toBe(before);
  });
});

/** Half of the file's pages, from a quarter of the way in, overwritten with garbage. */
function corruptMiddle(path: string): void {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  const pages = Math.floor(bytes.length / pageSize);
  expect(pages).toBeGreaterThan(8);
  const garbage = Buffer.alloc(pageSize * Math.floor(pages / 2), 0xa5);
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, pageSize * Math.floor(pages / 4));
  } finally {
    closeSync(fd);
  }
}

describe('marginalia refuses project files it must not touch, and leaves them byte for byte', () => {
  it('a text file, an SQLite database that is not ours, a folder, a missing file', () => {
    const dir = freshDir();
    const text = join(dir, 'notes.marginalia');
    writeFileSync(text, 'Just some notes, not a project.\n');
    const foreign = join(dir, 'other.sqlite');
    const db = new Database(foreign);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('data');");
    db.close();
    const folder = join(dir, 'folder.marginalia');
    mkdirSync(folder);
    const bytes = { text: readFileSync(text), foreign: readFileSync(foreign) };

    expectFailure(cli(['info', text]), /^marginalia: notes\.marginalia: not a Marginalia project \(not an SQLite database\)\n$/);
    expectFailure(cli(['import', foreign, NEW_TEXT]), /^marginalia: other\.sqlite: an SQLite database, but not a Marginalia project\n$/);
    expectFailure(cli(['docs', folder]), /^marginalia: folder\.marginalia: is a folder, not a Marginalia project file\n$/);
    expectFailure(cli(['info', join(dir, 'missing.marginalia')]), /^marginalia: missing\.marginalia: no such project file\n$/);
    expect(readFileSync(text)).toEqual(bytes.text);
    expect(readFileSync(foreign)).toEqual(bytes.foreign);
    expect(readdirSync(dir).sort()).toEqual(['folder.marginalia', 'notes.marginalia', 'other.sqlite']);
  });

  it('a real project whose middle pages were overwritten with garbage', () => {
    const p = projectFrom(template, 'damaged.marginalia');
    corruptMiddle(p);
    const bytes = readFileSync(p);
    // Refused at open (the quick check), with the way back: its backups.
    const refused =
      /^marginalia: damaged\.marginalia: the project file is corrupt \(.+\); nothing was repaired\. .*`marginalia restore damaged\.marginalia BACKUP`.*\n$/;
    expectFailure(cli(['docs', p]), refused);
    expectFailure(cli(['import', p, NEW_TEXT]), refused);
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('a project saved by a newer schema (user_version 999) is refused, not migrated or backed up', () => {
    const p = projectFrom(template, 'future.marginalia');
    const db = new Database(p);
    db.pragma('user_version = 999');
    db.close();
    const before = dump(p);
    const r = cli(['info', p, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^marginalia: future\.marginalia: saved by a newer Marginalia \(schema 999; this version reads up to \d+\); update Marginalia to open it\n$/,
    );
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, error: { code: 'newer_schema', message: expect.stringContaining('schema 999') } });
    expectFailure(cli(['import', p, NEW_TEXT]), /schema 999/);
    expect(dump(p)).toBe(before);
    // (-wal/-shm may be left by dump()'s read-only connection; a backup would mean a migration was tried.)
    expect(readdirSync(join(p, '..')).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['future.marginalia']);
  });

  it('init refuses to overwrite an existing file', () => {
    const dir = freshDir();
    const p = join(dir, 'taken.marginalia');
    copyFileSync(template, p);
    const before = dump(p);
    expectFailure(cli(['init', p, '--empty']), /^marginalia: taken\.marginalia: a file already exists there; choose another name\n$/);
    expect(dump(p)).toBe(before);
  });
});
