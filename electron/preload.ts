/**
 * The sandboxed preload. It exposes exactly one object, `window.marginalia`, with one function
 * per API method (each an IPC invoke on that method's channel) and nothing else: no ipcRenderer,
 * no generic send. Menu commands from the main process are re-raised as a DOM event after their
 * name is checked. Bundled to one CommonJS file (a sandboxed preload can only require 'electron').
 */
import { contextBridge, ipcRenderer } from 'electron';
// contextBridge copies plain objects, so the exposed object needs every method name at run time.
// The bundle gets only the contract's key list, not its zod schemas (launch/bundle.ts).
import { API_METHODS, type MarginaliaPreload } from '../shared/api/contract.js';
import { apiChannel, COMMAND_CHANNEL, COMMAND_EVENT, isShellCommand } from '../shared/shell.js';

export function buildPreloadApi(invoke: (channel: string, args: unknown) => Promise<unknown>): MarginaliaPreload {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  // Each function sends only its arguments; the channel is fixed here, never chosen by the page.
  for (const method of API_METHODS) api[method] = (args: unknown) => invoke(apiChannel(method), args);
  return Object.freeze(api) as MarginaliaPreload;
}

/** A command from the main process becomes `window` event COMMAND_EVENT; unknown names are dropped. */
export function relayCommand(target: Pick<Window, 'dispatchEvent'>, command: unknown): boolean {
  if (!isShellCommand(command)) return false;
  return target.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: command }));
}

contextBridge.exposeInMainWorld(
  'marginalia',
  buildPreloadApi((channel, args) => ipcRenderer.invoke(channel, args)),
);
ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => void relayCommand(window, command));
