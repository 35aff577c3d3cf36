/**
 * What each menu item does. File actions are contract calls through the window's project door,
 * as the page's and the CLI's are; the page is reloaded after a change made here so it shows it. Commands the page itself carries
 * out (undo, redo, find) are sent to it on the one command channel. Features not built yet say
 * so in a dialog.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { app, type BaseWindow } from 'electron';
import { toApiError } from '../../shared/errors.js';
import { COMMAND_CHANNEL, type ShellCommand } from '../../shared/shell.js';
import { createProjectDoor, openProjectDoor } from '../api/door.js';
import { chooseDocuments, chooseNewProjectPath, chooseProject, info, problem } from './dialogs.js';
import type { MenuActions } from './menu.js';
import type { ProjectWindow, ProjectWindows } from './projects.js';
import { exportThemedExcerpts } from './excerpts-export-action.js';
import { exportRefiQda } from './refi-export-action.js';
import { importRefiQda } from './refi-import-action.js';

export const SHORTCUTS = [
  ['Ctrl/Cmd+Z', 'Undo the last change to the project'],
  ['Shift+Ctrl/Cmd+Z', 'Redo'],
  ['1 – 9', 'Apply the pinned code to the selected text'],
  ['Ctrl/Cmd+F', 'Find in the transcripts'],
  ['Ctrl/Cmd+N / O / W', 'New project / Open / Close the window'],
  ['Ctrl/Cmd+I', 'Import documents'],
] as const;

/** Opens `path` in its own window, or focuses the window that already shows it. */
export function openPath(windows: ProjectWindows, path: string, actor: string): ProjectWindow | undefined {
  const already = windows.find(path);
  if (already) return (windows.focus(already), already);
  return windows.show(openProjectDoor(path, actor));
}

export function createActions(windows: ProjectWindows, actor: string): MenuActions {
  /** Runs an action; any failure becomes one readable line in an error dialog. */
  const guarded =
    <A extends unknown[]>(run: (...a: A) => unknown, win: (...a: A) => BaseWindow | undefined = () => undefined) =>
    async (...a: A) => {
      try {
        await run(...a);
      } catch (err) {
        await problem(win(...a), toApiError(err).message);
      }
    };
  const withProject = (win: BaseWindow | undefined): ProjectWindow | undefined => windows.forWindow(win);
  const send = (command: ShellCommand) => (win: BaseWindow | undefined) => withProject(win)?.win.webContents.send(COMMAND_CHANNEL, command);
  const open = (path: string) => {
    if (!existsSync(path)) throw new Error(`${basename(path)}: the file is no longer there (${path})`);
    openPath(windows, path, actor);
  };
  const needProject = async (win: BaseWindow | undefined, what: string): Promise<ProjectWindow | undefined> => {
    const p = withProject(win);
    if (!p) await info(win, `Open a project first, then ${what}.`);
    return p;
  };

  return {
    newProject: guarded(
      async (win) => {
        const path = await chooseNewProjectPath(win, join(app.getPath('documents'), 'study.marginalia'));
        if (!path) return;
        const open = windows.find(path);
        if (open) throw new Error(`${basename(path)} is open in another window; close it first or choose another name`);
        windows.show(createProjectDoor(path, { actor }));
      },
      (w) => w,
    ),
    openProject: guarded(
      async (win) => {
        const path = await chooseProject(win);
        if (path) open(path);
      },
      (w) => w,
    ),
    openRecent: guarded((path: string) => open(path)),
    clearRecent: () => windows.clearRecent(),
    importDocuments: guarded(
      async (win) => {
        const p = await needProject(win, 'import documents into it');
        const files = p ? await chooseDocuments(p.win) : [];
        if (!p || files.length === 0) return;
        const report = await p.door.call('documents.importFiles', { paths: files });
        p.win.webContents.reload();
        const skipped = report.skipped.map((s) => `${s.file}: the same text as ${s.duplicateOf}`).join('\n');
        await info(
          p.win,
          `Imported ${report.imported.length} document${report.imported.length === 1 ? '' : 's'}.`,
          skipped ? `Skipped:\n${skipped}` : undefined,
        );
      },
      (w) => w,
    ),
    mergeCoderProject: guarded(
      async (win) => {
        const p = await needProject(win, 'merge a coder’s project into it');
        const other = p ? await chooseProject(p.win, 'Merge a coder’s project into this one') : undefined;
        if (!p || !other) return;
        const r = await p.door.call('project.mergeCoderProject', { file: other });
        p.win.webContents.reload();
        const added = `${r.documents.added.length} documents, ${r.codes.added.length} codes, ${r.coders.added.length} coders and ${r.codings.added} codings added.`;
        const conflicts = r.conflicts.map((c) => `${c.kind} ${c.item}: ${c.reason}`).join('\n');
        await info(
          p.win,
          `Merged ${basename(other)}. ${added}`,
          `A backup was written first: ${r.backup}${conflicts ? `\n\nConflicts (your version kept):\n${conflicts}` : ''}`,
        );
      },
      (w) => w,
    ),
    importRefiQda: guarded(
      (win) => importRefiQda(win, (path) => open(path)),
      (w) => w,
    ),
    exportRefiQda: guarded(
      async (win) => {
        const p = await needProject(win, 'export it');
        if (p) await exportRefiQda(p);
      },
      (w) => w,
    ),
    exportExcerpts: guarded(
      async (win) => {
        const p = await needProject(win, 'export its themed excerpts');
        if (p) await exportThemedExcerpts(p);
      },
      (w) => w,
    ),
    closeWindow: (win) => win?.close(),
    undo: send('undo'),
    redo: send('redo'),
    find: send('find'),
    compareCoders: send('compare'),
    keyboardShortcuts: (win) => info(win, 'Keyboard shortcuts', SHORTCUTS.map(([keys, what]) => `${keys}\t${what}`).join('\n')),
    about: (win) =>
      info(
        win,
        `Marginalia ${app.getVersion()}`,
        `Coding qualitative interview transcripts. Local only: a project is one file on this computer, and nothing is sent over the network.\n\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      ),
  };
}
