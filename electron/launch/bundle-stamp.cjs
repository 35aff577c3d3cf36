/**
 * Whether dist/cli/marginalia.cjs still matches the files it was built from. CommonJS so that the
 * `marginalia` entry (bin.cjs) can check it on every start without Node's ES-module loader, which
 * costs a cold start about 15 ms; cli-bundle.mjs (the builder) imports the same functions.
 *
 * Beside the bundle, a stamp lists every file esbuild read (for packages: their package.json) with
 * its mtime and size; the bundle is fresh when all of them, and the builder itself, still match.
 */
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const BUNDLE = join('dist', 'cli', 'marginalia.cjs');
const STAMP_SUFFIX = '.inputs.json';
/** The builder: a new bundler version means a new bundle. */
const BUILDER = join(__dirname, 'cli-bundle.mjs');

/** Stat signature of one file: [mtimeMs, size], or null when it is gone. */
function signature(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? [s.mtimeMs, s.size] : null;
}

/** `node_modules/zod/v4/core/x.js` → `node_modules/zod/package.json`: a package changes with its version. */
function stampPath(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return parts.join('/');
  const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
  return [...parts.slice(0, at + 1), ...name, 'package.json'].join('/');
}

/** Why the bundle must be (re)built: null when it exists and every file it was built from is unchanged. */
function staleReason(root, outfile = BUNDLE) {
  const out = join(root, outfile);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(out + STAMP_SUFFIX, 'utf8'));
  } catch {
    return 'not built yet';
  }
  if (!statSync(out, { throwIfNoEntry: false })) return 'not built yet';
  const inputs = Object.entries(stamp.inputs ?? {});
  if (inputs.length === 0) return 'not built yet';
  const builder = signature(BUILDER);
  if (!builder || builder[0] !== stamp.builder?.[0] || builder[1] !== stamp.builder?.[1]) return 'the bundler changed';
  for (const [file, [mtime, size]] of inputs) {
    const now = signature(join(root, file));
    if (!now || now[0] !== mtime || now[1] !== size) return `${file} changed`;
  }
  return null;
}

exports.BUNDLE = BUNDLE;
exports.STAMP_SUFFIX = STAMP_SUFFIX;
exports.BUILDER = BUILDER;
exports.signature = signature;
exports.stampPath = stampPath;
exports.staleReason = staleReason;
