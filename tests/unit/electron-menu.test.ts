/**
 * The native menus, with a fake `electron` module: every item the issue lists is there and
 * wired to a named action that exists, commands reach the page on the one command channel,
 * features not built yet say so, and what the shell remembers (recent files, window bounds).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import * as electron from 'electron';
import { createProjectDoor } from '../../electron/api/door.js';
import { createActions } from '../../electron/main/actions.js';
import { MENU_ACTIONS, menuTemplate, type MenuActions } from '../../electron/main/menu.js';
import type { ProjectWindows } from '../../electron/main/projects.js';
import { loadState, MAX_RECENT, projectPathsFromArgv, saveState, visibleBounds, withRecent } from '../../electron/main/state.js';
import { COMMAND_CHANNEL } from '../../shared/shell.js';
import { FakeBrowserWindow } from './electron-fake.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

type Item = MenuItemConstructorOptions;
const spies = () => {
  const a = Object.fromEntries(MENU_ACTIONS.map((n) => [n, vi.fn()])) as unknown as Record<string, ReturnType<typeof vi.fn>>;
  a.openRecent = vi.fn();
  return a as unknown as MenuActions & Record<string, ReturnType<typeof vi.fn>>;
};
const submenu = (items: Item[], label: string): Item[] => {
  const top = items.find((i) => i.label === label || (label === 'Help' && i.role === 'help'));
  expect(top, `menu ${label}`).toBeDefined();
  return top!.submenu as Item[];
};
const byLabel = (items: Item[], label: string) => items.find((i) => i.label === label);

const REQUIRED: Record<string, [string, string | null][]> = {
  File: [
    ['New Project…', 'newProject'],
    ['Open…', 'openProject'],
    ['Import Documents…', 'importDocuments'],
    ['Import REFI-QDA Project…', 'importRefiQda'],
    ['Export REFI-QDA Project…', 'exportRefiQda'],
    ['Export Themed Excerpts…', 'exportExcerpts'],
    ['Merge a Coder’s Project…', 'mergeCoderProject'],
    ['Close', 'closeWindow'],
  ],
  Edit: [
    ['Undo', 'undo'],
    ['Redo', 'redo'],
    ['Find…', 'find'],
  ],
  Help: [
    ['Keyboard Shortcuts', 'keyboardShortcuts'],
    ['About Marginalia', 'about'],
  ],
};

describe('menu template', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: every required item calls its own action with the window`, () => {
      const actions = spies();
      const template = menuTemplate(actions, { platform, recent: ['/data/a.marginalia', '/data/b.marginalia'], packaged: true });
      const win = new FakeBrowserWindow();
      for (const [menu, items] of Object.entries(REQUIRED)) {
        for (const [label, action] of items) {
          const item = byLabel(submenu(template, menu), label);
          expect(item, `${menu} > ${label}`).toBeDefined();
          (item!.click as (i: unknown, w: unknown) => void)(item, win);
          expect(actions[action!], `${menu} > ${label}`).toHaveBeenCalledWith(win);
        }
      }
      const edit = submenu(template, 'Edit');
      for (const role of ['cut', 'copy', 'paste'])
        expect(
          edit.some((i) => i.role === role),
          role,
        ).toBe(true);
      expect(submenu(template, 'View').length).toBeGreaterThan(0);
    });
  }

  it('Open Recent lists the recent projects, each opening its file, and can be cleared', () => {
    const actions = spies();
    const template = menuTemplate(actions, { platform: 'linux', recent: ['/data/a.marginalia', '/data/b.marginalia'], packaged: true });
    const recent = byLabel(submenu(template, 'File'), 'Open Recent')!.submenu as Item[];
    expect(recent.map((i) => i.label)).toEqual(['a.marginalia', 'b.marginalia', undefined, 'Clear Recent']);
    (recent[1]!.click as () => void)();
    expect(actions.openRecent).toHaveBeenCalledWith('/data/b.marginalia');
    const empty = menuTemplate(actions, { platform: 'linux', recent: [], packaged: true });
    const none = byLabel(submenu(empty, 'File'), 'Open Recent')!.submenu as Item[];
    expect(none[0]).toMatchObject({ label: 'No Recent Projects', enabled: false });
    expect(byLabel(none, 'Clear Recent')!.enabled).toBe(false);
  });

  it('every action is reachable from the menus, and developer tools only when not packaged', () => {
    const ids = new Set<string>();
    const walk = (items: Item[]) => items.forEach((i) => (i.id && ids.add(i.id), Array.isArray(i.submenu) && walk(i.submenu)));
    const packaged = menuTemplate(spies(), { platform: 'linux', recent: ['/x.marginalia'], packaged: true });
    walk(packaged);
    for (const a of MENU_ACTIONS) expect(ids.has(a), a).toBe(true);
    const roles = (t: Item[]) => JSON.stringify(t.map((i) => i.submenu));
    expect(roles(packaged)).not.toMatch(/toggleDevTools/);
    expect(roles(menuTemplate(spies(), { platform: 'linux', recent: [], packaged: false }))).toMatch(/toggleDevTools/);
  });

  it("undo and redo keys stay with the page (the project's history), not a second handler", () => {
    const edit = submenu(menuTemplate(spies(), { platform: 'linux', recent: [], packaged: true }), 'Edit');
    expect(byLabel(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(byLabel(edit, 'Redo')).toMatchObject({ accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false });
  });
});

describe('menu actions', () => {
  const setup = () => {
    const win = new FakeBrowserWindow();
    const project = { win, path: '/data/a.marginalia' };
    const windows = { forWindow: (w: unknown) => (w === win ? project : undefined), clearRecent: vi.fn() } as unknown as ProjectWindows;
    return { win, windows, actions: createActions(windows, 'tester') };
  };

  it('has an implementation for every menu action', () => {
    const { actions } = setup();
    for (const a of [...MENU_ACTIONS, 'openRecent'] as const) expect(typeof actions[a], a).toBe('function');
  });

  it('undo, redo and find go to the page as named commands on the command channel', async () => {
    const { actions, win } = setup();
    await actions.undo(win as never);
    await actions.redo(win as never);
    await actions.find(win as never);
    expect(win.webContents.send.mock.calls).toEqual([
      [COMMAND_CHANNEL, 'undo'],
      [COMMAND_CHANNEL, 'redo'],
      [COMMAND_CHANNEL, 'find'],
    ]);
  });

  it('Import REFI-QDA Project asks for a .qdpx first; cancelling writes and opens nothing', async () => {
    const { actions, win } = setup();
    const pick = vi.mocked(electron.dialog.showOpenDialog);
    pick.mockClear();
    await actions.importRefiQda(win as never);
    expect(pick).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(pick.mock.calls[0])).toMatch(/"qdpx"/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('excerpt export reads the code book through the window’s project door, and says when there is nothing to export', async () => {
    const win = new FakeBrowserWindow();
    const call = vi.fn(async () => []);
    const windows = { forWindow: (w: unknown) => (w === win ? { win, path: '/data/a.marginalia', door: { call } } : undefined) } as unknown as ProjectWindows;
    const box = vi.mocked(electron.dialog.showMessageBox);
    box.mockClear();
    await createActions(windows, 'tester').exportExcerpts(win as never);
    expect(call).toHaveBeenCalledWith('codebook.list', {});
    expect(box).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(box.mock.calls[0])).toMatch(/The code book is empty/);
  });

  it('import without an open project asks to open one first; a cancelled dialog changes nothing', async () => {
    const { actions, win } = setup();
    const box = vi.mocked(electron.dialog.showMessageBox);
    box.mockClear();
    await actions.importDocuments(undefined);
    expect(JSON.stringify(box.mock.calls[0])).toMatch(/Open a project first/);
    await actions.importDocuments(win as never);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalled();
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it("import and merge are contract calls through the window's project door, on real project files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-shell-'));
    const door = createProjectDoor(join(dir, 'lead.marginalia'), { actor: 'tester', empty: true });
    try {
      const win = new FakeBrowserWindow();
      const windows = { forWindow: (w: unknown) => (w === win ? { win, path: door.path, door } : undefined) } as unknown as ProjectWindows;
      const actions = createActions(windows, 'tester');
      const chooseFiles = vi.mocked(electron.dialog.showOpenDialog);
      const box = vi.mocked(electron.dialog.showMessageBox);
      const txt = join(dir, 'co-01.txt');
      writeFileSync(txt, 'Interviewer: Hello.\nOfficer: First names matter here.\n');
      chooseFiles.mockResolvedValueOnce({ canceled: false, filePaths: [txt] });
      box.mockClear();
      await actions.importDocuments(win as never);
      expect((await door.call('documents.list')).map((d) => d.name)).toEqual(['co-01.txt']);
      expect(JSON.stringify(box.mock.calls[0])).toMatch(/Imported 1 document\./);
      expect(win.webContents.reload).toHaveBeenCalledTimes(1);

      const other = createProjectDoor(join(dir, 'bob.marginalia'), { actor: 'bob', empty: true });
      await other.call('coders.add', { name: 'Bob' });
      other.close();
      chooseFiles.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'bob.marginalia')] });
      box.mockClear();
      await actions.mergeCoderProject(win as never);
      expect((await door.call('coders.list')).map((c) => c.name)).toContain('Bob');
      expect(JSON.stringify(box.mock.calls[0])).toMatch(/Merged bob\.marginalia\..*A backup was written first/);
      expect(win.webContents.reload).toHaveBeenCalledTimes(2);
    } finally {
      door.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a recent file that is gone is reported, not opened', async () => {
    const { actions } = setup();
    const box = vi.mocked(electron.dialog.showMessageBox);
    box.mockClear();
    await actions.openRecent('/nowhere/gone.marginalia');
    expect(JSON.stringify(box.mock.calls[0])).toMatch(/no longer there/);
  });
});

describe('what the shell remembers', () => {
  it('recent files: newest first, no duplicates, at most ten', () => {
    let r: string[] = [];
    for (let i = 0; i < 12; i++) r = withRecent(r, `/p/${i}.marginalia`);
    r = withRecent(r, '/p/5.marginalia');
    expect(r).toHaveLength(MAX_RECENT);
    expect(r[0]).toBe('/p/5.marginalia');
    expect(r.filter((p) => p === '/p/5.marginalia')).toHaveLength(1);
  });

  it('state survives a save and load; a damaged file gives defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-shell-'));
    try {
      const file = join(dir, 'shell-state.json');
      const state = { recent: [resolve('/p/a.marginalia')], window: { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true } };
      saveState(file, state);
      expect(loadState(file)).toEqual(state);
      writeFileSync(file, '{ not json');
      expect(loadState(file)).toEqual({ recent: [] });
      writeFileSync(file, JSON.stringify({ recent: ['relative.marginalia', 7], window: { bounds: { x: 'a' } } }));
      expect(loadState(file)).toEqual({ recent: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('window bounds are reused only while they are still on a screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const saved = { x: 100, y: 100, width: 1200, height: 800 };
    expect(visibleBounds(saved, screens)).toEqual(saved);
    expect(visibleBounds({ ...saved, x: 3000 }, screens)).toBeUndefined();
    expect(visibleBounds({ ...saved, width: 50 }, screens)).toBeUndefined();
    expect(visibleBounds(undefined, screens)).toBeUndefined();
  });

  it('project files on the command line, past the app itself and without flags', () => {
    expect(projectPathsFromArgv(['/bin/electron', '.', 'study.marginalia', '--inspect'], '/home/me', 2)).toEqual([resolve('/home/me', 'study.marginalia')]);
    expect(projectPathsFromArgv(['/opt/Marginalia/marginalia', '-psn_0_123', '/data/b.marginalia'], '/', 1)).toEqual([resolve('/data/b.marginalia')]);
  });
});
