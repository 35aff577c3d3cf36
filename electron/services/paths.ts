/** Where Marginalia keeps its own files (the demo project, settings) on each OS. Never the network. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function appDataDir(): string {
  if (process.env.MARGINALIA_HOME) return process.env.MARGINALIA_HOME;
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Marginalia');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Marginalia');
    default:
      return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'marginalia');
  }
}

export function demoProjectPath(): string {
  return join(appDataDir(), 'demo.marginalia');
}
