/**
 * The cached code index: reused while the code book is unchanged, rebuilt after any change to it,
 * whoever made it (API calls, undo/redo, another connection), and never keeping a rolled-back row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../db/action.js';
import { insertCode } from '../../db/queries/codes.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { codeIndexBuilds, codeIndexOf } from '../../electron/services/code-index.js';
import { requireCode, requireCodeByGuid } from '../../electron/services/lookup.js';
import { openSession, closeSession } from '../../electron/services/session.js';
import { tempProject, type TempProject } from './helpers.js';

let p: TempProject | undefined;
afterEach(() => {
  p?.done();
  p = undefined;
});

function setUp() {
  p = tempProject({ empty: true });
  const h = createHandlers(p.session);
  const db = p.session.project.db;
  const paths = () => codeIndexOf(db).list.map((c) => c.path);
  return { p, h, db, paths };
}

describe('the code index cache', () => {
  it('is built once while the code book is unchanged (reads and coding writes do not drop it)', async () => {
    const { h, db } = setUp();
    const a = await h['codebook.create']({ parent: null, name: 'A' });
    codeIndexOf(db);
    const before = codeIndexBuilds();
    for (let i = 0; i < 5; i += 1) {
      requireCodeByGuid(db, a.guid);
      requireCode(db, 'a');
      h['codebook.list']({});
    }
    await h['coders.add']({ name: 'Alice' });
    requireCodeByGuid(db, a.guid);
    expect(codeIndexBuilds()).toBe(before);
  });

  it('sees create, rename, move, merge, delete, undo and redo at the next lookup', async () => {
    const { h, db, paths } = setUp();
    const a = await h['codebook.create']({ parent: null, name: 'A' });
    const b = await h['codebook.create']({ parent: null, name: 'B' });
    expect(paths()).toEqual(['A', 'B']);
    const c = await h['codebook.create']({ parent: a.guid, name: 'C' });
    expect(requireCodeByGuid(db, c.guid).path).toBe('A/C');

    await h['codebook.update']({ code: a.guid, name: 'Alpha', color: '#112233' });
    expect(requireCodeByGuid(db, c.guid).path).toBe('Alpha/C');
    expect(requireCodeByGuid(db, a.guid).color).toBe('#112233');
    expect(() => requireCode(db, 'A/C')).toThrow(/not in the code book/);

    await h['codebook.move']({ code: c.guid, parent: b.guid });
    expect(requireCode(db, 'B/C').guid).toBe(c.guid);

    await h['history.undo']({});
    expect(requireCodeByGuid(db, c.guid).path).toBe('Alpha/C');
    await h['history.redo']({});
    expect(requireCodeByGuid(db, c.guid).path).toBe('B/C');

    await h['codebook.merge']({ source: b.guid, target: a.guid });
    expect(paths()).toEqual(['Alpha', 'Alpha/C']);
    expect(() => requireCodeByGuid(db, b.guid)).toThrow(`no code with GUID ${b.guid} is in the code book`);

    await h['codebook.delete']({ code: a.guid });
    expect(paths()).toEqual([]);
    await h['history.undo']({});
    expect(paths()).toEqual(['Alpha', 'Alpha/C']);
    expect(requireCodeByGuid(db, c.guid).path).toBe('Alpha/C');
  });

  it('sees a change committed by another connection to the same file', async () => {
    const { p, h, db } = setUp();
    const a = await h['codebook.create']({ parent: null, name: 'A' });
    expect(requireCodeByGuid(db, a.guid).name).toBe('A');
    const other = openSession(p.path, 'cli');
    try {
      await createHandlers(other)['codebook.update']({ code: a.guid, name: 'Renamed elsewhere' });
    } finally {
      closeSession(other);
    }
    expect(requireCodeByGuid(db, a.guid).path).toBe('Renamed elsewhere');
  });

  it('never keeps a code from a write that was rolled back', async () => {
    const { p, db, paths } = setUp();
    expect(paths()).toEqual([]);
    expect(() =>
      runAction(p.session.project, 'tester', (action) => {
        insertCode(action.db, {
          guid: 'ghost',
          parentId: null,
          name: 'Ghost',
          color: '#000000',
          definition: '',
          inclusion: '',
          exclusion: '',
          example: '',
          position: 0,
          createdAt: action.at,
        });
        // Looked up inside the transaction: there, the new code is real.
        expect(requireCodeByGuid(action.db, 'ghost').path).toBe('Ghost');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(paths()).toEqual([]);
    expect(() => requireCodeByGuid(db, 'ghost')).toThrow(/no code with GUID ghost/);
  });
});
