/**
 * Where the Electron-ABI build of better-sqlite3 lives in development: its own folder per
 * Electron version, platform, architecture and better-sqlite3 version, beside (never inside)
 * node_modules, so `npm test` keeps Node's build and `npm start` uses this one. The shell owns
 * this (main.ts looks here at start); the build tooling in launch/ writes builds to it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const NATIVE_ROOT = '.electron-native';

export function electronNativeDir(root: string, electronVersion: string, sqliteVersion: string, platform = process.platform, arch = process.arch): string {
  return join(root, NATIVE_ROOT, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`);
}

export const bindingFile = (dir: string): string => join(dir, 'build', 'Release', 'better_sqlite3.node');

/** The Electron-ABI binding built for this Electron and better-sqlite3 under `root`, if it is there. */
export function builtElectronBinding(root: string, electronVersion: string): string | undefined {
  const sqlite = createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string };
  const file = bindingFile(electronNativeDir(root, electronVersion, sqlite.version));
  return existsSync(file) ? file : undefined;
}
