/**
 * Browser mode: the same API contract over HTTP, on 127.0.0.1 only, for testing the renderer in
 * Chromium and for running Marginalia where Electron is not installed. Every API request needs
 * the per-run token (sent in a header; the page gets it from the URL fragment, which browsers
 * never send to a server). The built renderer is served with a strict Content Security Policy.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { createHandlers, dispatch } from '../api/handlers.js';
import type { Session } from '../services/session.js';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const MAX_BODY = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Bridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'content-security-policy': CSP, ...extra });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'cache-control': 'no-store' });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export function startBridge(session: Session, options: { port?: number; staticDir?: string } = {}): Promise<Bridge> {
  const token = randomBytes(32).toString('hex');
  const handlers = createHandlers(session);
  const staticDir = resolve(options.staticDir ?? join(import.meta.dirname, '..', '..', 'dist', 'renderer'));
  let port = 0;

  const server = createServer(async (req, res) => {
    try {
      // Only our own origin: refuses DNS-rebinding pages that resolve some name to 127.0.0.1.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'forbidden host', 'text/plain');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'invalid_input', message: 'API calls use POST' } });
        if (!tokenMatches(req.headers['x-marginalia-token'], token)) return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } });
        let args: unknown;
        try {
          const body = await readBody(req);
          args = body.trim() ? JSON.parse(body) : {};
        } catch (err) {
          const status = (err as { status?: number }).status ?? 400;
          return json(res, status, { ok: false, error: { code: 'invalid_input', message: status === 413 ? 'request body too large' : 'the request body is not JSON' } });
        }
        return json(res, 200, await dispatch(handlers, decodeURIComponent(url.pathname.slice(5)), args, session.project.path));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
      return serveStatic(res, staticDir, url.pathname);
    } catch {
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
    }
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      ok({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        token,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function serveStatic(res: ServerResponse, root: string, pathname: string): void {
  if (!existsSync(join(root, 'index.html'))) {
    return send(res, 200, '<!doctype html><meta charset="utf-8"><title>Marginalia</title><p>The workspace is not built yet: run <code>npm run build:renderer</code>, then reload.</p>', 'text/html; charset=utf-8');
  }
  const wanted = resolve(root, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
  // Never outside the renderer's folder.
  if (wanted !== root && !wanted.startsWith(root + sep)) return send(res, 404, 'not found', 'text/plain');
  if (!existsSync(wanted) || !statSync(wanted).isFile()) return send(res, 404, 'not found', 'text/plain');
  send(res, 200, readFileSync(wanted), TYPES[extname(wanted)] ?? 'application/octet-stream');
}
