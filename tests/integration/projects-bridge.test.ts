/**
 * Projects from the UI over the HTTP bridge (issue 12 point 12), on real files in a temp folder:
 * started on a path that does not exist, nothing is open and every other call is refused; create,
 * open, close and forget change what is open and the recent list (recent-projects.json under
 * MARGINALIA_HOME, read back from disk). Plus what a coding write answers (point 14).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/http.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession } from '../../electron/services/session.js';

let dir = '';
let bridge: Bridge | undefined;
const home = process.env.MARGINALIA_HOME;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-projects-'));
  process.env.MARGINALIA_HOME = join(dir, 'home');
});
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  if (home === undefined) delete process.env.MARGINALIA_HOME;
  else process.env.MARGINALIA_HOME = home;
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, args: unknown = {}) {
  const r = await fetch(`http://127.0.0.1:${bridge!.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-marginalia-token': bridge!.token },
    body: JSON.stringify(args),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes, checked field by field below
  return (await r.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } };
}
const recentOnDisk = () => (JSON.parse(readFileSync(join(dir, 'home', 'recent-projects.json'), 'utf8')) as { path: string }[]).map((e) => e.path);

describe('projects over the bridge', () => {
  it('starts with no project on a missing path, creates it there, and remembers it', async () => {
    const file = join(dir, 'new.marginalia');
    bridge = await startBridge({ projectPath: file, offerMissing: true });
    expect(bridge.projectPath).toBeNull();
    expect((await call('projects.current')).data).toMatchObject({ open: null, offered: file, recent: [], canSwitch: true });
    expect(await call('documents.list')).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no project is open: create or open one on the start screen' },
    });

    const created = await call('projects.create', { path: file });
    expect(created.data).toMatchObject({ open: file, offered: null });
    expect(bridge.projectPath).toBe(file);
    expect((await call('project.info')).data).toMatchObject({ name: 'new', path: file });
    expect(recentOnDisk()).toEqual([file]);
    // A second create on the same path is refused; the file is untouched.
    expect((await call('projects.create', { path: file })).error).toEqual({
      code: 'conflict',
      message: `${file}: a file already exists there; open it, or choose another name`,
    });
    // No folder: one line naming it.
    expect((await call('projects.create', { path: join(dir, 'nope', 'x') })).error?.message).toBe(
      `${join(dir, 'nope')}: no such folder; create it first or choose another`,
    );
  });

  it('opens another project (the first is closed and its lock released), closes, forgets', async () => {
    const a = join(dir, 'a.marginalia');
    const b = join(dir, 'b.marginalia');
    closeSession(initProject(a, { name: 'Study A' }));
    closeSession(initProject(b, { name: 'Study B' }));
    bridge = await startBridge({ projectPath: a, offerMissing: true });
    expect(bridge.projectPath).toBe(a);
    expect((await call('projects.open', { path: b })).data.open).toBe(b);
    expect((await call('project.info')).data.name).toBe('Study B');
    // a is free again: another process could open it now (its lock went with its session).
    closeSession(openSession(a));
    expect(recentOnDisk()).toEqual([b, a]);
    expect((await call('projects.open', { path: join(dir, 'missing.marginalia') })).error?.code).toBe('not_found');
    const notAProject = join(dir, 'notes.marginalia');
    writeFileSync(notAProject, 'hello, not a database at all '.repeat(10));
    expect((await call('projects.open', { path: notAProject })).ok).toBe(false);
    expect((await call('project.info')).data.name).toBe('Study B');

    expect((await call('projects.close')).data).toMatchObject({ open: null });
    expect((await call('codebook.list')).error?.code).toBe('not_found');
    expect((await call('projects.forget', { path: a })).data.recent.map((r: { path: string }) => r.path)).toEqual([b]);
    expect(existsSync(a)).toBe(true);
  });

  it('a coding write answers with the stored coding and the counts a re-read gives', async () => {
    const file = join(dir, 'w.marginalia');
    bridge = await startBridge({ projectPath: file, offerMissing: true });
    await call('projects.create', { path: file });
    const text = Buffer.from('Interviewer: How do you build trust?\nOfficer: First names, and listening.\n').toString('base64');
    const doc = (await call('documents.import', { files: [{ name: 'one.txt', base64: text }] })).data.imported[0].guid as string;
    const alice = (await call('coders.add', { name: 'Alice' })).data.guid as string;
    const rapport = ((await call('codebook.list')).data as { guid: string; path: string }[]).find((c) => c.path.endsWith('/Rapport'))!.guid;
    await call('codings.apply', { document: doc, code: rapport, coder: alice, start: 0, end: 11 });
    const r = (await call('codings.apply', { document: doc, code: rapport, coder: alice, start: 8, end: 20 })).data;
    expect(r.mergedWith).toHaveLength(1);
    const shown = (await call('codings.forDocument', { document: doc })).data;
    expect(shown).toEqual([r.coding]);
    const coders = (await call('coders.list')).data as { guid: string; codings: number; documents: number }[];
    const a = coders.find((c) => c.guid === alice)!;
    expect(r.counts).toEqual({
      coder: { guid: alice, codings: a.codings, documents: a.documents },
      document: { guid: doc, coderCodings: 1 },
      project: (await call('project.info')).data.codings,
    });
    expect(r.document).toBe(doc);
  });
});
