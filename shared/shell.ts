/**
 * Names the Electron shell and the page share. The API travels on one IPC channel per contract
 * method; menu commands that the page carries out (its own undo, its search box) travel on one
 * command channel, and the preload re-raises each as a DOM event on `window`, so the page needs
 * no extra preload function to hear them:
 *
 *   window.addEventListener(COMMAND_EVENT, (e) => run((e as CustomEvent<ShellCommand>).detail));
 */
export const API_CHANNEL_PREFIX = 'marginalia:api:';
export const apiChannel = (method: string): string => `${API_CHANNEL_PREFIX}${method}`;

/** Main → page, one channel for every menu command. */
export const COMMAND_CHANNEL = 'marginalia:command';
/** The DOM event the preload dispatches on `window`; `detail` is the command name. */
export const COMMAND_EVENT = 'marginalia:command';

export const SHELL_COMMANDS = ['undo', 'redo', 'find', 'compare'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);
}
