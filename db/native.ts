/**
 * Which compiled better-sqlite3 to load. Under plain Node (tests, CLI, browser mode) the
 * package's own build is used. The Electron shell sets MARGINALIA_SQLITE_BINDING to a build
 * made for Electron's ABI, so neither `npm test` nor `npm start` needs a manual rebuild.
 */
export function nativeBindingPath(): string | undefined {
  const p = process.env.MARGINALIA_SQLITE_BINDING;
  return p && p.length > 0 ? p : undefined;
}
