/**
 * Crash consistency (issue 13, point 1): each action runs in a child process that is SIGKILLed at
 * a random moment, over 100 times in all; after every kill the project must open (the dead
 * child's lock cleared), pass integrity_check and foreign_key_check, and hold all or none of each
 * action (counted by the action's marker). The randomness is seeded; the seed is printed, and
 * CRASH_SEED=N replays a run.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../db/migrations.js';
import { closeProject, openProject } from '../../db/open.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { importParsed } from '../../electron/services/documents.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { normaliseText } from '../../shared/text/normalise.js';
import { detectTurns } from '../../shared/text/turns.js';
import type { CrashAction } from './worker.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures');
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS_PER_ACTION = 17;
const BOB_CODINGS = 30;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let worker: string;
let base: string;
let other: string;

beforeAll(async () => {
  console.log(`crash test seed: ${SEED} (replay with CRASH_SEED=${SEED})`);
  dir = mkdtempSync(join(tmpdir(), 'marginalia-crash-'));
  // One bundled file starts in a fraction of the time tsx needs, so the kills fit the time budget.
  const out = join(ROOT, '.tmp', 'crash');
  mkdirSync(out, { recursive: true });
  worker = join(out, `worker-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  });

  base = join(dir, 'base.marginalia');
  const s = initProject(base, { actor: 'setup' });
  const text = normaliseText(readFileSync(join(FIXTURES, 'transcripts', 'co-02.txt'), 'utf8'));
  importParsed(s, [{ file: 'co-02.txt', doc: { text, turns: detectTurns(text), cues: [], warnings: [] } }]);
  addCoder(s, 'Ann');
  closeSession(s);
  // The second coder's copy: the same project plus Bob's codings.
  other = join(dir, 'bob.marginalia');
  copyFileSync(base, other);
  const b = openSession(other, 'Bob');
  addCoder(b, 'Bob');
  for (let i = 0; i < BOB_CODINGS; i += 1)
    applyCoding(b, { document: 'co-02.txt', code: 'Dynamic security/Rapport', coder: 'Bob', start: i * 100, end: i * 100 + 20 });
  closeSession(b);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(worker, { force: true });
});

interface Run {
  killed: boolean;
  /** The child reported finishing its first action before the kill. */
  firstDone: number | null;
}

/** Starts the worker on `project`, waits until it is ready, kills it `delayMs` later (null: as soon as its first action is done). */
function runAndKill(action: CrashAction, project: string, delayMs: number | null): Promise<Run> {
  const child = spawn(process.execPath, [worker, action, project, FIXTURES, other], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MARGINALIA_MIGRATIONS_DIR: join(ROOT, 'db', 'migrations') },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let firstDone: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (timer === undefined && delayMs !== null && /^ready$/m.test(out)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      const done = /^done (\d+)$/m.exec(out);
      if (done && firstDone === null) {
        firstDone = Number(done[1]);
        if (delayMs === null) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal === 'SIGKILL' && /^ready$/m.test(out)) resolve({ killed: true, firstDone });
      else reject(new Error(`${action} worker ended with ${signal ?? code} before it was killed:\n${err}`));
    });
  });
}

const count = (db: Database.Database, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/** The file as the killed child left it: sound, and every action all or nothing. */
function verify(action: CrashAction, path: string): void {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true }), `${action}: integrity_check`).toBe('ok');
    expect(db.pragma('foreign_key_check'), `${action}: foreign_key_check`).toEqual([]);
    if (action === 'import') {
      const runs = db
        .prepare("SELECT substr(name, 1, instr(substr(name, 5), '-') + 4) AS run, count(*) AS n FROM documents WHERE name LIKE 'imp-%' GROUP BY run")
        .all() as {
        run: string;
        n: number;
      }[];
      for (const r of runs) expect(r.n, `import ${r.run}: all four files or none`).toBe(4);
      const imports = count(db, "SELECT count(DISTINCT batch) AS n FROM events WHERE action = 'document.import'");
      expect(imports === 0 || imports === runs.length + 1 || imports === runs.length, 'one event batch per import').toBe(true);
      // Every imported document has its text and turns.
      expect(count(db, 'SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = d.id)')).toBe(0);
    } else if (action === 'codebook-merge' || action === 'refi-import') {
      const prefix = action === 'codebook-merge' ? 'cb-%' : 'refi-%';
      const parents = db.prepare('SELECT id, name FROM codes WHERE name LIKE ? AND parent_id IS NULL').all(prefix) as { id: number; name: string }[];
      for (const p of parents) expect(count(db, 'SELECT count(*) AS n FROM codes WHERE parent_id = ?', p.id), `${p.name}: all eight children or none`).toBe(8);
      const stray =
        "SELECT count(*) AS n FROM codes WHERE name LIKE 'child %' AND (parent_id IS NULL OR parent_id NOT IN (SELECT id FROM codes WHERE name LIKE ?))";
      expect(count(db, stray, prefix)).toBe(0);
    } else if (action === 'coder-merge') {
      const bob = count(db, "SELECT count(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = 'Bob'");
      const merged = count(db, "SELECT count(*) AS n FROM events WHERE action = 'merge.project'");
      const coder = count(db, "SELECT count(*) AS n FROM coders WHERE name = 'Bob'");
      expect([bob, coder, merged], 'the merge: all of Bob’s work and its event, or none').toSatisfy(
        ([n, c, e]: number[]) => (n === 0 && c === 0 && e === 0) || (n === BOB_CODINGS && c === 1 && e === 1),
      );
    } else if (action === 'migration') {
      const version = db.pragma('user_version', { simple: true }) as number;
      expect([2, latestSchemaVersion()], 'schema 2 (before) or the latest (after)').toContain(version);
      const expected = JSON.parse(readFileSync(join(FIXTURES, 'projects', 'schema-2.counts.json'), 'utf8')) as { d: number; c: number; k: number };
      expect([
        count(db, 'SELECT count(*) AS n FROM documents'),
        count(db, 'SELECT count(*) AS n FROM codings'),
        count(db, 'SELECT count(*) AS n FROM codes'),
      ]).toEqual([expected.d, expected.c, expected.k]);
    } else {
      // Each coding and its event commit together: no coding without its event, no event without its coding.
      const codings = count(db, "SELECT count(*) AS n FROM codings c JOIN coders k ON k.id = c.coder_id WHERE k.name = 'Ann'");
      const events = count(db, "SELECT count(*) AS n FROM events WHERE action = 'coding.apply'");
      expect(codings, 'codings = their events').toBe(events);
      expect(
        count(db, "SELECT count(*) AS n FROM codings c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.entity_guid = c.guid AND e.action = 'coding.apply')"),
      ).toBe(0);
    }
  } finally {
    db.close();
  }
  // And it opens through the real path: the dead child's lock is cleared, the quick check passes.
  const project = openProject(path);
  closeProject(project);
}

/** Where each action starts from, and how long after "ready" a kill may land (ms). */
const PLAN: { action: CrashAction; source: () => string; window: (firstDone: number) => number }[] = [
  { action: 'import', source: () => base, window: () => 400 },
  { action: 'codebook-merge', source: () => base, window: () => 300 },
  { action: 'codings-burst', source: () => base, window: () => 300 },
  { action: 'refi-import', source: () => base, window: () => 300 },
  // One-shot actions: kills spread over the time the first (unkilled) run took.
  { action: 'coder-merge', source: () => base, window: (t) => t * 1.2 + 5 },
  { action: 'migration', source: () => join(FIXTURES, 'projects', 'schema-2.marginalia'), window: (t) => t * 1.2 + 5 },
];

describe('SIGKILL at random moments leaves a sound project with each action all or nothing', () => {
  it(`${PLAN.length} actions × ${KILLS_PER_ACTION} kills`, { timeout: 240_000 }, async () => {
    const random = rng(SEED);
    let kills = 0;
    let midAction = 0;
    let round = 0;
    const jobs: (() => Promise<void>)[] = [];
    for (const step of PLAN) {
      // The first run of each calibrates the window: it is killed just after its first action.
      let duration = 50;
      const once = async (k: number) => {
        const path = join(dir, `${step.action}-${(round += 1)}`, 'p.marginalia');
        mkdirSync(join(path, '..'));
        copyFileSync(step.source(), path);
        const delay = k === 0 ? null : Math.floor(random() * step.window(duration));
        const r = await runAndKill(step.action, path, delay);
        if (k === 0 && r.firstDone !== null) duration = Math.max(5, r.firstDone);
        kills += 1;
        if (k > 0 && r.firstDone === null) midAction += 1;
        verify(step.action, path);
        rmSync(join(path, '..'), { recursive: true, force: true });
      };
      jobs.push(async () => {
        for (let k = 0; k < KILLS_PER_ACTION; k += 1) await once(k);
      });
    }
    // Two actions at a time (a 2-core machine).
    const queue = [...jobs];
    await Promise.all(
      [0, 1].map(async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job();
      }),
    );
    console.log(`crash test: ${kills} kills, ${midAction} before the first action finished (seed ${SEED})`);
    expect(kills).toBeGreaterThanOrEqual(100);
  });
});
