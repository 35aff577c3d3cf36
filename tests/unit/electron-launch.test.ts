/**
 * `npm start`'s preparation, without Electron: the shell bundles into a main module and a
 * self-contained preload, the Electron-ABI build of better-sqlite3 is made apart from Node's
 * (and never against Node's headers), and npm install never downloads Electron.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_METHODS } from '../../shared/api/contract.js';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { preloadBuildOptions } from '../../electron/launch/bundle.js';
import { buildSteps, electronBuildEnv } from '../../electron/launch/native-build.js';
import { bindingFile, electronNativeDir } from '../../electron/main/native-binding.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('Electron-ABI better-sqlite3', () => {
  it('lives in its own folder per Electron version, outside node_modules', () => {
    const dir = electronNativeDir('/repo', '39.8.10', '12.11.1', 'linux', 'x64');
    expect(dir).toBe(join('/repo', '.electron-native', 'better-sqlite3-12.11.1-electron-39.8.10-linux-x64'));
    expect(bindingFile(dir)).toBe(join(dir, 'build', 'Release', 'better_sqlite3.node'));
    expect(dir).not.toContain('node_modules');
  });

  it("is built for Electron's runtime and version, never with npm's nodedir (Node's headers)", () => {
    const env = { PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', HOME: '/home/me' };
    expect(electronBuildEnv(env)).toEqual({ PATH: '/usr/bin', HOME: '/home/me' });
    const steps = buildSteps({ electronVersion: '39.8.10', prebuildInstall: '/p/bin.js', nodeGyp: '/g/node-gyp.js', env, platform: 'linux', arch: 'x64' });
    expect(steps.map((s) => s.label)).toEqual(['prebuilt binary', 'build from source']);
    for (const s of steps) {
      expect(s.args).toContain('--runtime=electron');
      expect(s.args).toContain('--target=39.8.10');
      expect(s.env.npm_config_nodedir).toBeUndefined();
    }
    expect(steps[1]!.args).toContain('--dist-url=https://electronjs.org/headers');
    expect(buildSteps({ electronVersion: '39.8.10', prebuildInstall: '/p/bin.js', nodeGyp: null, env })).toHaveLength(1);
  });
});

describe('npm install and Electron', () => {
  it("blocks electron's postinstall download; npm start fetches the binary instead", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>;
      devDependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.devDependencies.electron).toMatch(/^39\.\d+\.\d+$/);
    expect(pkg.scripts.start).toContain('electron/launch/start.ts');
  });
});

describe('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-preload-'));
    try {
      const outfile = join(dir, 'preload.cjs');
      await build({ ...preloadBuildOptions(ROOT, outfile), logLevel: 'silent' });
      const code = readFileSync(outfile, 'utf8');
      const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
      expect(new Set(required)).toEqual(new Set(['electron']));
      // The contract's method names, taken from the contract at build time; none of its zod schemas.
      for (const m of API_METHODS) expect(code).toContain(JSON.stringify(m));
      expect(code).not.toMatch(/\bzod\b|strictObject/);
      expect(code.length).toBeLessThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
