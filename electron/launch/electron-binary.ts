/**
 * Finding Electron's binary, and fetching it on first start. `npm install` does not download it
 * (package.json's allowScripts blocks electron's postinstall, so installs also succeed where
 * its download site is unreachable); `npm start` runs electron's own install.js once instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = (root: string): string => dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));

export const electronVersion = (root: string): string =>
  (JSON.parse(readFileSync(join(electronDir(root), 'package.json'), 'utf8')) as { version: string }).version;

/** The executable, as electron's own index.js finds it; null when it was never downloaded. */
export function electronBinary(root: string): string | null {
  const dir = electronDir(root);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Runs electron's install.js (it honours electron_mirror and the cache); the error's last line when it fails. */
export function fetchElectron(root: string, timeoutMs = 15 * 60_000): { ok: true } | { ok: false; reason: string } {
  const r = spawnSync(process.execPath, [join(electronDir(root), 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status === 0 && electronBinary(root)) return { ok: true };
  const lines = `${r.stderr ?? ''}\n${r.error?.message ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return { ok: false, reason: lines[0] ?? `install.js exited with ${r.status}` };
}
