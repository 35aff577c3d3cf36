/**
 * The renderer's only way to the data: a client generated from the contract's keys, over
 * whichever transport is present — Electron's preload object, or HTTP in browser mode.
 */
import { API_METHODS, type ApiArgs, type ApiMethod, type ApiResponse, type ApiResult } from '../../shared/api/contract.js';

export type Transport = (method: ApiMethod, args: unknown) => Promise<ApiResponse<unknown>>;

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export type ApiClient = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

export function createApiClient(transport: Transport): ApiClient {
  const client = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    client[method] = async (args: unknown) => {
      const r = await transport(method, args ?? {});
      if (!r.ok) throw new ApiCallError(r.error.code, r.error.message);
      return r.data;
    };
  }
  return client as ApiClient;
}

export function httpTransport(baseUrl: string, token: string): Transport {
  return async (method, args) => {
    const res = await fetch(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-marginalia-token': token },
      body: JSON.stringify(args),
    });
    try {
      return (await res.json()) as ApiResponse<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `the server answered ${res.status} without JSON` } };
    }
  };
}

declare global {
  interface Window {
    /** Exposed by the Electron preload (one function per contract method, nothing else). */
    marginalia?: { call: Transport };
  }
}

/** Electron's preload when present; otherwise HTTP with the token from the URL fragment. */
export function pickTransport(): Transport {
  if (window.marginalia) return window.marginalia.call;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  return httpTransport(window.location.origin, token);
}
