/**
 * The one Content Security Policy of the page, sent by both servers of the built renderer:
 * Electron's app:// protocol (main/protocol.ts) and browser mode's HTTP bridge (bridge/static.ts).
 * What the built renderer needs and no more (checked against dist/renderer: one module script,
 * one stylesheet, no inline <style>, no eval, no workers). Style *attributes* stay allowed
 * because React and Lexical set them (highlight colours); they cannot run code.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // 'self', not 'none': in browser mode the API calls are fetch() to the page's own origin
  // (POST /api/<method>). Electron's page calls through the preload (IPC), and its own origin,
  // app://marginalia, serves only the renderer's files.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
