/**
 * The API over Electron IPC, with a fake `electron` module: the handler table is exactly the
 * contract, calls from anything but our window's own page are refused, arguments are checked
 * against the contract, and the preload exposes one object with one function per method.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import * as electron from 'electron';
import { openProjectDoor, type ProjectDoor } from '../../electron/api/door.js';
import { apiListener, isTrustedSender, NOT_OUR_WINDOW, READ_ONLY_METHODS, registerApi } from '../../electron/main/ipc.js';
import { API_METHODS, contract, methodWrites } from '../../shared/api/contract.js';
import { apiChannel, COMMAND_CHANNEL, COMMAND_EVENT } from '../../shared/shell.js';
import { addText, tempProject, type TempProject } from '../integration/helpers.js';
import { FakeWebContents } from './electron-fake.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

const contents = () => new FakeWebContents() as unknown as WebContents;
const eventFrom = (sender: WebContents, frame: { processId: number; routingId: number; url: string } | null) =>
  ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

describe('IPC handler table', () => {
  it('registers one handler per contract method and nothing else', () => {
    const handle = vi.fn();
    const channels = registerApi({ handle }, () => null);
    const registered = handle.mock.calls.map((c) => c[0] as string);
    expect(registered).toEqual(channels);
    expect(new Set(registered)).toEqual(new Set(Object.keys(contract).map(apiChannel)));
    expect(registered).toHaveLength(Object.keys(contract).length);
  });

  it('the read-only methods are the contract entries without `writes: true`', () => {
    for (const m of API_METHODS) expect([m, READ_ONLY_METHODS.has(m)]).toEqual([m, !methodWrites(m)]);
    expect(READ_ONLY_METHODS.size).toBeGreaterThan(0);
    for (const m of ['codings.apply', 'documents.import', 'history.undo', 'memos.set'] as const) expect(READ_ONLY_METHODS.has(m)).toBe(false);
    for (const m of ['documents.list', 'codings.forDocument', 'history.state', 'search.corpus'] as const) expect(READ_ONLY_METHODS.has(m)).toBe(true);
  });
});

describe('sender checks', () => {
  const ours = contents();
  const main = ours.mainFrame as unknown as { processId: number; routingId: number; url: string };

  it("accepts our window's main frame showing our page", () => {
    expect(isTrustedSender(eventFrom(ours, main), ours)).toBe(true);
  });

  it('refuses another web contents, an iframe, a foreign page and a missing frame', () => {
    expect(isTrustedSender(eventFrom(contents(), main), ours)).toBe(false);
    expect(isTrustedSender(eventFrom(ours, { ...main, routingId: 2 }), ours)).toBe(false);
    expect(isTrustedSender(eventFrom(ours, { ...main, url: 'https://example.org/' }), ours)).toBe(false);
    expect(isTrustedSender(eventFrom(ours, { ...main, url: 'file:///etc/passwd' }), ours)).toBe(false);
    expect(isTrustedSender(eventFrom(ours, { ...main, url: 'app://evil/index.html' }), ours)).toBe(false);
    expect(isTrustedSender(eventFrom(ours, null), ours)).toBe(false);
  });

  it('a call that resolves to no window is answered unauthorized and reaches no handler', async () => {
    const listener = apiListener('coders.add', () => null);
    expect(await listener(eventFrom(ours, main), { name: 'Mallory' })).toEqual(NOT_OUR_WINDOW);
  });
});

describe('calls through the listener, on a real project file', () => {
  let p: TempProject;
  let door: ProjectDoor;
  beforeAll(() => {
    p = tempProject();
    addText(p.session, 'co-01.txt', 'Interviewer: Hello.\nOfficer: First names matter here.\n');
    // The window's door, as ProjectWindows holds it.
    door = openProjectDoor(p.path, 'tester');
    return () => {
      door.close();
      p.done();
    };
  });
  const target = (writing = vi.fn()) => ({ door, writing });
  const ev = () => eventFrom(contents(), null);

  it('bad arguments come back as invalid_input naming the field, and nothing is written', async () => {
    const t = target();
    const bad = await apiListener('codings.apply', () => t)(ev(), { document: 'doc-guid', code: 'code-guid', coder: 'coder-guid', start: -1, end: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/start/);
    const extra = await apiListener('documents.list', () => t)(ev(), { sql: 'DROP TABLE codings' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notObject = await apiListener('coders.add', () => t)(ev(), 'Alice');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(p.session.project.sqlite.prepare('SELECT count(*) AS n FROM codings').get()).toEqual({ n: 0 });
  });

  it('good arguments run the handler; a write marks the window as saving, then not', async () => {
    const writing = vi.fn();
    const t = target(writing);
    const added = await apiListener('coders.add', () => t)(ev(), { name: 'Alice' });
    expect(added).toMatchObject({ ok: true, data: { name: 'Alice' } });
    expect(writing.mock.calls).toEqual([[true], [false]]);
    writing.mockClear();
    const list = await apiListener('coders.list', () => t)(ev(), {});
    expect(list).toMatchObject({ ok: true });
    expect(writing).not.toHaveBeenCalled();
  });

  it('a refused call still ends the saving mark', async () => {
    const writing = vi.fn();
    const r = await apiListener('documents.rename', () => target(writing))(ev(), { document: 'no-such-guid', newName: 'x.txt' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'no document with GUID no-such-guid is in this project' } });
    expect(writing.mock.calls).toEqual([[true], [false]]);
  });
});

describe('preload', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('exposes exactly one object, `marginalia`, with one function per method, each invoking its own channel', async () => {
    const dispatchEvent = vi.fn(() => true);
    vi.stubGlobal('window', { dispatchEvent });
    await import('../../electron/preload.js');
    const expose = vi.mocked(electron.contextBridge.exposeInMainWorld);
    expect(expose).toHaveBeenCalledTimes(1);
    const [key, api] = expose.mock.calls[0]! as [string, Record<string, unknown>];
    expect(key).toBe('marginalia');
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);

    await (api['codings.remove'] as (a: unknown) => Promise<unknown>)({ guid: 'g-1' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(apiChannel('codings.remove'), { guid: 'g-1' });

    // Menu commands become a DOM event; unknown names are dropped.
    const on = vi.mocked(electron.ipcRenderer.on);
    expect(on.mock.calls.map((c) => c[0])).toEqual([COMMAND_CHANNEL]);
    const relay = on.mock.calls[0]![1] as (e: unknown, c: unknown) => void;
    relay({}, 'undo');
    relay({}, 'openDevTools');
    relay({}, { toString: () => 'undo' });
    expect(dispatchEvent).toHaveBeenCalledTimes(1);
    const event = (dispatchEvent.mock.calls[0] as unknown as [CustomEvent])[0];
    expect(event.type).toBe(COMMAND_EVENT);
    expect(event.detail).toBe('undo');
  });
});
