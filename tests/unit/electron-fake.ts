/**
 * A minimal stand-in for the `electron` module, enough for the shell files to load under
 * vitest (Electron's binary cannot run here). Tests use it with
 * `vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron())`
 * and reach the spies through the imported module.
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name, as a WebContents or session would. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  readonly reload = vi.fn();
  constructor(readonly mainFrame: { processId: number; routingId: number; url: string } = { processId: 1, routingId: 1, url: 'app://marginalia/index.html' }) {
    super();
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
  isDestroyed() {
    return false;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: unknown = {}) {
    super();
  }
  isDestroyed() {
    return false;
  }
  close = vi.fn();
}

export function fakeElectron() {
  return {
    app: { getVersion: () => '0.1.0', getPath: () => '/tmp', isPackaged: false },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: null })), on: vi.fn() },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
  };
}
