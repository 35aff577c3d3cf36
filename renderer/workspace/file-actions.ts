/**
 * What the toolbar's File menu offers (in the desktop app the same actions are in Electron's File
 * menu). Each entry names a dialog loaded on first use, so the menu costs the coding screen
 * nothing. A feature adds one entry here and keeps its dialog in its own folder.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Every file dialog gets a way to close itself; the workspace (api, run, notify…) comes from context. */
export interface FileDialogProps {
  onClose(): void;
}

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

export const FILE_ACTIONS: FileAction[] = [];
