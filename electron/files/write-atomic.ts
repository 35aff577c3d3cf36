/**
 * Writing a file on this computer without ever leaving a partial one: the bytes go to a temporary
 * file beside the target, flushed to disk, which is then renamed over it (atomic on one file
 * system). Every export to a path writes through here (excerpts, .qdpx, the CLI's .qdc). The
 * common failures become one line a person can act on: a folder that cannot be written is told
 * apart from a target held open by another program (Windows refuses to replace a file Word or
 * Excel has open; the temporary file was written, so the folder is fine).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, MarginaliaError } from '../../shared/errors.js';

const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

export function writeFileAtomic(file: string, content: Uint8Array | string): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(resolve(file));
  const name = basename(file);
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) fail('invalid_input', `${name}: ${file} is a folder, not a file`);
  } catch (err) {
    if (err instanceof MarginaliaError) throw err;
  }
  const temp = join(dir, `.${name}.${process.pid}.${Date.now()}.part`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = codeOf(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') fail('invalid_input', `${name}: the folder ${dir} does not exist`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      fail('invalid_input', `${name}: cannot write in ${dir} (no permission, or the folder is read-only); choose another folder`);
    if (code === 'ENOSPC') fail('invalid_input', `${name}: the disk is full; nothing was written`);
    fail('invalid_input', `${name}: could not be written in ${dir} (${code})`);
  }
  try {
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    const code = codeOf(err);
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' || code === 'ETXTBSY')
      fail('invalid_input', `${name} is open in another program or read-only; close it there (or choose another name) and export again`);
    fail('invalid_input', `${name}: could not be replaced (${code})`);
  }
}
