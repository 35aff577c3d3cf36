/**
 * Merging a coder's project sent as bytes (browser mode's project.mergeCoderUpload), through the
 * one door: the same merge as project.mergeCoderProject, and every bad file refused in one line
 * with the project left exactly as it was and no backup written.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { MarginaliaError } from '../../shared/errors.js';
import { cleanup, dump, fixture, freshDir, ok } from './cli-harness.js';

let lead: string;
let door: ProjectDoor;
let bob: string;
beforeAll(() => {
  const dir = freshDir();
  lead = join(dir, 'lead.marginalia');
  ok(['init', lead, '--as', 'lead']);
  ok(['import', lead, fixture('transcripts', 'co-01.txt'), '--as', 'lead']);
  ok(['coders', 'add', lead, 'Alice']);
  ok(['code', lead, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Alice', '--lines', '3-4']);
  // Bob's own project: made apart, the same transcript, his own codings and one new code.
  bob = join(freshDir(), 'bob.marginalia');
  ok(['init', bob, '--as', 'bob']);
  ok(['import', bob, fixture('transcripts', 'co-01.txt'), fixture('transcripts', 'ip-01.txt'), '--as', 'bob']);
  ok(['coders', 'add', bob, 'Bob']);
  ok(['code', bob, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Bob', '--lines', '3-5']);
  ok(['code', bob, '--doc', 'co-01.txt', '--code', 'Boundaries/First names', '--coder', 'Bob', '--lines', '7']);
  door = openProjectDoor(lead, 'tester');
});
afterAll(() => {
  door.close();
  cleanup();
});

const upload = (path: string, name = basename(path)) => ({ name, base64: readFileSync(path).toString('base64') });
const backups = () => (existsSync(`${lead}-backups`) ? readdirSync(`${lead}-backups`).filter((f) => f.includes('_before-merge')) : []);

async function refused(args: { name: string; base64: string }): Promise<MarginaliaError> {
  const err = await door.call('project.mergeCoderUpload', args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MarginaliaError);
  return err as MarginaliaError;
}

describe('project.mergeCoderUpload', () => {
  it('refuses an empty file, a file that is not a project, a newer schema and the same project, changing nothing', async () => {
    const before = await door.call('project.info');
    const dir = freshDir();
    const sameBytes = join(dir, 'lead copy.marginalia');
    copyFileSync(lead, sameBytes);
    const text = join(dir, 'notes.marginalia');
    writeFileSync(text, 'These are my notes, not a project. '.repeat(10));
    const newer = join(dir, 'newer.marginalia');
    copyFileSync(bob, newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const state = dump(lead);

    const empty = await refused({ name: 'empty.marginalia', base64: '' });
    expect(empty.code).toBe('not_a_project');
    expect(empty.message).toBe('empty.marginalia: the file is empty, not a Marginalia project');
    expect((await refused(upload(text))).message).toBe('notes.marginalia: not a Marginalia project (not an SQLite database)');
    const tooNew = await refused(upload(newer));
    expect(tooNew.code).toBe('newer_schema');
    expect(tooNew.message).toMatch(/^newer\.marginalia: saved by a newer Marginalia \(schema 99;/);
    const same = await refused(upload(sameBytes));
    expect(same.message).toMatch(/^lead copy\.marginalia: this is the same project as the one open \(same project GUID/);
    expect((await refused({ name: 'x.marginalia', base64: 'not base64!' })).message).toBe('x.marginalia: the upload is not base64');

    expect(dump(lead)).toBe(state);
    expect(backups()).toEqual([]);
    expect(await door.call('project.info')).toEqual(before);
  });

  it('merges a second coder’s project: report of what was added, matched and skipped, and a backup', async () => {
    await door.call('codebook.create', { parent: null, name: 'Made before the merge' });
    expect(await door.call('history.state')).toMatchObject({ canUndo: true });
    const r = await door.call('project.mergeCoderUpload', upload(bob));
    expect(r.from).toBe('bob.marginalia');
    expect(r.documents).toEqual({ matched: 1, added: ['ip-01.txt'] });
    expect(r.coders.added).toEqual(['Bob']);
    expect(r.codes.matched + r.codes.added.length).toBeGreaterThan(1);
    expect(r.conflicts).toEqual([]);
    expect(r.codings).toEqual({ added: 2, skipped: 0 });
    expect(backups()).toEqual([basename(r.backup)]);
    const coders = await door.call('coders.list');
    expect(coders.map((c) => c.name).sort()).toEqual(['Alice', 'Bob']);
    // The merge is one undoable step (tests/integration/history-persistent.test.ts checks every table): undo, then redo.
    expect(await door.call('history.state')).toMatchObject({ canUndo: true, undoLabel: 'merge "bob.marginalia"' });
    expect((await door.call('history.undo')).label).toBe('merge "bob.marginalia"');
    expect((await door.call('coders.list')).map((c) => c.name)).toEqual(['Alice']);
    expect((await door.call('history.redo')).label).toBe('merge "bob.marginalia"');
    expect((await door.call('coders.list')).map((c) => c.name).sort()).toEqual(['Alice', 'Bob']);
    // Merging the same file again adds nothing.
    const again = await door.call('project.mergeCoderUpload', upload(bob));
    expect(again.codings).toEqual({ added: 0, skipped: 2 });
  });

  it('accepts a copy of this project that a coder worked in (same GUID, new changes)', async () => {
    const dir = freshDir();
    const copy = join(dir, 'carol.marginalia');
    copyFileSync(lead, copy);
    ok(['coders', 'add', copy, 'Carol']);
    ok(['code', copy, '--doc', 'co-01.txt', '--code', 'Rapport', '--coder', 'Carol', '--lines', '9']);
    const r = await door.call('project.mergeCoderUpload', upload(copy));
    expect(r.coders.added).toEqual(['Carol']);
    expect(r.codings.added).toBe(1);
  });
});
