/**
 * What every panel of the workspace shares: the API client, who is coding, a way to show an
 * error or a short notice, and a change counter. A panel that changes data calls `changed()`;
 * panels that show data re-read when `version` moves. Panels never talk to each other directly.
 */
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client.js';

export interface Workspace {
  api: ApiClient;
  /** The active coder's GUID ('' until chosen): what coding calls pass as `coder`. */
  coder: string;
  /** The active coder's name, for what is shown ('' until chosen). */
  coderName: string;
  /** The active coder's GUID as `viewer` for reading calls: under blind coding the server hides others' codings. */
  viewer: string | undefined;
  /** Awaits a call; on failure shows its one-line message in the error banner and resolves undefined. */
  run<T>(call: Promise<T>): Promise<T | undefined>;
  /** Shows a one-line problem in the error banner (for failures not from a single call). */
  report(message: string): void;
  /** A short message in the status line (screen readers hear it). */
  notify(message: string): void;
  /** Something was changed: everything on screen re-reads. */
  changed(): void;
  /** Moves on every change (including undo/redo); use it as an effect dependency. */
  version: number;
  /**
   * Open a document scrolled to `focus` (flashed briefly), with `marks` (e.g. search matches)
   * highlighted until another document is opened or a new search is made. Offsets: UTF-16, [start, end).
   */
  openDocument(guid: string, focus?: { start: number; end: number }, marks?: { start: number; end: number }[]): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside the workspace');
  return ws;
}
