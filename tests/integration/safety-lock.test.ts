/**
 * One writer per project (issue 13, point 4), with real processes: while browser mode has a project
 * open, another process may read it but every write is refused in one line (exit 1); a second
 * server is refused; a lock left by a killed process is cleared by the next opener. Within one
 * process the lock is shared, so a server and a door on the same file (as tests do) both work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../db/lock.js';
import { openProjectDoor } from '../../electron/api/door.js';
import { startBridge } from '../../electron/bridge/http.js';
import { openSession, closeSession } from '../../electron/services/session.js';
import { cleanup, cli, dump, expectFailure, fixture, freshDir, ok, ROOT } from './cli-harness.js';

afterAll(cleanup);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** `npm run web` on the project, as a separate process; resolves once it serves. */
function serve(project: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', project], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((ok, fail) => {
    let out = '';
    const read = (b: Buffer) => {
      out += b.toString();
      if (/Open http/.test(out)) ok(child);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`web exited ${code}: ${out}`)));
  });
}

function project(): string {
  const path = join(freshDir(), 'study.marginalia');
  ok(['init', path]);
  ok(['import', path, fixture('transcripts', 'co-02.txt')]);
  return path;
}

const exited = (c: ChildProcess) => new Promise<void>((done) => (c.exitCode !== null || c.signalCode !== null ? done() : c.once('exit', () => done())));

describe('one writer per project, across processes', () => {
  it('a second process reads, but its writes are refused in one line, and nothing changes', { timeout: 180_000 }, async () => {
    const path = project();
    const server = await serve(path);
    const holder = JSON.parse(readFileSync(lockPathOf(path), 'utf8')) as { pid: number; host: string };
    expect(holder.pid).toBe(server.pid);
    const before = dump(path);

    const busy = new RegExp(`^marginalia: study\\.marginalia: open in another Marginalia \\(process ${server.pid} on .+\\); close it there first\\n$`);
    expectFailure(cli(['coders', 'add', path, 'Bob']), busy);
    expectFailure(cli(['import', path, fixture('transcripts', 'co-01.txt')]), busy);
    expectFailure(cli(['restore', path, 'anything.marginalia']), busy);
    // Reading is fine: the list, the integrity check, a backup (it only reads the project).
    expect(ok(['docs', path])).toContain('co-02.txt');
    expect(ok(['check', path])).toMatch(/sound/);
    expect(ok(['backup', path])).toMatch(/Backed up to/);
    expect(dump(path)).toBe(before);

    // A second server is refused outright.
    const second = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(second);
    let err = '';
    second.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((done) => second.on('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(err).toMatch(/^marginalia web: study\.marginalia: open in another Marginalia \(process \d+ on .+\); close it there first\n$/);

    // Once the server stops, the lock is gone and writes work again.
    server.kill('SIGTERM');
    await exited(server);
    expect(existsSync(lockPathOf(path))).toBe(false);
    ok(['coders', 'add', path, 'Bob']);
  });

  it('a lock left by a killed process (dead pid) is cleared by the next opener', { timeout: 120_000 }, async () => {
    const path = project();
    const server = await serve(path);
    server.kill('SIGKILL');
    await exited(server);
    // SIGKILL gives no chance to clean up: the lock file stays behind.
    expect(existsSync(lockPathOf(path))).toBe(true);
    ok(['coders', 'add', path, 'Bob']);
    expect(ok(['coders', path])).toContain('Bob');
    expect(existsSync(lockPathOf(path))).toBe(false);
  });

  it('an empty or half-written lock (what a power cut can leave: the lock file is not fsynced) is cleared by the next opener', () => {
    for (const left of ['', '{"pid":12']) {
      const path = project();
      writeFileSync(lockPathOf(path), left);
      ok(['coders', 'add', path, 'Bob']);
      expect(ok(['coders', path])).toContain('Bob');
      expect(existsSync(lockPathOf(path))).toBe(false);
    }
  });
});

describe('within one process the lock is shared', () => {
  it('a server and a door on the same file both write; the lock goes with the last one closed', async () => {
    const path = project();
    const session = openSession(path, 'tester');
    const bridge = await startBridge({ session, staticDir: ROOT });
    const door = openProjectDoor(path, 'tester');
    try {
      expect(door.path).toBe(path);
      await door.call('coders.add', { name: 'Door' });
      const r = await fetch(`http://127.0.0.1:${bridge.port}/api/coders.add`, {
        method: 'POST',
        headers: { 'x-marginalia-token': bridge.token, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bridge' }),
      });
      expect(((await r.json()) as { ok: boolean }).ok).toBe(true);
      expect((await door.call('coders.list')).map((c) => c.name).sort()).toEqual(['Bridge', 'Door']);
      door.close();
      expect(existsSync(lockPathOf(path))).toBe(true);
    } finally {
      await bridge.close();
      closeSession(session);
    }
    expect(existsSync(lockPathOf(path))).toBe(false);
  });
});
