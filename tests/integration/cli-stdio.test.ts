/**
 * The CLI writes its output to file descriptors 1 and 2 itself (electron/cli/stdio.ts): long
 * output arrives whole through a pipe, and a reader that stops early (`… | head`) ends the
 * command quietly, with no stack trace, no error status and the project closed.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../db/lock.js';
import { cleanup, freshDir, ok, okJson, ROOT } from './cli-harness.js';

afterAll(cleanup);

/** A project holding one transcript of about 300 kB (several times a pipe’s 64 kB buffer). */
function projectWithLongTranscript(): { project: string; text: string } {
  const dir = freshDir();
  const project = join(dir, 'long.marginalia');
  const lines = Array.from(
    { length: 4000 },
    (_, i) => `${i % 2 ? 'Officer' : 'Interviewer'}: line ${i + 1} — about rapport, boundaries and the wing’s routine.`,
  );
  writeFileSync(join(dir, 'long.txt'), `${lines.join('\n')}\n`);
  ok(['init', project, '--as', 'setup']);
  ok(['import', project, join(dir, 'long.txt'), '--as', 'setup']);
  // As stored (the import's own line handling), which `doc show` prints with one final newline.
  const stored = okJson<{ text: string }>(['doc', 'show', project, 'long.txt']).text;
  expect(stored.length).toBeGreaterThan(200_000);
  return { project, text: `${stored}\n` };
}

/** Runs the CLI, reading stdout until `stopAfter` bytes (then closing the pipe) or the end. */
function run(args: string[], stopAfter = Infinity): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['electron/cli/bin.cjs', ...args], { cwd: ROOT, env: { ...process.env, MARGINALIA_DEBUG: '' } });
    const out: Buffer[] = [];
    let got = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      got += chunk.length;
      if (got >= stopAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr }));
  });
}

describe('the CLI on a pipe', () => {
  const { project, text } = projectWithLongTranscript();

  it('long output arrives whole, byte for byte', async () => {
    const r = await run(['doc', 'show', project, 'long.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(text);
  });

  it('a reader that closes the pipe early ends the command quietly (exit 0, nothing on stderr)', async () => {
    const r = await run(['doc', 'show', project, 'long.txt'], 1);
    expect({ code: r.code, signal: r.signal, stderr: r.stderr.replace(/^marginalia: building .*\n/m, '') }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(r.stdout.length).toBeLessThan(text.length);
    // The command still closed the project as usual: SQLite folded and removed its write-ahead
    // log (a process that simply exits leaves the -wal file), and the lock is gone.
    expect(existsSync(`${project}-wal`)).toBe(false);
    expect(existsSync(lockPathOf(project))).toBe(false);
  });
});
