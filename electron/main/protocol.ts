/**
 * The page is served from app://marginalia/ out of the built renderer folder (dist/renderer,
 * inside the asar when packaged): never a dev server, and not file://, so the page has a real
 * origin of its own and every response carries our CSP header.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { protocol, type Session } from 'electron';
import { TYPES } from '../bridge/static.js';
import { CSP } from '../csp.js';
import { APP_HOST, APP_SCHEME } from './security.js';

/** Must run before `app` is ready. `standard` + `secure` give the page a proper secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/**
 * The file under `root` that `url` names, or null: another host, a type we do not serve, or a
 * path that would leave `root` (`..`, encoded or not) are all refused.
 */
export function rendererFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = normalize(join(root, path));
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return TYPES[extname(file).toLowerCase()] ? file : null;
}

const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });

/** Serve the built renderer on this session's app:// scheme. */
export function serveRenderer(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(root, request.url);
    if (!file) return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: headers(TYPES[extname(file).toLowerCase()]!) });
    } catch {
      return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    }
  });
}
