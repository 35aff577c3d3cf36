/**
 * The locks on the window and its session, from Electron's security checklist: the page is our
 * own built renderer and nothing else. No navigation, no new windows, no <webview>, no
 * permissions, no requests to the network; a link to an https site opens in the OS browser,
 * and only after a check. Project files hold interviews with incarcerated people.
 */
import type { Session, WebContents } from 'electron';

/** The page is served from app://marginalia/ (see protocol.ts), never from a dev server or file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own page. (A custom scheme's URL has an opaque origin, so compare scheme and host.) */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** An ordinary https link (no credentials, a real host name) may go to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return false;
  return /^[a-z0-9.-]+$/i.test(u.hostname) && u.hostname.includes('.') && url.length <= 2000;
}

/** Requests the page may make: its own files, data: images, and devtools while developing. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith('devtools:');
}

export type OpenExternal = (url: string) => unknown;

/** Navigation, redirects, new windows and <webview> are refused; https links go to the OS browser. */
export function lockContents(contents: WebContents, openExternal: OpenExternal): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    // A reload of our own page is fine; anything else leaves the app and is refused.
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void openExternal(url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url) || !event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications, clipboard read, HID, …) is refused, asked or checked. */
export function lockSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // No remote content: anything but our own scheme (http, https, ws, file, …) is cancelled.
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
