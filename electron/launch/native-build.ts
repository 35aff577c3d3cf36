/**
 * better-sqlite3 for Electron's ABI, made once per Electron version in .electron-native/ and
 * never in node_modules: `npm test` keeps loading Node's build while `npm start` hands Electron
 * this one through MARGINALIA_SQLITE_BINDING (db/native.ts). First the prebuilt binary that
 * better-sqlite3 publishes for each Electron ABI (prebuild-install, no compiler needed); if
 * there is none, a build from source against Electron's headers (node-gyp, needs a C++ toolchain).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindingFile, electronNativeDir } from '../main/native-binding.js';

export interface Step {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The environment for building against Electron: npm's own target settings are dropped, above
 * all a `nodedir`, which would silently build against Node's headers instead of Electron's.
 */
export function electronBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(k)) out[k] = v;
  return out;
}

/** The commands tried in order, in the copied package folder. */
export function buildSteps(o: {
  electronVersion: string;
  prebuildInstall: string;
  nodeGyp: string | null;
  env: NodeJS.ProcessEnv;
  platform?: string;
  arch?: string;
}): Step[] {
  const env = electronBuildEnv(o.env);
  const target = ['--runtime=electron', `--target=${o.electronVersion}`, `--arch=${o.arch ?? process.arch}`];
  const steps: Step[] = [
    { label: 'prebuilt binary', command: process.execPath, args: [o.prebuildInstall, ...target, `--platform=${o.platform ?? process.platform}`], env },
  ];
  if (o.nodeGyp) {
    steps.push({
      label: 'build from source',
      command: process.execPath,
      args: [o.nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
      env,
    });
  }
  return steps;
}

/** npm tells scripts where its bundled node-gyp is; otherwise none. */
function nodeGypPath(): string | null {
  const p = process.env.npm_config_node_gyp;
  return p && existsSync(p) ? p : null;
}

/** The Electron-ABI binding file, building it on first use; throws with one line when it cannot. */
export function ensureElectronSqlite(root: string, electronVersion: string, log: (line: string) => void = console.log): string {
  const req = createRequire(join(root, 'package.json'));
  const pkgDir = dirname(req.resolve('better-sqlite3/package.json'));
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = electronNativeDir(root, electronVersion, version);
  if (existsSync(bindingFile(dir))) return bindingFile(dir);

  log(`marginalia: preparing better-sqlite3 ${version} for Electron ${electronVersion} (first start only)…`);
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  // The package's sources without its Node build, so nothing in node_modules is touched.
  cpSync(pkgDir, work, { recursive: true, filter: (src) => !/[\\/](build|node_modules)$/.test(src) });
  const prebuildInstall = createRequire(join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
  const failures: string[] = [];
  try {
    for (const step of buildSteps({ electronVersion, prebuildInstall, nodeGyp: nodeGypPath(), env: process.env })) {
      const r = spawnSync(step.command, step.args, { cwd: work, env: step.env, encoding: 'utf8', timeout: 15 * 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status === 0 && existsSync(bindingFile(work))) {
        rmSync(dir, { recursive: true, force: true });
        renameSync(work, dir);
        return bindingFile(dir);
      }
      const last = `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim().split('\n').filter(Boolean).pop() ?? `exit ${r.status}`;
      failures.push(`${step.label}: ${last.slice(0, 200)}`);
    }
    if (!nodeGypPath()) failures.push('build from source: node-gyp not found (run through npm start)');
    throw new Error(failures.join('; '));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
