/**
 * File → Export Themed Excerpts… in the desktop menu: a save dialog (next to the project; the
 * format follows the extension chosen, .docx by default), then the whole code book exported as
 * themes through the window's project door — the same `excerpts.exportTo` as `marginalia export
 * excerpts`, written under a temporary name and renamed. Narrower choices (some codes, a coder,
 * some cases, the glance template, pseudonyms) are in the window's own File → Export themed
 * excerpts… dialog, which the summary points to.
 */
import { basename, dirname, extname, join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { EXCERPT_FORMATS, type ExcerptFormat } from '../../shared/excerpts/types.js';
import { info } from './dialogs.js';
import type { ProjectWindow } from './projects.js';

const FILTERS = [
  { name: 'Word document', extensions: ['docx'] },
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'CSV (UTF-8)', extensions: ['csv'] },
  { name: 'Markdown', extensions: ['md'] },
  { name: 'Web page', extensions: ['html'] },
];

/** The path and its format; a path without a known extension becomes .docx. */
export async function chooseExcerptPath(p: ProjectWindow): Promise<{ path: string; format: ExcerptFormat } | undefined> {
  const options = {
    title: 'Export themed excerpts',
    defaultPath: join(dirname(p.path), `${basename(p.path, extname(p.path))} excerpts.docx`),
    filters: FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const r = p.win instanceof BrowserWindow && !p.win.isDestroyed() ? await dialog.showSaveDialog(p.win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return undefined;
  const ext = extname(r.filePath).slice(1).toLowerCase();
  if ((EXCERPT_FORMATS as readonly string[]).includes(ext)) return { path: r.filePath, format: ext as ExcerptFormat };
  return { path: `${r.filePath}.docx`, format: 'docx' };
}

export async function exportThemedExcerpts(p: ProjectWindow): Promise<void> {
  const codes = (await p.door.call('codebook.list', {})).filter((c) => !c.path.includes('/')).map((c) => c.guid);
  if (codes.length === 0) {
    await info(p.win, 'The code book is empty.', 'Create codes and code some passages, then export them as themes.');
    return;
  }
  const chosen = await chooseExcerptPath(p);
  if (!chosen) return;
  const attributes = (await p.door.call('cases.list')).attributes.slice(0, 2).map((a) => a.name);
  const progress = (v: number) => (typeof p.win.setProgressBar === 'function' ? p.win.setProgressBar(v) : undefined);
  progress(2);
  try {
    const table = chosen.format === 'csv' || chosen.format === 'xlsx';
    const r = await p.door.call('excerpts.exportTo', {
      codes,
      descendants: true,
      format: chosen.format,
      template: table ? 'table' : 'snippet',
      ...(attributes.length && { attributes }),
      path: chosen.path,
    });
    await info(
      p.win,
      `Exported ${basename(chosen.path)}.`,
      `${r.themes} themes, ${r.quotes} quotes from ${r.documents} documents, in ${chosen.path}.\n\nTo choose the themes, coders, cases, template or pseudonyms, use File → Export themed excerpts… in the window's toolbar.`,
    );
  } finally {
    progress(-1);
  }
}
