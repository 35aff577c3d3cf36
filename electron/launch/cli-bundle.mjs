/**
 * Builds the `marginalia` CLI into one CommonJS file (dist/cli/marginalia.cjs) and tells whether
 * that build still matches the sources. CommonJS rather than an ES module because bin.cjs compiles
 * it with a V8 code cache (load-bundle.cjs), which Node 20 offers only for scripts. Plain
 * JavaScript on purpose: bin.cjs must load it without a TypeScript loader, and `npm install` runs
 * it (the `prepare` script).
 *
 * Freshness (bundle-stamp.cjs): beside the bundle, a stamp lists every file esbuild read (for
 * packages: their package.json) with its mtime and size; the bundle is fresh when all of them
 * still match. A file added later can only matter once an existing file imports it, which
 * changes that file.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, signature, STAMP_SUFFIX, stampPath, staleReason } from './bundle-stamp.cjs';

export { BUNDLE, staleReason };
export const ENTRY = join('electron', 'cli', 'main.ts');
const LOCK_SUFFIX = '.lock';
/** A lock older than this belongs to a builder that died. */
const STALE_LOCK_MS = 120_000;
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * Heavy packages that load from node_modules at run time, each only when its feature runs (pdfjs,
 * mammoth: importing a PDF or .docx; exceljs: XLSX; docx: a DOCX export; fast-xml-parser: REFI-QDA
 * import), and `bindings`, which finds better-sqlite3's native part only if db/native.ts cannot.
 * better-sqlite3's JavaScript is bundled (its 13 files cost a command ~5 ms to load one by one);
 * its compiled part is loaded by path (db/native.ts).
 */
export const EXTERNAL = ['bindings', 'pdfjs-dist', 'mammoth', 'exceljs', 'docx', 'fast-xml-parser'];

/**
 * Runs before any bundled module. The sources are ES modules that use import.meta.url (to find
 * package.json, pdfjs); here it is this file's URL. The drizzle migrations stay in db/migrations
 * of the package, two folders up from dist/cli/.
 */
const BANNER = [
  "const __marginaliaUrl = require('node:url').pathToFileURL(__filename).href;",
  "process.env.MARGINALIA_MIGRATIONS_DIR ??= require('node:path').join(__dirname, '..', '..', 'db', 'migrations');",
].join('\n');

/**
 * zod's `z.locales` pulls every language's error messages (~400 kB of source to load) into the
 * bundle; Marginalia only uses English, which zod installs itself. If zod's layout changes, this
 * simply stops matching and the bundle is bigger.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * A script compiled with a V8 code cache cannot run import() on Node 20 (the callback is lost on
 * deserialisation), so each import() of an external package (pdfjs, mammoth) becomes a call to
 * `__marginaliaImport`, which load-bundle.cjs passes in. Checked against esbuild's own list.
 */
function routeDynamicImports(file, metafile) {
  const specifiers = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path));
  let code = readFileSync(file, 'utf8');
  for (const spec of new Set(specifiers)) {
    const call = new RegExp(`\\bimport\\((["'])${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1\\)`, 'g');
    const before = code;
    code = code.replace(call, (_m, q) => `__marginaliaImport(${q}${spec}${q})`);
    if (code === before) throw new Error(`cannot find import("${spec}") in the bundle`);
  }
  writeFileSync(file, code);
}

export const isFresh = (root, outfile = BUNDLE) => staleReason(root, outfile) === null;

/** One bundling run into temp files, then renames: the bundle first, its stamp last. */
async function buildOnce(root, entry, outfile) {
  const { build } = await import('esbuild');
  const out = join(root, outfile);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const started = Date.now();
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, entry)],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: EXTERNAL,
      define: { 'import.meta.url': '__marginaliaUrl', 'import.meta.dirname': '__dirname' },
      banner: { js: BANNER },
      plugins: [zodEnglishOnly],
      metafile: true,
      legalComments: 'none',
      minify: true,
      logLevel: 'silent',
    }).catch((err) => {
      // esbuild's own message spans lines; keep the first error, with where it is.
      const first = err.errors?.[0];
      throw first ? new Error(`${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`) : err;
    });
    routeDynamicImports(tmp, result.metafile);
    const ended = Date.now();
    const inputs = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const file = stampPath(input);
      const sig = signature(join(root, file));
      if (!sig) continue;
      // Changed while esbuild was reading? Then the bundle may hold the old text: record it as unknown.
      if (sig[0] >= started - 50 && sig[0] <= ended + 1000) sig[0] = -1;
      inputs[file] = sig;
    }
    writeFileSync(`${tmp}${STAMP_SUFFIX}`, JSON.stringify({ builder: signature(THIS_FILE), inputs }));
    renameSync(tmp, out);
    renameSync(`${tmp}${STAMP_SUFFIX}`, out + STAMP_SUFFIX);
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}${STAMP_SUFFIX}`, { force: true });
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The builder holding the lock was killed (its pid is gone) or has held it far too long. */
function lockIsAbandoned(lock) {
  const held = statSync(lock, { throwIfNoEntry: false });
  if (!held) return false;
  if (Date.now() - held.mtimeMs > STALE_LOCK_MS) return true;
  let pid;
  try {
    pid = Number(readFileSync(lock, 'utf8') || NaN);
  } catch {
    return false; // just released
  }
  if (!Number.isInteger(pid)) return Date.now() - held.mtimeMs > 2_000; // written in a moment, else broken
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

/**
 * Makes the bundle fresh, building it if needed. Several processes may find it stale at once
 * (vitest runs test files in parallel): one builds under a lock file, the others wait and recheck.
 * Returns 'fresh' (nothing to do) or 'built'. Throws when it cannot build.
 */
export async function ensureBundle(root, options = {}) {
  const entry = options.entry ?? ENTRY;
  const outfile = options.outfile ?? BUNDLE;
  let reason = options.force ? 'forced' : staleReason(root, outfile);
  if (reason === null) return 'fresh';
  const lock = join(root, outfile + LOCK_SUFFIX);
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    if (lockIsAbandoned(lock)) rmSync(lock, { force: true });
    await sleep(25);
    if (!options.force && isFresh(root, outfile)) return 'fresh';
  }
  try {
    // Another process may have built it while we waited for the lock.
    if (!options.force && (reason = staleReason(root, outfile)) === null) return 'fresh';
    options.onBuild?.(reason);
    await buildOnce(root, entry, outfile);
    return 'built';
  } finally {
    rmSync(lock, { force: true });
  }
}

// `node electron/launch/cli-bundle.mjs` (npm's `prepare`): build, and never fail the install over it.
if (process.argv[1] && relative(process.argv[1], THIS_FILE) === '') {
  const root = join(dirname(THIS_FILE), '..', '..');
  try {
    const t = performance.now();
    await ensureBundle(root, { force: true });
    process.stdout.write(`marginalia: built ${BUNDLE.split(sep).join('/')} in ${Math.round(performance.now() - t)} ms\n`);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`marginalia: could not build ${BUNDLE} (${message}); the CLI will retry on first run\n`);
  }
}
