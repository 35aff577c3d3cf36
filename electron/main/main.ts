/**
 * The Electron main process: app lifecycle and nothing more. One process holds every project
 * window (the single-instance lock), so opening a file that is already open — from the OS, a
 * second launch or the menu — focuses its window. With no project named, the demo project opens.
 * Built by `npm start` / `npm run dist` into dist/electron/main.mjs (see electron/launch/).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, ipcMain, Menu, session, shell } from 'electron';
import { buildDemoDoor, demoProjectPath } from '../api/demo.js';
import { defaultActor } from '../api/door.js';
import { toApiError } from '../../shared/errors.js';
import { createActions, openPath } from './actions.js';
import { problem } from './dialogs.js';
import { registerApi } from './ipc.js';
import { menuTemplate } from './menu.js';
import { builtElectronBinding } from './native-binding.js';
import { ProjectWindows } from './projects.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { lockContents, lockSession } from './security.js';
import { projectPathsFromArgv } from './state.js';

app.setName('Marginalia');
const root = app.getAppPath();
const resources = app.isPackaged ? process.resourcesPath : root;
// Migrations and the demo's fixtures are resources when packaged (electron-builder.yml).
process.env.MARGINALIA_MIGRATIONS_DIR ??= join(resources, app.isPackaged ? 'migrations' : join('db', 'migrations'));
const fixturesDir = join(resources, app.isPackaged ? 'demo' : 'fixtures');
if (!app.isPackaged && !process.env.MARGINALIA_SQLITE_BINDING) {
  // Started without `npm start` (e.g. `npx electron .`): use the Electron-ABI build if it is there.
  const file = builtElectronBinding(root, process.versions.electron);
  if (file) process.env.MARGINALIA_SQLITE_BINDING = file;
}

const argvSkip = process.defaultApp ? 2 : 1;
const actor = defaultActor();
const pending = projectPathsFromArgv(process.argv, process.cwd(), argvSkip);

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Marginalia is running; it received our argv through 'second-instance'.
  app.quit();
} else {
  const windows = new ProjectWindows({
    preloadPath: join(root, 'dist', 'electron', 'preload.cjs'),
    stateFile: join(app.getPath('userData'), 'shell-state.json'),
    onRecentChanged: () => rebuildMenu(),
    addRecentDocument: (path) => app.addRecentDocument(path),
  });
  const actions = createActions(windows, actor);
  const rebuildMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate(actions, { platform: process.platform, recent: windows.state.recent, packaged: app.isPackaged })),
    );

  const open = async (path: string) => {
    try {
      openPath(windows, path, actor);
    } catch (err) {
      await problem(undefined, `Could not open ${path}`, toApiError(err).message);
    }
  };
  const openDemo = async () => {
    const path = demoProjectPath();
    if (windows.find(path)) return;
    if (existsSync(path)) return open(path);
    mkdirSync(dirname(path), { recursive: true });
    windows.show(await buildDemoDoor(path, fixturesDir, actor));
  };
  const openAll = async (paths: string[]) => {
    for (const p of paths) await open(p);
    if (windows.count === 0) await openDemo();
  };

  // Every web contents, now or later, is locked: no navigation, new windows or <webview>.
  app.on('web-contents-created', (_e, contents) => lockContents(contents, (url) => shell.openExternal(url)));
  // macOS sends files opened from Finder here, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady()) void open(path);
    else pending.push(path);
  });
  app.on('second-instance', (_e, argv, cwd) => {
    const paths = projectPathsFromArgv(argv, cwd, argvSkip);
    if (paths.length > 0) return void openAll(paths);
    const first = windows.any();
    if (first) windows.focus(first);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (windows.count === 0) void openDemo();
  });

  void app.whenReady().then(async () => {
    lockSession(session.defaultSession);
    serveRenderer(session.defaultSession, join(root, 'dist', 'renderer'));
    registerApi(ipcMain, (event) => windows.targetFor(event));
    rebuildMenu();
    try {
      await openAll(pending.splice(0));
    } catch (err) {
      await problem(undefined, 'Marginalia could not start', toApiError(err).message);
      app.quit();
    }
  });
}
