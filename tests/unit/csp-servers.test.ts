/**
 * The page's two servers, Electron's app:// protocol and browser mode's HTTP bridge (started on a
 * real temp project), send byte-identical Content-Security-Policy headers for the same file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/http.js';
import { CSP } from '../../electron/csp.js';
import { serveRenderer } from '../../electron/main/protocol.js';
import { tempProject, type TempProject } from '../integration/helpers.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

type Handler = (request: Request) => Promise<Response>;

let root: string;
let project: TempProject;
let bridge: Bridge;
let appHandler: Handler;

beforeAll(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'marginalia-csp-')), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>M</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  project = tempProject();
  bridge = await startBridge({ session: project.session, staticDir: root });
  const session = { protocol: { handle: (_scheme: string, handler: Handler) => (appHandler = handler) } } as unknown as Session;
  serveRenderer(session, root);
});

afterAll(async () => {
  await bridge.close();
  project.done();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

/** The CSP header exactly as the bridge wrote it on the wire (raw header bytes, not a parsed copy). */
function bridgeCsp(path: string): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers: { host: `127.0.0.1:${bridge.port}` } }, (res) => {
      const i = res.rawHeaders.findIndex((h, n) => n % 2 === 0 && h.toLowerCase() === 'content-security-policy');
      res.resume();
      res.on('end', () => (i < 0 ? fail(new Error(`no CSP on ${path}`)) : ok(Buffer.from(res.rawHeaders[i + 1]!, 'latin1'))));
    });
    req.on('error', fail);
    req.end();
  });
}

async function appCsp(path: string): Promise<Buffer> {
  const res = await appHandler({ url: `app://marginalia${path}` } as Request);
  const value = res.headers.get('content-security-policy');
  if (value === null) throw new Error(`no CSP on ${path}`);
  return Buffer.from(value, 'latin1');
}

describe('one CSP for Electron and browser mode', () => {
  it.each(['/', '/index.html', '/assets/app.js', '/missing.js'])('%s: both servers send the same bytes', async (path) => {
    const [viaBridge, viaApp] = await Promise.all([bridgeCsp(path), appCsp(path)]);
    expect(viaBridge.equals(viaApp)).toBe(true);
    expect(viaApp.toString('latin1')).toBe(CSP);
  });

  it('is the strict policy: nothing but our own files, and fetch only to our own origin', () => {
    const directives = new Map(CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(CSP).not.toMatch(/unsafe-eval|\*|https?:|ws:/);
  });
});
