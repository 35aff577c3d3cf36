/**
 * `npm run web -- [PROJECT] [--port N]`: browser mode. Opens the project (or the demo project,
 * built from fixtures/ on first use), starts the HTTP bridge on 127.0.0.1 and prints the URL.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBridge } from './bridge/http.js';
import { buildDemoProject } from './services/demo.js';
import { demoProjectPath } from './services/paths.js';
import { closeSession, openSession, type Session } from './services/session.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' } } });
const requested = positionals[0];
const path = requested ?? demoProjectPath();
let session: Session;
if (!requested && !existsSync(path)) {
  mkdirSync(dirname(path), { recursive: true });
  session = await buildDemoProject(path, join(import.meta.dirname, '..', 'fixtures'));
} else {
  session = openSession(path);
}
const bridge = await startBridge(session, values.port ? { port: Number(values.port) } : {});
console.log(`Marginalia (browser mode) — ${path}`);
console.log(`Open ${bridge.url}`);
console.log('Only this machine can connect (127.0.0.1), and only with the token in that link. Ctrl+C stops.');
const stop = async () => {
  await bridge.close();
  closeSession(session);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
