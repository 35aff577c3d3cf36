/**
 * The native menus. Each item either is a built-in editing role (cut, copy, paste, zoom) or
 * calls one named action from `MenuActions`, so a test can check that every item is wired and
 * that every action is reachable. The template is plain data built from the actions, the recent
 * files and the platform; main.ts turns it into a Menu.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';

export const MENU_ACTIONS = [
  'newProject',
  'openProject',
  'clearRecent',
  'importDocuments',
  'importRefiQda',
  'exportRefiQda',
  'exportExcerpts',
  'mergeCoderProject',
  'closeWindow',
  'undo',
  'redo',
  'find',
  'compareCoders',
  'keyboardShortcuts',
  'about',
] as const;
export type MenuActionName = (typeof MENU_ACTIONS)[number];

/** Each action gets the window the menu was used in (none when no window is focused). */
export type MenuActions = Record<MenuActionName, (win: BaseWindow | undefined) => unknown> & {
  openRecent(path: string): unknown;
};

export interface MenuContext {
  platform: NodeJS.Platform;
  recent: readonly string[];
  /** Developer tools and reload only when running from source. */
  packaged: boolean;
}

type Item = MenuItemConstructorOptions;
const sep: Item = { type: 'separator' };

export function menuTemplate(actions: MenuActions, ctx: MenuContext): Item[] {
  const mac = ctx.platform === 'darwin';
  const act = (id: MenuActionName, label: string, extra: Partial<Item> = {}): Item => ({ id, label, click: (_item, win) => actions[id](win), ...extra });

  const recent: Item[] = ctx.recent.length
    ? ctx.recent.map((path, i) => ({ id: `recent:${i}`, label: basename(path), toolTip: path, click: () => actions.openRecent(path) }))
    : [{ label: 'No Recent Projects', enabled: false }];

  const file: Item = {
    label: 'File',
    submenu: [
      act('newProject', 'New Project…', { accelerator: 'CmdOrCtrl+N' }),
      act('openProject', 'Open…', { accelerator: 'CmdOrCtrl+O' }),
      { id: 'openRecent', label: 'Open Recent', submenu: [...recent, sep, act('clearRecent', 'Clear Recent', { enabled: ctx.recent.length > 0 })] },
      sep,
      act('importDocuments', 'Import Documents…', { accelerator: 'CmdOrCtrl+I' }),
      act('importRefiQda', 'Import REFI-QDA Project…'),
      act('exportRefiQda', 'Export REFI-QDA Project…'),
      act('exportExcerpts', 'Export Themed Excerpts…'),
      sep,
      act('mergeCoderProject', 'Merge a Coder’s Project…'),
      sep,
      act('closeWindow', 'Close', { accelerator: 'CmdOrCtrl+W' }),
      ...(mac ? [] : [sep, { role: 'quit' } as Item]),
    ],
  };

  // Undo and redo are the project's history (the page's Ctrl/Cmd+Z), not text editing. The keys
  // stay with the page (registerAccelerator: false), so one key press is one undo.
  const edit: Item = {
    label: 'Edit',
    submenu: [
      act('undo', 'Undo', { accelerator: 'CmdOrCtrl+Z', registerAccelerator: false }),
      act('redo', 'Redo', { accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false }),
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      sep,
      act('find', 'Find…', { accelerator: 'CmdOrCtrl+F' }),
    ],
  };

  const view: Item = {
    label: 'View',
    submenu: [
      act('compareCoders', 'Compare Coders', { accelerator: 'Shift+A', registerAccelerator: false }),
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
      ...(ctx.packaged ? [] : [sep, { role: 'reload' } as Item, { role: 'toggleDevTools' } as Item]),
    ],
  };

  const help: Item = {
    role: 'help',
    submenu: [act('keyboardShortcuts', 'Keyboard Shortcuts', { accelerator: 'CmdOrCtrl+/' }), sep, act('about', 'About Marginalia')],
  };

  const appMenu: Item = {
    label: 'Marginalia',
    submenu: [
      act('about', 'About Marginalia'),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as Item] : []), help];
}
