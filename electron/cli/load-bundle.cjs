/**
 * Loads the bundled CLI (CommonJS) with a V8 code cache beside it. Compiling the 2 MB bundle is
 * a third of a cold start; Node 20 has no compile cache of its own, but vm.Script takes one.
 * The cache is keyed to the exact bundle file (inode, mtime, size): V8 itself only checks the
 * source length, which could let a rebuilt bundle of the same length run stale machine code.
 */
'use strict';
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const CACHE_SUFFIX = '.v8cache';

/** Reads the cache written for exactly this bundle file, or undefined. */
function readCache(path, key) {
  let bytes;
  try {
    bytes = readFileSync(path + CACHE_SUFFIX);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0 || bytes.subarray(0, newline).toString('latin1') !== key) return undefined;
  return bytes.subarray(newline + 1);
}

/**
 * Returns the bundle's `main`, `saveCache()` to call once main has run (so the functions it
 * compiled are in the cache too; it writes only when there was no usable cache), and whether a
 * cache was used.
 */
function loadBundle(path) {
  const s = statSync(path);
  const key = `marginalia-v8cache ${process.version} ${s.ino} ${s.mtimeMs} ${s.size}`;
  const cachedData = readCache(path, key);
  const source = readFileSync(path, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __marginaliaImport) {${source}\n})`, {
    filename: path,
    cachedData,
  });
  const module = { exports: {} };
  // import() of external ES modules (cli-bundle.mjs routes them here): resolved from this file,
  // which finds the same node_modules as the bundle would, with the ES-module export conditions.
  const load = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path), load);
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    const tmp = `${path}${CACHE_SUFFIX}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, Buffer.concat([Buffer.from(`${key}\n`, 'latin1'), script.createCachedData()]));
      renameSync(tmp, path + CACHE_SUFFIX);
    } catch {
      // A read-only install just starts without a cache.
      rmSync(tmp, { force: true });
    }
  };
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { main: module.exports.main, saveCache, cache };
}

exports.loadBundle = loadBundle;
