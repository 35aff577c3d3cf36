/**
 * `npm run dist`: installers for this OS with electron-builder (electron-builder.yml). It
 * rebuilds better-sqlite3 for Electron in node_modules while it packages, so afterwards the
 * Node build is put back (`npm rebuild better-sqlite3`) and `npm test` keeps working.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleShell } from './bundle.js';

const root = join(import.meta.dirname, '..', '..');
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

await bundleShell(root);
const cli = createRequire(join(root, 'package.json')).resolve('electron-builder/cli.js');
const status = run(process.execPath, [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
const npm = process.env.npm_execpath;
const restored = npm
  ? run(process.execPath, [npm, 'rebuild', 'better-sqlite3'])
  : run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('marginalia: could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before `npm test`.');
process.exit(status || restored);
