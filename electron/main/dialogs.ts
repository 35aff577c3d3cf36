/**
 * The native open, save and message dialogs the menus use. Each returns plain values (paths or
 * nothing) so the actions read as one line per step; the dialogs are sheets on the window when
 * there is one.
 */
import { BrowserWindow, dialog, type BaseWindow, type FileFilter, type MessageBoxOptions } from 'electron';

export const PROJECT_FILTERS: FileFilter[] = [
  { name: 'Marginalia project', extensions: ['marginalia'] },
  { name: 'All files', extensions: ['*'] },
];
export const DOCUMENT_FILTERS: FileFilter[] = [
  { name: 'Transcripts', extensions: ['txt', 'md', 'markdown', 'docx', 'pdf', 'vtt', 'srt'] },
  { name: 'All files', extensions: ['*'] },
];

const parentOf = (win: BaseWindow | undefined): BrowserWindow | undefined => (win instanceof BrowserWindow && !win.isDestroyed() ? win : undefined);

async function pick(win: BaseWindow | undefined, title: string, filters: FileFilter[], multiple: boolean): Promise<string[]> {
  const properties: Array<'openFile' | 'multiSelections'> = multiple ? ['openFile', 'multiSelections'] : ['openFile'];
  const parent = parentOf(win);
  const r = parent ? await dialog.showOpenDialog(parent, { title, filters, properties }) : await dialog.showOpenDialog({ title, filters, properties });
  return r.canceled ? [] : r.filePaths;
}

export const chooseProject = async (win: BaseWindow | undefined, title = 'Open a project'): Promise<string | undefined> =>
  (await pick(win, title, PROJECT_FILTERS, false))[0];

export const chooseDocuments = (win: BaseWindow | undefined): Promise<string[]> => pick(win, 'Import documents', DOCUMENT_FILTERS, true);

/** Where to save a new project; the .marginalia extension is added when left off. */
export async function chooseNewProjectPath(win: BaseWindow | undefined, defaultPath: string): Promise<string | undefined> {
  const options = {
    title: 'New project',
    defaultPath,
    filters: PROJECT_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const parent = parentOf(win);
  const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return undefined;
  return /\.marginalia$/i.test(r.filePath) ? r.filePath : `${r.filePath}.marginalia`;
}

export async function message(win: BaseWindow | undefined, options: MessageBoxOptions): Promise<number> {
  const parent = parentOf(win);
  const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return r.response;
}

export const info = (win: BaseWindow | undefined, text: string, detail?: string) =>
  message(win, { type: 'info', message: text, ...(detail && { detail }), buttons: ['OK'] });

export const problem = (win: BaseWindow | undefined, text: string, detail?: string) =>
  message(win, { type: 'error', message: text, ...(detail && { detail }), buttons: ['OK'] });

/** For menu items whose feature is not built yet: say so plainly instead of pretending. */
export const notAvailable = (win: BaseWindow | undefined, feature: string) =>
  info(win, `${feature} is not available in this version yet.`, 'It is planned for a later version; nothing was changed.');
