/**
 * `npm start [-- PROJECT]`: the desktop app. Builds the shell, makes sure Electron's binary and
 * an Electron-ABI better-sqlite3 are there (fetching them on first start), then runs Electron.
 * Where either cannot be had (no connection to their download sites), it says so in one line
 * and opens browser mode instead, which needs neither.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bundleShell } from './bundle.js';
import { electronBinary, electronVersion, fetchElectron } from './electron-binary.js';
import { ensureElectronSqlite } from './native-build.js';

const root = join(import.meta.dirname, '..', '..');

async function browserMode(why: string): Promise<void> {
  console.log(`marginalia: ${why}; opening browser mode instead (npm run web).`);
  await import('../web.js');
}

async function main(): Promise<void> {
  if (process.env.MARGINALIA_BROWSER === '1') return browserMode('MARGINALIA_BROWSER=1 is set');
  await bundleShell(root);
  let exe = electronBinary(root);
  if (!exe) {
    console.log('marginalia: downloading Electron (first start only)…');
    const fetched = fetchElectron(root);
    if (!fetched.ok) return browserMode(`Electron could not be downloaded (${fetched.reason})`);
    exe = electronBinary(root)!;
  }
  const version = electronVersion(root);
  let binding: string;
  try {
    binding = ensureElectronSqlite(root, version);
  } catch (err) {
    return browserMode(`better-sqlite3 could not be prepared for Electron ${version} (${(err as Error).message})`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_SQLITE_BINDING: binding };
  // Set by some tools; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
