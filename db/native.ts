/**
 * Which compiled better-sqlite3 to load. The Electron shell sets MARGINALIA_SQLITE_BINDING to a
 * build made for Electron's ABI, so neither `npm test` nor `npm start` needs a manual rebuild.
 * Under plain Node (tests, CLI, browser mode) it is the package's own build: named by its path,
 * because better-sqlite3 otherwise finds it through the `bindings` package, which tries several
 * folders with a failing require() each (about 1.5 ms of every CLI command's start).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let ownBuild: string | null | undefined;

/** better-sqlite3's build/Release/better_sqlite3.node, or null when it is elsewhere (then `bindings` looks). */
function packageBuild(): string | null {
  if (ownBuild !== undefined) return ownBuild;
  try {
    const main = createRequire(import.meta.url).resolve('better-sqlite3');
    const file = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
    ownBuild = existsSync(file) ? file : null;
  } catch {
    ownBuild = null;
  }
  return ownBuild;
}

export function nativeBindingPath(): string | undefined {
  const p = process.env.MARGINALIA_SQLITE_BINDING;
  return p && p.length > 0 ? p : (packageBuild() ?? undefined);
}
