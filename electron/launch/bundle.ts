/**
 * Builds the shell for Electron: the main process as one ES module (dist/electron/main.mjs; npm
 * packages stay external and load from node_modules, or from the asar when packaged) and the
 * preload as one self-contained CommonJS file (dist/electron/preload.cjs), because a sandboxed
 * preload can require nothing but 'electron'.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

export const MAIN_OUT = join('dist', 'electron', 'main.mjs');
export const PRELOAD_OUT = join('dist', 'electron', 'preload.cjs');

export async function bundleShell(root: string): Promise<void> {
  const common = { bundle: true, logLevel: 'warning' as const, sourcemap: false, legalComments: 'none' as const, absWorkingDir: root };
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'main', 'main.ts')],
    outfile: join(root, MAIN_OUT),
    platform: 'node',
    format: 'esm',
    // Electron 39 runs Node 22.
    target: 'node22',
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: join(root, PRELOAD_OUT),
    platform: 'browser',
    format: 'cjs',
    // Electron 39 is Chromium 142.
    target: 'chrome142',
    external: ['electron'],
  });
}
