/**
 * File → Import REFI-QDA Project…: pick a .qdpx, then where the NEW project goes (beside it,
 * named after it), import through the project-free door (the same call as `marginalia qdpx
 * import`), show the report's counts and what was adjusted or skipped, and open the new project
 * in its own window. No open project is needed or changed.
 */
import { basename, dirname, extname, join } from 'node:path';
import { BrowserWindow, dialog, type BaseWindow } from 'electron';
import { callWithoutProject } from '../api/no-project.js';
import { chooseNewProjectPath, info } from './dialogs.js';

const QDPX_FILTERS = [
  { name: 'REFI-QDA project', extensions: ['qdpx'] },
  { name: 'All files', extensions: ['*'] },
];

const list = (items: { kind: string; item: string; reason: string }[]) => items.map((i) => `• ${i.kind} ${i.item}: ${i.reason}`).join('\n');

export async function importRefiQda(win: BaseWindow | undefined, open: (path: string) => void): Promise<void> {
  const parent = win instanceof BrowserWindow && !win.isDestroyed() ? win : undefined;
  const options = { title: 'Import a REFI-QDA project', filters: QDPX_FILTERS, properties: ['openFile'] as Array<'openFile'> };
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const file = picked.canceled ? undefined : picked.filePaths[0];
  if (!file) return;
  const output = await chooseNewProjectPath(win, join(dirname(file), `${basename(file, extname(file))}.marginalia`));
  if (!output) return;
  const progress = (v: number) => (parent ? parent.setProgressBar(v) : undefined);
  progress(2);
  try {
    const r = await callWithoutProject('refi.importProject', { path: file, output });
    const c = r.counts;
    const detail = [
      `${c.documents} documents, ${c.codings} codings, ${c.codes} codes, ${c.coders} coders, ${c.cases} cases, ${c.memos} memos, in ${r.project}.`,
      r.skipped.length ? `\nSkipped (${r.skipped.length}):\n${list(r.skipped)}` : '',
      r.adjusted.length ? `\nAdjusted (${r.adjusted.length}):\n${list(r.adjusted)}` : '',
    ].join('\n');
    await info(win, `Imported ${basename(file)} into a new project.`, detail.trim());
    open(r.project);
  } finally {
    progress(-1);
  }
}
