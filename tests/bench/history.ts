/**
 * Undo across restarts and the audit (issue 13): a project whose log holds 5,000 single-coding
 * actions by two people in 100 generated interviews. Measured: reading the undo list back from
 * the log on a freshly opened project, one undo and its redo, the audit's first page (all, and
 * one document's), and the whole trail as CSV. Medians of 5 runs each.
 */
import { join } from 'node:path';
import { createCode } from '../../electron/services/codebook.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { importParsed } from '../../electron/services/documents.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { audit, auditExport } from '../../electron/services/undo/audit.js';
import { historyState, redo, undo } from '../../electron/services/undo/history.js';
import { detectTurns } from '../../shared/text/turns.js';
import { rng, transcript } from './generate.js';
import { median, timeIt, type Row } from './stats.js';

const DOCS = 100;
const ACTIONS = 5_000;
const RUNS = 5;

function build(path: string): string {
  const s = initProject(path, { empty: true, actor: 'ann' });
  importParsed(
    s,
    Array.from({ length: DOCS }, (_, d) => {
      const text = transcript(d + 1, 1500);
      return { file: `interview-${String(d + 1).padStart(3, '0')}.txt`, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } };
    }),
  );
  for (let c = 0; c < 20; c += 1) createCode(s, null, `Code ${c + 1}`);
  addCoder(s, 'Ann');
  addCoder(s, 'Bob');
  const lengths = (s.project.sqlite.prepare('SELECT length FROM documents ORDER BY id').all() as { length: number }[]).map((r) => r.length);
  const bob = openSession(path, 'bob');
  const r = rng(7);
  for (let i = 0; i < ACTIONS; i += 1) {
    const d = Math.floor(r() * DOCS);
    const start = Math.floor(r() * (lengths[d]! - 200));
    const who = i % 2 ? bob : s;
    applyCoding(who, {
      document: `interview-${String(d + 1).padStart(3, '0')}.txt`,
      code: `Code ${1 + Math.floor(r() * 20)}`,
      coder: i % 2 ? 'Bob' : 'Ann',
      start,
      end: start + 20 + Math.floor(r() * 150),
    });
  }
  closeSession(bob);
  closeSession(s);
  return path;
}

export async function historyBench(dir: string): Promise<Row[]> {
  const path = build(join(dir, 'history-bench.marginalia'));
  const reopen: number[] = [];
  const step: number[] = [];
  const first: number[] = [];
  const byDoc: number[] = [];
  const csv: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const s = openSession(path, 'ann');
    try {
      reopen.push(timeIt(() => historyState(s)));
      step.push(timeIt(() => (undo(s), redo(s))));
      const doc = (s.project.sqlite.prepare("SELECT guid FROM documents WHERE name = 'interview-042.txt'").get() as { guid: string }).guid;
      first.push(timeIt(() => audit(s, { limit: 500 })));
      byDoc.push(timeIt(() => audit(s, { document: doc, limit: 500 })));
      csv.push(timeIt(() => (events = auditExport(s, {}).rows)));
    } finally {
      closeSession(s);
    }
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms`;
  return [
    { measure: 'undo list read from the log on open', value: ms(reopen), goal: '< 50 ms', ok: median(reopen) < 50 },
    { measure: 'one undo and its redo', value: ms(step), goal: '< 100 ms', ok: median(step) < 100 },
    { measure: 'audit: first page (500)', value: ms(first), goal: '< 200 ms', ok: median(first) < 200 },
    { measure: 'audit: one document, first page', value: ms(byDoc), goal: '< 200 ms', ok: median(byDoc) < 200 },
    { measure: `audit: whole trail as CSV (${events.toLocaleString('en')} events)`, value: ms(csv), goal: '< 1000 ms', ok: median(csv) < 1000 },
  ];
}
