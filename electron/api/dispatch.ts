/**
 * One call through the boundary, for every transport (HTTP bridge now, Electron IPC later):
 * the method must be in the contract, the arguments must pass its schema, and every outcome is
 * an ApiResponse. Errors carry a stable code and one line; a stack trace never leaves here.
 */
import { fromSqliteError } from '../../db/errors.js';
import { isApiMethod, type ApiResponse } from '../../shared/api/contract.js';
import { parseArgs } from '../../shared/api/validate.js';
import { MarginaliaError, toApiError } from '../../shared/errors.js';
import type { Handlers } from './handler-types.js';

/** Long enough to name the problem, short enough for a status line. */
const MAX_MESSAGE = 500;

export async function dispatch(handlers: Handlers, method: string, rawArgs: unknown, projectPath: string | null = null): Promise<ApiResponse<unknown>> {
  try {
    if (!isApiMethod(method)) return { ok: false, error: { code: 'invalid_input', message: `unknown API method "${method.slice(0, 100)}"` } };
    const args = parseArgs(method, rawArgs);
    const handler = handlers[method] as (a: unknown) => unknown;
    // JSON has no undefined: a call with nothing to return answers null.
    return { ok: true, data: (await handler(args)) ?? null };
  } catch (err) {
    const known = err instanceof MarginaliaError ? err : fromSqliteError(err, projectPath);
    const error = toApiError(known ?? err);
    // Unexpected failures are logged here in full; the caller only gets the first line.
    if (!known) console.error(`marginalia: ${method} failed:`, err);
    // A known error stays whole, but stays one line: a value quoted from a bad file may hold a line break or a NUL.
    const message = (known ? error.message : error.message.split('\n')[0]!).replace(/\t/g, ' ').replace(/\p{Cc}/gu, escapeControl);
    return { ok: false, error: { code: error.code, message: message.slice(0, MAX_MESSAGE) } };
  }
}

const escapeControl = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
