/**
 * The open projects: one window per project file. Opening a file that is already open focuses
 * its window instead (this process holds the single-instance lock, so that covers a second
 * launch too). Each window holds its project's door (electron/api/door.ts), closed with the
 * window, and the window's size and position are remembered when it closes.
 */
import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { BrowserWindow, screen, type IpcMainInvokeEvent } from 'electron';
import type { ProjectDoor } from '../api/door.js';
import { isTrustedSender, type ApiTarget } from './ipc.js';
import { loadState, saveState, visibleBounds, withRecent, type ShellState } from './state.js';
import { createProjectWindow, windowTitle } from './window.js';

export interface ProjectWindow {
  path: string;
  /** Every call the window's page or its menu makes goes through this door. */
  door: ProjectDoor;
  win: BrowserWindow;
  /** Changes being written right now (the title's saving mark). */
  writes: number;
}

export interface ProjectWindowsOptions {
  preloadPath: string;
  stateFile: string;
  /** Called when the recent list changes, so the menu can be rebuilt. */
  onRecentChanged(recent: readonly string[]): void;
  /** The OS's recent-documents list (Dock, Jump List). */
  addRecentDocument(path: string): void;
}

/** Paths compare as the OS does: case-insensitively on Windows and macOS. */
function keyOf(path: string): string {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    /* not there (yet): compare as given */
  }
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

export class ProjectWindows {
  private readonly byKey = new Map<string, ProjectWindow>();
  state: ShellState;

  constructor(private readonly options: ProjectWindowsOptions) {
    this.state = loadState(options.stateFile);
  }

  get count(): number {
    return this.byKey.size;
  }

  find(path: string): ProjectWindow | undefined {
    return this.byKey.get(keyOf(path));
  }

  focus(p: ProjectWindow): void {
    if (p.win.isMinimized()) p.win.restore();
    p.win.show();
    p.win.focus();
  }

  /** Shows the project behind `door` (already open) in a new window; the caller checked it is not open yet. */
  show(door: ProjectDoor): ProjectWindow {
    const saved = visibleBounds(
      this.state.window?.bounds,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    // A second window opens a little down and right of the first, not exactly over it.
    const shift = this.byKey.size * 30;
    const bounds = saved ? { ...saved, x: saved.x + shift, y: saved.y + shift } : {};
    const win = createProjectWindow({ preloadPath: this.options.preloadPath, bounds, maximized: this.state.window?.maximized ?? false });
    const p: ProjectWindow = { path: door.path, door, win, writes: 0 };
    const key = keyOf(p.path);
    this.byKey.set(key, p);
    this.retitle(p);
    if (process.platform === 'darwin') win.setRepresentedFilename(p.path);
    // The page's own <title> must not replace the project name.
    win.on('page-title-updated', (e) => e.preventDefault());
    win.on('close', () => this.rememberBounds(win));
    win.on('closed', () => {
      this.byKey.delete(key);
      door.close();
    });
    this.noteRecent(p.path);
    return p;
  }

  /** The project behind an IPC call, if the call comes from one of our windows' own page. */
  targetFor(event: IpcMainInvokeEvent): ApiTarget | null {
    for (const p of this.byKey.values()) {
      if (!p.win.isDestroyed() && isTrustedSender(event, p.win.webContents)) {
        return { door: p.door, writing: (busy) => this.writing(p, busy) };
      }
    }
    return null;
  }

  /** Any open project window (to focus on a second launch with no file). */
  any(): ProjectWindow | undefined {
    return this.byKey.values().next().value;
  }

  forWindow(win: unknown): ProjectWindow | undefined {
    for (const p of this.byKey.values()) if (p.win === win) return p;
    return undefined;
  }

  noteRecent(path: string): void {
    this.state = { ...this.state, recent: withRecent(this.state.recent, path) };
    this.options.addRecentDocument(path);
    this.persist();
    this.options.onRecentChanged(this.state.recent);
  }

  clearRecent(): void {
    this.state = { ...this.state, recent: [] };
    this.persist();
    this.options.onRecentChanged([]);
  }

  private writing(p: ProjectWindow, busy: boolean): void {
    p.writes = Math.max(0, p.writes + (busy ? 1 : -1));
    this.retitle(p);
  }

  private retitle(p: ProjectWindow): void {
    if (p.win.isDestroyed()) return;
    p.win.setTitle(windowTitle(basename(p.path), p.writes > 0));
    if (process.platform === 'darwin') p.win.setDocumentEdited(p.writes > 0);
  }

  private rememberBounds(win: BrowserWindow): void {
    this.state = { ...this.state, window: { bounds: win.getNormalBounds(), maximized: win.isMaximized() } };
    this.persist();
  }

  private persist(): void {
    try {
      saveState(this.options.stateFile, this.state);
    } catch (err) {
      // Losing the recent list is not worth stopping for; say so where a developer will see it.
      console.error('marginalia: could not save the window state:', err);
    }
  }
}
