/**
 * REFI-QDA code book import (.qdc, issue 14 point 3) and the import methods through the door:
 * a Taguette-style code book (namespace variant, empty <Sets/>) merged by GUID then by path in
 * one action, and a .qdpx uploaded in browser mode written beside the open project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectDoor, openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { tempDir } from './helpers.js';

const FIX = join(__dirname, '..', '..', 'fixtures', 'refi');
const TAGUETTE = readFileSync(join(FIX, 'taguette.qdc'), 'utf8');

let d: { dir: string; done(): void };
let door: ProjectDoor;
beforeEach(() => {
  d = tempDir();
  door = createProjectDoor(join(d.dir, 'study.marginalia'), { empty: true, actor: 'tester' });
});
afterEach(() => {
  door.close();
  d.done();
});

describe('refi.importCodebook', () => {
  it('adds the codes of a Taguette-style .qdc with an empty <Sets/>, noting the namespace', async () => {
    const r = await door.call('refi.importCodebook', { content: TAGUETTE, name: 'taguette.qdc' });
    expect(r.created).toEqual(['trust', 'boundaries', 'Rapport']);
    expect(r.matched).toBe(0);
    expect(r.origin).toBe('Taguette 1.4.1');
    expect(r.skipped).toEqual([]);
    expect(r.adjusted).toEqual([
      { kind: 'file', item: 'taguette.qdc', reason: 'namespace "urn:QDA-XML:codebook:1:0" (a variant seen in the wild) read as urn:QDA-XML:codebook:1.0' },
    ]);
    const codes = await door.call('codebook.list');
    const trust = codes.find((c) => c.path === 'trust')!;
    expect(trust).toMatchObject({ guid: '0d3f3a4e-6c55-4c0e-9d2a-1f6a2b3c4d5e', color: '#7f9fc7', definition: 'Residents or staff talk about trust.' });
  });

  it('merges by GUID first, then by path, and is one undoable action', async () => {
    await door.call('codebook.create', { parent: null, name: 'rapport' });
    const before = (await door.call('codebook.list')).length;
    const r = await door.call('refi.importCodebook', { content: TAGUETTE, name: 'taguette.qdc' });
    expect(r.matched).toBe(1);
    expect(r.created).toEqual(['trust', 'boundaries']);
    expect((await door.call('codebook.list')).length).toBe(before + 2);
    const again = await door.call('refi.importCodebook', { content: TAGUETTE, name: 'taguette.qdc' });
    expect(again).toMatchObject({ created: [], matched: 3 });
    await door.call('history.undo');
    expect((await door.call('codebook.list')).map((c) => c.path)).toEqual(['rapport']);
  });

  it('refuses a damaged code book and changes nothing', async () => {
    await expect(door.call('refi.importCodebook', { content: '<CodeBook><Codes>', name: 'bad.qdc' })).rejects.toThrow(
      /^bad\.qdc: the code book is not well-formed XML/,
    );
    await expect(door.call('refi.importCodebook', { content: '<!DOCTYPE x [<!ENTITY e "e">]><CodeBook/>', name: 'xxe.qdc' })).rejects.toThrow(
      /^xxe\.qdc: refused: .*DOCTYPE/,
    );
    await expect(door.call('refi.importCodebook', { content: '<Other/>', name: 'other.qdc' })).rejects.toThrow(/not a REFI-QDA code book/);
    expect(await door.call('codebook.list')).toEqual([]);
  });
});

describe('refi.importProjectUpload (browser mode)', () => {
  it('writes a new project beside the open one and leaves the open one alone', async () => {
    const base64 = readFileSync(join(FIX, 'handmade.qdpx')).toString('base64');
    const r = await door.call('refi.importProjectUpload', { name: 'handmade.qdpx', base64 });
    expect(r.project).toBe(join(d.dir, 'handmade.marginalia'));
    const second = await door.call('refi.importProjectUpload', { name: 'handmade.qdpx', base64 });
    expect(second.project).toBe(join(d.dir, 'handmade (2).marginalia'));
    expect(await door.call('documents.list')).toEqual([]);
    const s = openSession(r.project);
    expect((s.project.sqlite.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n).toBe(7);
    closeSession(s);
    const other = openProjectDoor(second.project);
    expect((await other.call('documents.list')).length).toBe(2);
    other.close();
    expect(existsSync(join(d.dir, 'study.marginalia'))).toBe(true);
  });
});
