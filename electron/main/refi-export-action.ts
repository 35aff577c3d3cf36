/**
 * File → Export REFI-QDA Project…: a save dialog (next to the project, named after it), then
 * the same atomic .qdpx write as `marginalia qdpx export`, through the window's project door.
 * The taskbar shows an indeterminate progress bar while the file is written.
 */
import { basename, dirname, extname, join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { ProjectWindow } from './projects.js';
import { info } from './dialogs.js';

const QDPX_FILTERS = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];

/** Where to write the .qdpx; the extension is added when left off. */
export async function chooseQdpxPath(p: ProjectWindow): Promise<string | undefined> {
  const options = {
    title: 'Export REFI-QDA project',
    defaultPath: join(dirname(p.path), `${basename(p.path, extname(p.path))}.qdpx`),
    filters: QDPX_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const r = p.win instanceof BrowserWindow && !p.win.isDestroyed() ? await dialog.showSaveDialog(p.win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return undefined;
  return /\.qdpx$/i.test(r.filePath) ? r.filePath : `${r.filePath}.qdpx`;
}

export async function exportRefiQda(p: ProjectWindow): Promise<void> {
  const path = await chooseQdpxPath(p);
  if (!path) return;
  const progress = (v: number) => (typeof p.win.setProgressBar === 'function' ? p.win.setProgressBar(v) : undefined);
  progress(2);
  try {
    const r = await p.door.call('refi.exportProjectToFile', { path });
    await info(
      p.win,
      `Exported ${basename(path)}.`,
      `${r.documents} documents, ${r.codings} codings, ${r.codes} codes, ${r.users} coders, ${r.cases} cases and ${r.notes} memos, in ${path}.`,
    );
  } finally {
    progress(-1);
  }
}
