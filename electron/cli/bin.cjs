#!/usr/bin/env node
// The `marginalia` command: runs the bundled CLI (dist/cli/marginalia.cjs), rebuilding it first
// when any file it was built from has changed, so it never runs stale code. Only when the bundle
// cannot be built does it fall back to loading the TypeScript sources through tsx (slower).
// CommonJS: a fresh bundle then starts without Node's ES-module loader (about 15 ms of a cold start).
'use strict';
const { join } = require('node:path');
const { BUNDLE, staleReason } = require('../launch/bundle-stamp.cjs');
const { loadBundle } = require('./load-bundle.cjs');

const started = performance.now();
const trace = process.env.MARGINALIA_CLI_TRACE === '1';
const root = join(__dirname, '..', '..');

// process.stdout is left alone: the CLI writes to file descriptor 1 itself (electron/cli/stdio.ts),
// which also ends the command quietly when a reader closes the pipe (`marginalia doc show … | head`).

const firstLine = (err) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/** Makes the bundle fresh (building it if needed: the builder is an ES module, loaded only then); undefined if it cannot be built. */
async function freshBundle() {
  try {
    let state = 'fresh';
    if (staleReason(root) !== null) {
      const { ensureBundle } = await import('../launch/cli-bundle.mjs');
      state = await ensureBundle(root, {
        onBuild: (reason) => process.stderr.write(`marginalia: building dist/cli/marginalia.cjs (${reason})…\n`),
      });
    }
    if (trace) process.stderr.write(`marginalia: trace: bundle ${state}, checked in ${(performance.now() - started).toFixed(1)} ms\n`);
    return BUNDLE;
  } catch (err) {
    process.stderr.write(`marginalia: cannot build dist/cli/marginalia.cjs (${firstLine(err)}); running the sources through tsx\n`);
    return undefined;
  }
}

/** The CLI's main(argv), and what to do once it has run. */
async function loadMain() {
  // MARGINALIA_CLI_LOADER=tsx runs the sources directly (the old way, compared in `npm run bench cli`).
  const bundle = process.env.MARGINALIA_CLI_LOADER === 'tsx' ? undefined : await freshBundle();
  if (bundle) {
    const t = performance.now();
    const loaded = loadBundle(join(root, bundle));
    if (trace) {
      const ms = (performance.now() - t).toFixed(1);
      process.stderr.write(`marginalia: trace: running ${bundle.split('\\').join('/')} (code cache: ${loaded.cache}, loaded in ${ms} ms)\n`);
    }
    return loaded;
  }
  // register(): one module graph, so packages such as drizzle-orm load once (tsImport would load them again).
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  if (trace) process.stderr.write('marginalia: trace: running electron/cli/main.ts through tsx\n');
  return { main, saveCache: () => {} };
}

/**
 * The code cache holds what the run that wrote it compiled; help and usage errors never reach a
 * project, so a cache from them would leave most of a real command to compile every time.
 */
const reachesCommand = (argv, exitCode) =>
  exitCode !== 2 && argv.length > 0 && argv[0] !== 'help' && !argv.some((a) => ['--help', '-h', '--version', '-V'].includes(a));

async function run() {
  try {
    const argv = process.argv.slice(2);
    const { main, saveCache } = await loadMain();
    const t = performance.now();
    process.exitCode = await main(argv);
    if (trace)
      process.stderr.write(
        `marginalia: trace: main ran in ${(performance.now() - t).toFixed(1)} ms (${(performance.now() - started).toFixed(1)} ms since start)\n`,
      );
    if (reachesCommand(argv, process.exitCode)) saveCache();
  } catch (err) {
    // main() catches everything it can; this is only for a broken install (e.g. a missing module).
    process.stderr.write(`marginalia: ${process.env.MARGINALIA_DEBUG === '1' && err instanceof Error ? err.stack : firstLine(err)}\n`);
    process.exitCode = 1;
  }
}

void run();
