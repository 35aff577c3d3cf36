/**
 * The API over IPC: one `ipcMain.handle` per contract method, generated from the contract's
 * keys, so nothing else can be called. Each call first checks that it comes from the main frame
 * of one of our project windows showing our own page, then goes through the same `dispatch` as
 * the HTTP bridge (arguments validated against the contract; errors as { ok: false, error }).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import { API_METHODS, type ApiMethod, type ApiResponse } from '../../shared/api/contract.js';
import { apiChannel } from '../../shared/shell.js';
import { isAppUrl } from './security.js';

/** What a trusted call runs against: the project open in the sender's window. */
export interface ApiTarget {
  handlers: Handlers;
  projectPath: string;
  /** Told when a change starts (true) and ends (false), for the window's saving mark. */
  writing?(busy: boolean): void;
}

export type ResolveTarget = (event: IpcMainInvokeEvent) => ApiTarget | null;

/** Calls that only read; every other method writes to the project file. */
export const READ_ONLY_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'project.info',
  'documents.list',
  'documents.content',
  'documents.deletionImpact',
  'codebook.list',
  'codebook.deletionImpact',
  'codebook.find',
  'coders.list',
  'codings.forDocument',
  'memos.get',
  'search.corpus',
  'retrieval.segments',
  'cases.list',
  'history.state',
]);

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
      return await dispatch(target.handlers, method, args, target.projectPath);
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
