/**
 * REFI-QDA exchange benchmarks (issue 14): a project of 200 documents and 20,000 codings (two
 * coders, a nested code book, cases with variables, some emoji so offsets need converting),
 * exported as .qdpx to a file. Goal: < 5 s each way. The import timing (engineer D) is added in
 * `importRows` below, reading the file this bench wrote.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { runAction } from '../../db/action.js';
import { importAttributesCsvText } from '../../electron/services/cases.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { importParsed } from '../../electron/services/documents.js';
import { placeCodings } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { buildQdc, buildQdpx, exportQdpxToFile } from '../../electron/services/refi/export/qdpx.js';
import { importQdpxFile } from '../../electron/services/refi/import/import-project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { rng, transcript } from './generate.js';
import { median, timeWithCpu, type Row } from './stats.js';

export const REFI_DOCS = 200;
export const REFI_CODINGS = 20_000;
const RUNS = 5;

/** The bench project: 200 transcripts of ~6,000 words (an emoji every ~40 lines), 40 codes in three levels, 2 coders. */
export function buildRefiBenchProject(dir: string): Session {
  const session = initProject(join(dir, 'refi-bench.marginalia'), { empty: true });
  const r = rng(14);
  const texts = Array.from({ length: REFI_DOCS }, (_, d) =>
    transcript(1000 + d, 6000)
      .split('\n')
      .map((line, i) => (i % 40 === 7 ? `${line} 😀` : line))
      .join('\n'),
  );
  importParsed(
    session,
    texts.map((text, d) => ({ file: `interview-${String(d).padStart(3, '0')}.txt`, doc: { text, turns: [], cues: [], warnings: [] } })),
  );
  for (let a = 0; a < 4; a += 1) {
    createCode(session, null, `Theme ${a}`, { color: '#4e79a7', definition: `Theme ${a} definition.` });
    for (let b = 0; b < 3; b += 1) {
      createCode(session, `Theme ${a}`, `Sub ${b}`, { inclusion: 'when it applies' });
      for (let c = 0; c < 2; c += 1) createCode(session, `Theme ${a}/Sub ${b}`, `Detail ${c}`);
    }
  }
  const coders = [addCoder(session, 'Alice').id, addCoder(session, 'Bob').id];
  const codeIds = (session.project.sqlite.prepare('SELECT id FROM codes ORDER BY id').all() as { id: number }[]).map((x) => x.id);
  const docs = session.project.sqlite.prepare('SELECT id, length FROM documents ORDER BY id').all() as { id: number; length: number }[];
  runAction(session.project, 'bench', (action) => {
    // A few more than 20,000: overlapping spans of the same code and coder merge when placed.
    const list = Array.from({ length: REFI_CODINGS + 200 }, () => {
      const d = Math.floor(r() * docs.length);
      const doc = docs[d]!;
      const start = Math.floor(r() * (doc.length - 700));
      // Keep spans off surrogate pairs: snap to a space.
      const s = texts[d]!.indexOf(' ', start) + 1;
      const e = texts[d]!.indexOf(' ', s + 40 + Math.floor(r() * 500));
      return { documentId: doc.id, codeId: codeIds[Math.floor(r() * codeIds.length)]!, coderId: coders[Math.floor(r() * 2)]!, start: s, end: e };
    });
    placeCodings(action, list);
  });
  const csv = [
    'case,role,years:number,interviewed:date,union:boolean',
    ...Array.from(
      { length: 20 },
      (_, i) => `P${i},${i % 2 ? 'officer' : 'resident'},${i + 1},2024-01-${String(i + 1).padStart(2, '0')},${i % 3 ? 'yes' : 'no'}`,
    ),
  ];
  importAttributesCsvText(session, `${csv.join('\n')}\n`, 'cases.csv');
  return session;
}

export async function refiBench(dir: string): Promise<{ rows: Row[]; notes: string[] }> {
  const session = buildRefiBenchProject(dir);
  const notes: string[] = [];
  const qdpx = join(dir, 'refi-bench.qdpx');
  try {
    const codings = (session.project.sqlite.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;
    const toFile = Array.from({ length: RUNS }, () => timeWithCpu(() => exportQdpxToFile(session, qdpx)));
    const inMemory = Array.from({ length: RUNS }, () => timeWithCpu(() => buildQdpx(session)));
    const qdc = Array.from({ length: RUNS }, () => timeWithCpu(() => buildQdc(session)));
    const size = readFileSync(qdpx).length;
    const rows: Row[] = [
      row(
        `export .qdpx to a file (${REFI_DOCS} documents, ${codings.toLocaleString('en-US')} codings)`,
        toFile,
        5000,
        `${(size / 1024 / 1024).toFixed(1)} MB zip`,
      ),
      row('  build in memory (browser download path)', inMemory, 5000),
      row('export .qdc code book (40 codes)', qdc, 500),
      ...(await importRows(qdpx, dir)),
    ];
    notes.push(`${RUNS} runs each; wall ms (cpu ms in the note). ${schemaNote(qdpx, dir)}`);
    return { rows, notes };
  } finally {
    closeSession(session);
  }
}

function row(measure: string, runs: { wall: number; cpu: number }[], goalMs: number, extra = ''): Row {
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  return {
    measure,
    value: `${Math.round(wall)} ms`,
    goal: `< ${goalMs.toLocaleString('en-US')} ms`,
    ok: wall < goalMs,
    note: `cpu ${Math.round(cpu)} ms${extra ? `; ${extra}` : ''}`,
  };
}

/** The exported project.qde checked with xmllint against the vendored Project.xsd. */
function schemaNote(qdpx: string, dir: string): string {
  const qde = join(dir, 'refi-bench.qde');
  writeFileSync(qde, strFromU8(unzipSync(readFileSync(qdpx))['project.qde']!));
  const r = spawnSync(
    '/usr/bin/xmllint',
    ['--noout', '--nonet', '--schema', join(import.meta.dirname, '..', '..', 'fixtures', 'refi-qda', 'Project.xsd'), qde],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? 'The exported project.qde validates against Project.xsd.' : `The exported project.qde does NOT validate: ${r.stderr.split('\n')[0]}`;
}

/**
 * Import timings of the same file (engineer D): the .qdpx read, checked and imported into a new
 * project file under `dir` each run (goal < 5 s), and the .qdc merged into an empty project.
 */
async function importRows(qdpx: string, dir: string): Promise<Row[]> {
  const runs: { wall: number; cpu: number }[] = [];
  let codings = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const out = join(dir, `imported-${i}.marginalia`);
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await importQdpxFile(qdpx, out);
    runs.push({ wall: performance.now() - t, cpu: ((d) => (d.user + d.system) / 1000)(process.cpuUsage(c)) });
    codings = r.counts.codings;
    rmSync(out, { force: true });
  }
  return [row(`import that .qdpx into a new project (${REFI_DOCS} documents, ${codings.toLocaleString('en-US')} codings)`, runs, 5000)];
}
