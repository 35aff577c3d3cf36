/**
 * The window and session locks of Electron's security checklist, checked with a fake
 * `electron` module: window options, navigation and window.open refused, <webview> refused,
 * permissions denied, remote requests cancelled, the CSP, and the app:// file server.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { rendererFile } from '../../electron/main/protocol.js';
import { CSP } from '../../electron/csp.js';
import { APP_ENTRY, isSafeExternalUrl, lockContents, lockSession } from '../../electron/main/security.js';
import { windowOptions, windowTitle } from '../../electron/main/window.js';
import { FakeWebContents } from './electron-fake.js';

vi.mock('electron', async () => (await import('./electron-fake.js')).fakeElectron());

describe('window options', () => {
  it('match the security checklist, with our preload', () => {
    const o = windowOptions('/app/dist/electron/preload.cjs', { x: 10, y: 20, width: 900, height: 700 });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });

  it('the page comes from our own scheme, never a dev server or the network', () => {
    expect(APP_ENTRY).toBe('app://marginalia/index.html');
  });

  it('the title names the project and shows when a change is being saved', () => {
    expect(windowTitle('study.marginalia', false)).toBe('study.marginalia — Marginalia');
    expect(windowTitle('study.marginalia', true)).toMatch(/^● study\.marginalia \(saving…\) — Marginalia$/);
  });
});

function locked() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn();
  lockContents(contents as unknown as WebContents, openExternal);
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn(), ...(typeof args[0] === 'object' ? (args[0] as object) : {}) };
    contents.emit(name, event, ...args.filter((a) => typeof a !== 'object'));
    return event.preventDefault;
  };
  return { contents, openExternal, fire };
}

describe('navigation, new windows and <webview>', () => {
  it('navigation away from our page is refused; an https link goes to the OS browser instead', () => {
    const { fire, openExternal } = locked();
    expect(fire('will-navigate', 'https://example.org/page')).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://example.org/page');
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'app://evil/index.html']) {
      openExternal.mockClear();
      expect(fire('will-navigate', url)).toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
    }
    expect(fire('will-navigate', 'app://marginalia/index.html')).not.toHaveBeenCalled();
  });

  it('redirects and sub-frame navigations are refused', () => {
    const { fire } = locked();
    expect(fire('will-redirect', { url: 'https://example.org/' })).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'app://marginalia/index.html', isMainFrame: false })).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'https://example.org/', isMainFrame: true })).toHaveBeenCalled();
  });

  it('window.open is always denied; only a safe https link is handed to the OS browser', () => {
    const { contents, openExternal } = locked();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
    openExternal.mockClear();
    expect(contents.windowOpenHandler!({ url: 'app://marginalia/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('<webview> is refused', () => {
    const { fire } = locked();
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('an external link needs https, a real host name and no credentials', () => {
    expect(isSafeExternalUrl('https://www.electronjs.org/docs')).toBe(true);
    expect(isSafeExternalUrl('http://www.electronjs.org/')).toBe(false);
    expect(isSafeExternalUrl('https://localhost/')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});

describe('session', () => {
  const fakeSession = () => {
    const s = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    lockSession(s as unknown as Session);
    return s;
  };

  it('denies every permission request and check', () => {
    const s = fakeSession();
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect((s.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect((s.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });

  it('cancels every request that is not for our own page', () => {
    const s = fakeSession();
    const [filter, listener] = s.webRequest.onBeforeRequest.mock.calls[0]! as [unknown, (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void];
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.org/tracker.js')).toBe(true);
    expect(decide('ws://127.0.0.1:9222/')).toBe(true);
    expect(decide('file:///home/me/study.marginalia')).toBe(true);
    expect(decide('app://marginalia/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

  it("starts from default-src 'none' and lets scripts come only from our own files", () => {
    expect(CSP.startsWith("default-src 'none'")).toBe(true);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    // The browser-mode page fetches its API from its own origin; nothing else.
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

describe('the app:// file server', () => {
  const root = resolve('/srv/renderer');

  it('serves the built renderer files', () => {
    expect(rendererFile(root, 'app://marginalia/')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://marginalia/assets/index-abc.js?x=1')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('refuses other hosts, escapes from the folder and types it does not serve', () => {
    expect(rendererFile(root, 'app://other/index.html')).toBeNull();
    // The URL parser folds these dot segments itself: the file asked for stays inside the folder.
    expect(rendererFile(root, 'app://marginalia/%2e%2e/%2e%2e/etc/secret.js')).toBe(join(root, 'etc', 'secret.js'));
    // Encoded slashes survive the parser and are caught here.
    expect(rendererFile(root, 'app://marginalia/..%2f..%2fsecret.js')).toBeNull();
    expect(rendererFile(root, 'app://marginalia/assets%5c..%5c..%5csecret.js')).toBeNull();
    expect(rendererFile(root, 'app://marginalia/%00.js')).toBeNull();
    expect(rendererFile(root, 'app://marginalia/study.marginalia')).toBeNull();
    expect(rendererFile(root, 'https://marginalia/index.html')).toBeNull();
  });
});
