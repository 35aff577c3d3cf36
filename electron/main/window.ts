/**
 * One window per open project. The options are a plain function so a test can hold them to the
 * security checklist; the same options are used in tests, development and packaged builds.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle } from 'electron';
import { APP_ENTRY } from './security.js';

export const DEFAULT_BOUNDS = { width: 1400, height: 900 };

export function windowOptions(preloadPath: string, bounds: Partial<Rectangle> = {}): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_BOUNDS,
    ...bounds,
    minWidth: 800,
    minHeight: 500,
    title: 'Marginalia',
    // Shown once the page has painted, so there is no white flash.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

export interface ProjectWindowOptions {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  maximized?: boolean;
}

/** A window (locked by main.ts's web-contents-created hook) showing the built renderer from app://marginalia/. */
export function createProjectWindow(options: ProjectWindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions(options.preloadPath, options.bounds));
  win.once('ready-to-show', () => {
    if (options.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

/** "study.marginalia — Marginalia", with a saving mark while a change is being written. */
export function windowTitle(projectName: string, saving: boolean): string {
  return `${saving ? '● ' : ''}${projectName}${saving ? ' (saving…)' : ''} — Marginalia`;
}
