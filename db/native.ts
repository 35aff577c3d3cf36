/**
 * Which compiled better-sqlite3 to load. The Electron shell sets MARGINALIA_SQLITE_BINDING to a
 * build made for Electron's ABI, so neither `npm test` nor `npm start` needs a manual rebuild.
 * Under plain Node (tests, CLI, browser mode) it is the package's own build, named by its path:
 * the CLI bundles better-sqlite3's JavaScript (electron/launch/cli-bundle.mjs), where its own
 * search (the `bindings` package, which starts from the caller's file) would look in the wrong
 * folder, and the search costs a failing require() per folder tried.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A path to the compiled module, or the module itself (found by `bindings`, from the package's folder). */
export type NativeBinding = string | object;

let ownBuild: NativeBinding | null | undefined;

function packageBuild(): NativeBinding | null {
  if (ownBuild !== undefined) return ownBuild;
  try {
    const main = createRequire(import.meta.url).resolve('better-sqlite3');
    const packageDir = join(dirname(main), '..');
    const release = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(release)) ownBuild = release;
    else {
      // A build somewhere else (Debug, an older layout): let `bindings` search from the package's folder.
      const bindings = createRequire(main)('bindings') as (o: { bindings: string; module_root: string }) => object;
      ownBuild = bindings({ bindings: 'better_sqlite3.node', module_root: packageDir });
    }
  } catch {
    ownBuild = null;
  }
  return ownBuild;
}

export function nativeBinding(): NativeBinding | undefined {
  const p = process.env.MARGINALIA_SQLITE_BINDING;
  return p && p.length > 0 ? p : (packageBuild() ?? undefined);
}
