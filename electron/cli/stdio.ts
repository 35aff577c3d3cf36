/**
 * The command's output, written straight to file descriptors 1 and 2. process.stdout and
 * process.stderr are streams whose first use loads Node's stream modules, about 2 ms of a short
 * command's start; the CLI writes whole texts and needs none of what streams add.
 *
 * Writes are synchronous and complete: a partial write continues where it stopped, and a pipe
 * opened non-blocking by the reader (EAGAIN) is waited on, a millisecond at a time. When the
 * reader goes away (`marginalia doc show … | head`), the rest of the output is dropped quietly and
 * the command ends as it would have (its project closed, its lock released, its exit status).
 *
 * On Windows the output goes through process.stdout and process.stderr, as before: a console
 * there takes text as UTF-16 (Node's TTY stream converts it), and UTF-8 bytes written straight to
 * its handle would show as mojibake under most code pages.
 */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Descriptors whose reader has gone (EPIPE): nothing more is written to them. */
const gone = new Set<number>();

function writeAll(fd: number, text: string): void {
  if (gone.has(fd)) return;
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') {
        gone.add(fd);
        return;
      } else throw err;
    }
  }
}

const listening = new Set<number>();

function viaStream(fd: 1 | 2, text: string): void {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!listening.has(fd)) {
    listening.add(fd);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      gone.add(fd);
    });
  }
  if (!gone.has(fd)) stream.write(text);
}

const write = (fd: 1 | 2, text: string): void => (process.platform === 'win32' ? viaStream(fd, text) : writeAll(fd, text));

export const writeStdout = (text: string): void => write(1, text);
export const writeStderr = (text: string): void => write(2, text);
