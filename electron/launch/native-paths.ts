/**
 * Where the Electron-ABI build of better-sqlite3 lives in development: its own folder per
 * Electron version, platform, architecture and better-sqlite3 version, beside (never inside)
 * node_modules, so `npm test` keeps Node's build and `npm start` uses this one.
 */
import { join } from 'node:path';

export const NATIVE_ROOT = '.electron-native';

export function electronNativeDir(root: string, electronVersion: string, sqliteVersion: string, platform = process.platform, arch = process.arch): string {
  return join(root, NATIVE_ROOT, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`);
}

export const bindingFile = (dir: string): string => join(dir, 'build', 'Release', 'better_sqlite3.node');
