/**
 * Builds the shell for Electron: the main process as one ES module (dist/electron/main.mjs; npm
 * packages stay external and load from node_modules, or from the asar when packaged) and the
 * preload as one self-contained CommonJS file (dist/electron/preload.cjs), because a sandboxed
 * preload can require nothing but 'electron'.
 */
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { API_METHODS } from '../../shared/api/contract.js';

export const MAIN_OUT = join('dist', 'electron', 'main.mjs');
export const PRELOAD_OUT = join('dist', 'electron', 'preload.cjs');

const common = { bundle: true, logLevel: 'warning' as const, sourcemap: false, legalComments: 'none' as const };

/**
 * The preload needs only the contract's method names. This swaps the contract module, in the
 * preload's bundle only, for its key list read from the real contract at build time, so the
 * zod schemas (hundreds of kB) stay out of every window. A preload that imported anything else
 * from the contract fails to bundle.
 */
const contractKeysOnly: Plugin = {
  name: 'contract-keys-only',
  setup(b) {
    b.onResolve({ filter: /\/shared\/api\/contract(\.js|\.ts)?$/ }, () => ({ path: 'contract-keys', namespace: 'marginalia-contract' }));
    b.onLoad({ filter: /.*/, namespace: 'marginalia-contract' }, () => ({
      contents: `export const API_METHODS = ${JSON.stringify(API_METHODS)};`,
      loader: 'js',
    }));
  },
};

export function preloadBuildOptions(root: string, outfile = join(root, PRELOAD_OUT)): BuildOptions {
  return {
    ...common,
    absWorkingDir: root,
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile,
    platform: 'browser',
    format: 'cjs',
    // Electron 39 is Chromium 142.
    target: 'chrome142',
    external: ['electron'],
    plugins: [contractKeysOnly],
  };
}

export async function bundleShell(root: string): Promise<void> {
  await build({
    ...common,
    absWorkingDir: root,
    entryPoints: [join(root, 'electron', 'main', 'main.ts')],
    outfile: join(root, MAIN_OUT),
    platform: 'node',
    format: 'esm',
    // Electron 39 runs Node 22.
    target: 'node22',
    packages: 'external',
  });
  await build(preloadBuildOptions(root));
}
