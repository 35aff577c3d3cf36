/**
 * What the toolbar's File menu offers (in the desktop app the same actions are in Electron's File
 * menu). Each entry names a dialog loaded on first use, so the menu costs the coding screen
 * nothing. A feature adds one entry here and keeps its dialog in its own folder.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FileDialogProps } from './file-dialog.js';

export interface FileAction {
  id: string;
  label: string;
  /** Entries with different groups are separated by a rule, in the order given. */
  group: 'exchange' | 'export' | 'project';
  dialog: LazyExoticComponent<ComponentType<FileDialogProps>>;
}

/** Turns a module's named export into a lazily loaded dialog. */
export function lazyDialog<K extends string>(load: () => Promise<Record<K, ComponentType<FileDialogProps>>>, key: K) {
  return lazy(() => load().then((m) => ({ default: m[key] })));
}

export const FILE_ACTIONS: FileAction[] = [
  {
    id: 'projects',
    label: 'Projects: new, open, recent…',
    group: 'project',
    dialog: lazyDialog(() => import('../projects/ProjectsDialog.js'), 'ProjectsDialog'),
  },
  {
    id: 'import-refi',
    label: 'Import REFI-QDA project (.qdpx)…',
    group: 'exchange',
    dialog: lazyDialog(() => import('../refi/ImportRefiDialog.js'), 'ImportRefiDialog'),
  },
  {
    id: 'export-refi',
    label: 'Export REFI-QDA project (.qdpx)…',
    group: 'exchange',
    dialog: lazyDialog(() => import('../refi/ExportRefiDialog.js'), 'ExportRefiDialog'),
  },
  {
    id: 'export-excerpts',
    label: 'Export themed excerpts…',
    group: 'export',
    dialog: lazyDialog(() => import('../excerpts/ExcerptDialog.js'), 'ExcerptDialog'),
  },
  {
    id: 'audit-log',
    label: 'Audit log…',
    group: 'project',
    dialog: lazyDialog(() => import('../audit/AuditDialog.js'), 'AuditDialog'),
  },
  {
    id: 'backups',
    label: 'Backups…',
    group: 'project',
    dialog: lazyDialog(() => import('../safety/BackupsDialog.js'), 'BackupsDialog'),
  },
];
