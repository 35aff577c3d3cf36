#!/usr/bin/env node
// The `marginalia` command: loads the TypeScript CLI through tsx and sets the exit code.
import { register } from 'tsx/esm/api';

// A closed pipe (`marginalia doc show … | head`) is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  // register(): one module graph, so packages such as drizzle-orm load once (tsImport would load them again).
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // main() catches everything it can; this is only for a broken install (e.g. a missing module).
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`marginalia: ${process.env.MARGINALIA_DEBUG === '1' && err instanceof Error ? err.stack : message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
