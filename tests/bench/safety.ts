/**
 * Data-safety benchmarks (issue 13): a backup of a 200-document project, and the integrity quick
 * check every open runs on it (plus the whole open, the full check and a restore, for scale).
 * Medians; wall and this process's CPU time, since the machine is shared.
 */
import { join } from 'node:path';
import { runAction } from '../../db/action.js';
import { quickCheck } from '../../db/integrity.js';
import { closeProject, openProject } from '../../db/open.js';
import { addCoder } from '../../electron/services/codings.js';
import { documents, importParsed } from '../../electron/services/documents.js';
import { placeCodings } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { backupNow } from '../../electron/services/safety/backups.js';
import { checkSession } from '../../electron/services/safety/check.js';
import { restoreInSession } from '../../electron/services/safety/restore.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { detectTurns } from '../../shared/text/turns.js';
import { rng, transcript } from './generate.js';
import { median, timeWithCpu, type Row } from './stats.js';

const DOCS = 200;
const RUNS = 7;

function timed(runs: number, fn: () => void): { wall: number; cpu: number } {
  const all = Array.from({ length: runs }, () => timeWithCpu(fn));
  return { wall: median(all.map((t) => t.wall)), cpu: median(all.map((t) => t.cpu)) };
}

const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

export async function safetyBench(dir: string): Promise<{ rows: Row[]; notes: string[] }> {
  const path = join(dir, 'safety.marginalia');
  const s = initProject(path, { actor: 'bench' });
  const texts = Array.from({ length: DOCS }, (_, i) => transcript(5000 + i, 10_000));
  importParsed(
    s,
    texts.map((text, i) => ({ file: `interview-${String(i).padStart(3, '0')}.txt`, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } })),
  );
  // Two coders with 5,000 codings each, spread over the documents and the default code book.
  const docs = documents(s);
  const codeIds = (s.project.sqlite.prepare('SELECT id FROM codes').pluck().all() as number[]).slice(0, 30);
  const random = rng(42);
  for (const name of ['Ann', 'Bob']) {
    const coderId = addCoder(s, name).id;
    runAction(s.project, 'bench', (action) =>
      placeCodings(
        action,
        Array.from({ length: 5000 }, () => {
          const d = docs[Math.floor(random() * docs.length)]!;
          const start = Math.floor(random() * (d.length - 400));
          return { documentId: d.id, codeId: codeIds[Math.floor(random() * codeIds.length)]!, coderId, start, end: start + 50 + Math.floor(random() * 300) };
        }),
        new Map(),
      ),
    );
  }
  const bytes = s.project.sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = s.project.sqlite.pragma('page_size', { simple: true }) as number;
  const size = `${((bytes * pageSize) / 1024 / 1024).toFixed(1)} MB`;

  const backup = timed(RUNS, () => backupNow(s, 'bench'));
  const quick = timed(RUNS, () => quickCheck(s.project.sqlite));
  const full = timed(3, () => checkSession(s));
  const made = backupNow(s, 'bench');
  const restore = timed(3, () => restoreInSession(s, made.name));
  closeSession(s);
  // The whole open a user waits for: header, lock, quick check (no migration, no daily backup due).
  const open = timed(RUNS, () => closeProject(openProject(path)));
  const session = timed(3, () => closeSession(openSession(path, 'bench')));

  return {
    rows: [
      { measure: `backup (VACUUM INTO) of ${DOCS} documents, 10,000 codings`, value: ms(backup), goal: '< 1 s', ok: backup.wall < 1000 },
      { measure: 'integrity quick check on open (PRAGMA quick_check)', value: ms(quick), goal: '< 200 ms', ok: quick.wall < 200 },
      { measure: 'open the project (lock + quick check)', value: ms(open), goal: '—', ok: true },
      { measure: 'open a session (the same, and the daily-backup test)', value: ms(session), goal: '—', ok: true },
      { measure: 'full check (integrity_check + foreign_key_check)', value: ms(full), goal: '—', ok: true },
      { measure: 'restore in an open session (check, back up, replace, reopen)', value: ms(restore), goal: '—', ok: true },
    ],
    notes: [`Project file: ${size} (${DOCS} documents × 10,000 words, 2 coders × 5,000 codings).`],
  };
}
