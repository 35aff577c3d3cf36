/**
 * Browser mode: the API contract over HTTP, on 127.0.0.1 only, for testing the renderer in
 * Chromium and for running Marginalia where Electron is not installed. Every API request needs
 * the per-run token in `x-marginalia-token`; the page reads it from the URL fragment, which a
 * browser never sends to a server. `POST /api/<method>` with a JSON body answers an ApiResponse.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { API_METHODS, type ApiResponse } from '../../shared/api/contract.js';
import { fail } from '../../shared/errors.js';
import { dispatch } from '../api/dispatch.js';
import type { Handlers } from '../api/handler-types.js';
import { createHandlers } from '../api/handlers.js';
import { projectHandlers, type ProjectHost } from '../api/handlers/projects.js';
import { rememberProject } from '../services/recent-projects.js';
import { buildDemoProject } from '../services/demo.js';
import { demoProjectPath } from '../services/paths.js';
import { closeSession, defaultActor, openSession, type Session } from '../services/session.js';
import { send, serveStatic } from './static.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Enough for a 50 MB transcript (the import limit) sent as base64. */
export const DEFAULT_MAX_BODY = 70 * 1024 * 1024;

export interface BridgeOptions {
  /** The project to open; with neither this nor `session`, the demo project (built on first use). */
  projectPath?: string;
  /** An already open session (tests); it stays open when the bridge closes. */
  session?: Session;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer; default dist/renderer. */
  staticDir?: string;
  /** Who the event log records for changes made through this bridge. */
  actor?: string;
  maxBodyBytes?: number;
  /** `projectPath` need not exist: then no project is open and the start screen offers to create it there. */
  offerMissing?: boolean;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  /** Always 127.0.0.1: nothing else on the network can connect. */
  address: string;
  /** The project open now; null on the start screen. */
  readonly projectPath: string | null;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, value: ApiResponse<unknown>, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'cache-control': 'no-store', ...extra });

const refuse = (res: ServerResponse, status: number, code: 'unauthorized' | 'invalid_input' | 'too_large', message: string) =>
  json(res, status, { ok: false, error: { code, message } }, status === 413 ? { connection: 'close' } : {});

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
      else {
        // Stop keeping it; the 413 answer closes the connection.
        req.removeAllListeners('data');
        req.resume();
        fail(new TooLarge());
      }
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

async function openProjectFor(options: BridgeOptions): Promise<{ session: Session | null; owned: boolean }> {
  if (options.session) return { session: options.session, owned: false };
  if (options.projectPath && options.offerMissing && !existsSync(resolve(options.projectPath))) return { session: null, owned: true };
  if (options.projectPath) return { session: openSession(resolve(options.projectPath), options.actor), owned: true };
  const path = demoProjectPath();
  if (existsSync(path)) return { session: openSession(path, options.actor), owned: true };
  mkdirSync(dirname(path), { recursive: true });
  return { session: await buildDemoProject(path, join(ROOT, 'fixtures'), options.actor), owned: true };
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const first = await openProjectFor(options);
  let { session, owned } = first;
  const token = randomBytes(32).toString('hex');
  // Projects can be opened, created and closed from the page (the start screen): the handlers
  // follow the session held here; with none, every other method answers that no project is open.
  const noProject = Object.fromEntries(
    API_METHODS.map((m) => [m, () => fail('not_found', 'no project is open: create or open one on the start screen')]),
  ) as unknown as Handlers;
  const host: ProjectHost = {
    session: () => session,
    replace(next) {
      if (next === session) return;
      if (session && owned) closeSession(session);
      session = next;
      owned = true;
      handlers = handlersFor(next);
    },
    offered: session ? null : resolve(options.projectPath ?? ''),
    actor: options.actor ?? defaultActor(),
  };
  const handlersFor = (s: Session | null): Handlers => ({ ...(s ? createHandlers(s) : noProject), ...projectHandlers(host) });
  let handlers = handlersFor(session);
  if (session && !options.session) rememberProject(session.project.path);
  // MARGINALIA_RENDERER_DIR: a renderer built elsewhere (parallel test runs build into their own folders).
  const staticDir = resolve(options.staticDir ?? process.env.MARGINALIA_RENDERER_DIR ?? join(ROOT, 'dist', 'renderer'));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = 0;

  const api = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API calls use POST');
    if (!tokenMatches(req.headers['x-marginalia-token'], token))
      return refuse(res, 401, 'unauthorized', 'missing or wrong token; open the link that `npm run web` printed');
    if (Number(req.headers['content-length'] ?? 0) > maxBody)
      return refuse(res, 413, 'too_large', `the request is over the ${Math.round(maxBody / 2 ** 20)} MB limit; send fewer files at once`);
    let args: unknown;
    try {
      const body = await readBody(req, maxBody);
      args = body.trim() ? JSON.parse(body) : {};
    } catch (err) {
      if (err instanceof TooLarge)
        return refuse(res, 413, 'too_large', `the request is over the ${Math.round(maxBody / 2 ** 20)} MB limit; send fewer files at once`);
      return refuse(res, 400, 'invalid_input', 'the request body is not JSON');
    }
    json(res, 200, await dispatch(handlers, method, args, session?.project.path ?? null));
  };

  const server = createServer(async (req, res) => {
    try {
      // Our own origin only: refuses pages that rebind some DNS name to 127.0.0.1.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'forbidden host', 'text/plain; charset=utf-8');
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return send(res, 403, 'forbidden origin', 'text/plain; charset=utf-8');
      const pathname = (req.url ?? '/').split(/[?#]/, 1)[0]!;
      if (pathname.startsWith('/api/')) {
        let method: string;
        try {
          method = decodeURIComponent(pathname.slice('/api/'.length));
        } catch {
          return refuse(res, 400, 'invalid_input', 'the API method name is not valid');
        }
        return await api(req, res, method);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, HEAD' });
      return serveStatic(res, staticDir, pathname, req.method === 'HEAD');
    } catch (err) {
      console.error('marginalia: request failed:', err);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.end();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  }).catch((err: unknown) => {
    if (owned && session) closeSession(session);
    throw err;
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    address: address.address,
    get projectPath() {
      return session?.project.path ?? null;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          if (owned && session) closeSession(session);
          done();
        });
        server.closeAllConnections();
      }),
  };
}
