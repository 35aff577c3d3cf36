/**
 * The two-coder project the Compare coders specs start from: three transcripts, their cases, and
 * Alice's and Bob's codings (fixtures/codings-two-coders.csv), made with the real CLI and served
 * in browser mode. `marginaliaJson` runs the CLI with --json on the same file, so a spec can
 * compare what the page shows with what `marginalia agreement --json` says.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, serveFreshProject, type Served } from './workspace.js';

export async function serveTwoCoderProject(): Promise<Served> {
  // Written before the server opens the project (it then holds the one-writer lock; reads still work).
  return serveFreshProject(['transcripts/co-01.txt', 'transcripts/ip-01.txt', 'transcripts/co-03-norway.txt'], (project) => {
    for (const args of [
      ['attributes', 'import', project, join(ROOT, 'fixtures/cases.csv')],
      ['doc', 'case', project, 'co-01.txt', 'CO-01'],
      ['doc', 'case', project, 'co-03-norway.txt', 'CO-03'],
      ['codings', 'import', project, join(ROOT, 'fixtures/codings-two-coders.csv')],
    ])
      marginalia(args);
  });
}

export function marginalia(args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'electron/cli/bin.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** `marginalia … --json` parsed. */
export function marginaliaJson<T = Record<string, unknown>>(args: string[]): T {
  return JSON.parse(marginalia([...args, '--json'])) as T;
}
