/**
 * Serving the built renderer (dist/renderer) and nothing else, with the headers every response
 * of the bridge carries: the page's Content Security Policy (the same as Electron's: ../csp.ts)
 * and no sniffing, framing or referrers.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CSP } from '../csp.js';

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}, head = false): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
  res.end(head ? undefined : body);
}

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Marginalia</title>' +
  '<p>The workspace is not built yet. Run <code>npm run build:renderer</code> (it writes <code>dist/renderer</code>), then reload this page.</p>';

/** `pathname` is the raw URL path; anything that would resolve outside `root` is a 404. */
export function serveStatic(res: ServerResponse, root: string, pathname: string, head: boolean): void {
  const notFound = () => send(res, 404, 'not found', 'text/plain; charset=utf-8', {}, head);
  if (!existsSync(join(root, 'index.html'))) return send(res, 200, NOT_BUILT, 'text/html; charset=utf-8', { 'cache-control': 'no-store' }, head);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound();
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return notFound();
  const wanted = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (!wanted.startsWith(root + sep)) return notFound();
  if (!existsSync(wanted) || !statSync(wanted).isFile()) return notFound();
  // A symlink inside the folder must not lead out of it either.
  if (!realpathSync(wanted).startsWith(realpathSync(root) + sep)) return notFound();
  const type = TYPES[extname(wanted).toLowerCase()] ?? 'application/octet-stream';
  send(res, 200, readFileSync(wanted), type, { 'cache-control': 'no-cache' }, head);
}
