/**
 * `npm run web -- [PROJECT] [--port N] [--as NAME]`: browser mode. Opens the project (or the
 * demo project, built from fixtures/ on first use; a PROJECT that does not exist yet: the start
 * screen, offering to create it), serves the API and the built renderer on
 * 127.0.0.1 and prints the link to open, which carries this run's token.
 */
import { parseArgs } from 'node:util';
import { startBridge } from './bridge/http.js';
import { toApiError } from '../shared/errors.js';
import { defaultActor } from './services/session.js';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { port: { type: 'string' }, as: { type: 'string' } } });
} catch (err) {
  console.error(`marginalia web: ${(err as Error).message}\nusage: npm run web -- [PROJECT] [--port N] [--as NAME]`);
  process.exit(2);
}
const { positionals, values } = parsed;
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`marginalia web: --port must be a whole number from 0 to 65535 (got ${values.port})`);
  process.exit(2);
}

try {
  // A path that does not exist yet opens the start screen, which offers to create the project there.
  const bridge = await startBridge({ ...(positionals[0] && { projectPath: positionals[0] }), offerMissing: true, port, actor: values.as ?? defaultActor() });
  console.log(`Marginalia (browser mode) — ${bridge.projectPath ?? `no project open; the start screen offers to create ${positionals[0]}`}`);
  console.log(`Open ${bridge.url}`);
  console.log('Only this machine can connect (127.0.0.1), and only with the token in that link. Ctrl+C stops.');
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  // One line, as the CLI does: the file and the problem.
  console.error(`marginalia web: ${toApiError(err).message}`);
  process.exit(1);
}
