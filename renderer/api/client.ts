/**
 * The renderer's only way to the data: a client typed by the contract, over whichever transport
 * is present — Electron's preload object, or HTTP in browser mode.
 * `api['codings.apply']({ … })` resolves with the result or throws an ApiCallError.
 */
import type { ApiArgs, ApiErrorBody, ApiMethod, ApiResponse, ApiResult, MarginaliaPreload } from '../../shared/api/contract.js';

export type Transport = (method: ApiMethod, args: unknown) => Promise<ApiResponse<unknown>>;

/** A refused or failed call: `code` is stable (not_found, duplicate, conflict, invalid_input…), `message` one line to show. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorBody['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Methods without arguments may be called with none: `api['history.undo']()`. */
type Call<M extends ApiMethod> =
  Record<never, never> extends ApiArgs<M> ? (args?: ApiArgs<M>) => Promise<ApiResult<M>> : (args: ApiArgs<M>) => Promise<ApiResult<M>>;
export type ApiClient = { [M in ApiMethod]: Call<M> };

/** What a method name looks like ("codings.apply"); anything else (then, toJSON, symbols…) is no method. */
const METHOD_NAME = /^[a-z]+\.[A-Za-z]+$/;

/**
 * The contract is imported for its type only (its zod schemas stay out of the page), so the
 * client has no list of names: any "area.name" property becomes a call, made once and kept.
 * A name the contract does not have fails to compile here, and is refused by the other side.
 */
export function createApiClient(transport: Transport): ApiClient {
  const calls = new Map<string, (args?: unknown) => Promise<unknown>>();
  const callFor = (method: string) => {
    let call = calls.get(method);
    if (!call) {
      call = async (args?: unknown) => {
        const r = await transport(method as ApiMethod, args ?? {});
        if (!r.ok) throw new ApiCallError(r.error.code, r.error.message);
        return r.data;
      };
      calls.set(method, call);
    }
    return call;
  };
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' && METHOD_NAME.test(key) ? callFor(key) : undefined),
      set: () => false,
    },
  ) as ApiClient;
}

const unreachable = (why: string): ApiResponse<never> => ({
  ok: false,
  error: { code: 'internal', message: `cannot reach Marginalia (${why}); is \`npm run web\` still running?` },
});

/** POST /api/<method> with the token header; the body is the arguments as JSON. */
export function httpTransport(baseUrl: string, token: string): Transport {
  return async (method, args) => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-marginalia-token': token },
        body: JSON.stringify(args ?? {}),
      });
    } catch (err) {
      return unreachable(err instanceof Error ? err.message : String(err));
    }
    try {
      return (await res.json()) as ApiResponse<unknown>;
    } catch {
      return unreachable(`the server answered ${res.status} without JSON`);
    }
  };
}

/** Electron: the preload exposes one function per contract method as `window.marginalia`. */
export function preloadTransport(preload: MarginaliaPreload): Transport {
  return (method, args) => preload[method](args) as Promise<ApiResponse<unknown>>;
}

declare global {
  interface Window {
    marginalia?: MarginaliaPreload;
  }
}

const TOKEN_KEY = 'marginalia.token';

/**
 * Browser mode's token comes in the link's fragment (#token=…), which is never sent to a
 * server. It is kept for this tab only (sessionStorage, so a reload still works) and taken out
 * of the address bar, so it does not end up in bookmarks or screenshots.
 */
export function tokenFromLocation(): string {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Electron's preload when present; otherwise HTTP to the page's own origin with the token. */
export function pickTransport(): Transport {
  if (window.marginalia) return preloadTransport(window.marginalia);
  return httpTransport(window.location.origin, tokenFromLocation());
}
