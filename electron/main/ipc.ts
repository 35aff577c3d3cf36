/**
 * The API over IPC: one `ipcMain.handle` per contract method, generated from the contract's
 * keys, so nothing else can be called. Each call first checks that it comes from the main frame
 * of one of our project windows showing our own page, then goes through that window's project
 * door, whose `dispatch` is the HTTP bridge's too (arguments validated against the contract;
 * errors as { ok: false, error }).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ProjectDoor } from '../api/door.js';
import { API_METHODS, methodWrites, type ApiMethod, type ApiResponse } from '../../shared/api/contract.js';
import { apiChannel } from '../../shared/shell.js';
import { isAppUrl } from './security.js';

/** What a trusted call runs against: the project open in the sender's window. */
export interface ApiTarget {
  /** The door of the project open in that window; its `dispatch` validates and answers the call. */
  door: Pick<ProjectDoor, 'dispatch'>;
  /** Told when a change starts (true) and ends (false), for the window's saving mark. */
  writing?(busy: boolean): void;
}

export type ResolveTarget = (event: IpcMainInvokeEvent) => ApiTarget | null;

/** Calls that only read (their contract entry has no `writes: true`). */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set(API_METHODS.filter((m) => !methodWrites(m)));

export const NOT_OUR_WINDOW: ApiResponse<never> = { ok: false, error: { code: 'unauthorized', message: 'this call did not come from a Marginalia window' } };

/** The sender is `contents` itself, from its main frame (not an iframe), showing our page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, contents: WebContents): boolean {
  const frame = event.senderFrame;
  if (event.sender !== contents || !frame || contents.isDestroyed()) return false;
  const main = contents.mainFrame;
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
}

export function apiListener(method: ApiMethod, resolve: ResolveTarget) {
  return async (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResponse<unknown>> => {
    const target = resolve(event);
    if (!target) return NOT_OUR_WINDOW;
    const writes = !READ_ONLY_METHODS.has(method);
    if (writes) target.writing?.(true);
    try {
      return await target.door.dispatch(method, args);
    } finally {
      if (writes) target.writing?.(false);
    }
  };
}

/** Registers every contract method; returns the channels, for the record and for tests. */
export function registerApi(ipc: Pick<IpcMain, 'handle'>, resolve: ResolveTarget): string[] {
  return API_METHODS.map((method) => {
    const channel = apiChannel(method);
    ipc.handle(channel, apiListener(method, resolve));
    return channel;
  });
}
