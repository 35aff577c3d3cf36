/**
 * One writer per project, across processes: a lock file beside the project
 * (`NAME.marginalia.lock`) holding who has it (pid, host, start time). It is created with an
 * exclusive link, so two processes can never both believe they made it. Within one process the
 * lock is counted, not re-taken: the web server and a door in the same test share it.
 *
 * Why not SQLite's `locking_mode = EXCLUSIVE`: in WAL mode that blocks readers too (the CLI's
 * `check`, `backups`), it is only taken at the first read rather than at open, a second opener
 * learns of it as SQLITE_BUSY after the busy timeout rather than as a message naming the other
 * program, and it would forbid the second connection a process itself opens (a merge's copy,
 * tests). A crashed holder leaves the file behind; it is stale when its pid is gone (or reused by
 * another program, told apart by the process start time) and is then cleared.
 */
import { closeSync, linkSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { MarginaliaError } from '../shared/errors.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO). */
  since: string;
  /** The holder's process start time as the OS counts it (Linux /proc), to tell a reused pid apart. */
  procStart: string | null;
}

interface Held {
  file: string;
  count: number;
  me: LockHolder;
}

const held = new Map<string, Held>();

export const lockPathOf = (projectPath: string): string => `${projectPath}.lock`;

function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the parenthesised command name, which may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return { pid: v.pid, host: v.host, since: String(v.since ?? ''), procStart: typeof v.procStart === 'string' ? v.procStart : null };
  } catch {
    return null;
  }
}

/** A holder on this machine whose process is gone (or whose pid now belongs to another program). */
export function isStale(h: LockHolder): boolean {
  if (h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const now = procStartOf(h.pid);
  return h.procStart !== null && now !== null && now !== h.procStart;
}

export function describeHolder(projectPath: string, h: LockHolder): string {
  const when = h.since ? `, since ${h.since.replace('T', ' ').slice(0, 16)} UTC` : '';
  return `${basename(projectPath)}: open in another Marginalia (process ${h.pid} on ${h.host}${when}); close it there first`;
}

/**
 * Creates `file` holding `text` only if no file is there: write a private file, then link it.
 * Not fsynced: other processes read it from the same page cache, and a lock that a power cut
 * leaves empty or half written is unreadable, which tryLock treats as stale (its holder is gone
 * anyway). The fsync cost every open about 2 ms.
 */
function createExclusive(file: string, text: string): boolean {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create is the next best thing.
    const fd2 = openSync(file, 'wx');
    try {
      writeSync(fd2, text);
    } finally {
      closeSync(fd2);
    }
    return true;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

/** One key per file however it was named (relative, through a linked folder), even before it exists. */
const keyOf = (projectPath: string): string => {
  try {
    return join(realpathSync(dirname(projectPath)), basename(projectPath));
  } catch {
    return resolve(projectPath);
  }
};

export type LockResult = { ok: true; release(): void } | { ok: false; holder: LockHolder };

/** Takes (or, in this process, shares) the project's lock; `ok: false` names the live holder. */
export function tryLock(projectPath: string): LockResult {
  const key = keyOf(projectPath);
  const mine = held.get(key);
  if (mine) {
    mine.count += 1;
    return { ok: true, release: releaser(key) };
  }
  const file = lockPathOf(key);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), procStart: procStartOf(process.pid) };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createExclusive(file, JSON.stringify(me))) {
      held.set(key, { file, count: 1, me });
      return { ok: true, release: releaser(key) };
    }
    const other = readHolder(file);
    if (other && other.pid === process.pid && other.host === me.host) {
      // Ours from an earlier module instance in this process (no one else can have our pid here).
      held.set(key, { file, count: 1, me: other });
      return { ok: true, release: releaser(key) };
    }
    // Unreadable: a holder killed between creating and linking cannot happen (the link is atomic),
    // so it is a damaged or foreign file, or one a power cut left empty; treat it as stale like a dead pid.
    if (other && !isStale(other)) return { ok: false, holder: other };
    try {
      unlinkSync(file);
    } catch {
      /* someone else cleared it first */
    }
  }
  throw new MarginaliaError('conflict', `${basename(projectPath)}: could not take the project's lock file (${basename(file)}); try again`);
}

function releaser(key: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const h = held.get(key);
    if (!h) return;
    h.count -= 1;
    if (h.count > 0) return;
    held.delete(key);
    removeIfOurs(h);
  };
}

function removeIfOurs(h: Held): void {
  const now = readHolder(h.file);
  if (now && now.pid === h.me.pid && now.since === h.me.since) {
    try {
      unlinkSync(h.file);
    } catch {
      /* already gone */
    }
  }
}

/** Whoever holds the project now (live or stale), or null; for messages and tests. */
export function lockHolder(projectPath: string): LockHolder | null {
  return readHolder(lockPathOf(keyOf(projectPath)));
}

// A normal exit (even process.exit) leaves no lock behind; SIGKILL does, and the next opener clears it.
process.on('exit', () => {
  for (const h of held.values()) removeIfOurs(h);
});
