/**
 * Agreement benchmarks (issue 3): 200 documents × 100,000 characters, 40 codes, two coders with
 * 10,000 codings each, generated in memory. The character table uses interval sweeps; beside it,
 * the straightforward per-character computation on the same data, and the ratio.
 */
import {
  aggregateCharacterAgreement,
  bootstrapCI,
  characterCounts,
  characterStatsFromCounts,
  sumCharacterCounts,
  type CharacterCounts,
} from '../../shared/agreement/index.js';
import { characterAgreementNaive } from '../../shared/agreement/naive.js';
import type { Span } from '../../shared/types.js';
import { join } from 'node:path';
import { runAction } from '../../db/action.js';
import { characterReport } from '../../electron/services/agreement/character.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { importParsed } from '../../electron/services/documents.js';
import { placeCodings } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { rng } from './generate.js';
import { median, timeIt, timeWithCpu, type Row } from './stats.js';

const DOCS = 200;
const LENGTH = 100_000;
const CODES = 40;
const PER_CODER = 10_000;

export function generate(): { a: Span[][]; b: Span[][] } {
  const r = rng(2024);
  const a: Span[][] = Array.from({ length: DOCS * CODES }, () => []);
  const b: Span[][] = Array.from({ length: DOCS * CODES }, () => []);
  for (let i = 0; i < PER_CODER; i += 1) {
    const cell = Math.floor(r() * DOCS * CODES);
    const start = Math.floor(r() * (LENGTH - 600));
    const end = start + 30 + Math.floor(r() * 500);
    a[cell]!.push({ start, end });
    // The second coder mostly codes the same passage with shifted edges, sometimes something else.
    if (r() < 0.8) {
      const s2 = Math.max(0, start + Math.floor(r() * 20) - 10);
      b[cell]!.push({ start: s2, end: Math.max(s2 + 10, end + Math.floor(r() * 20) - 10) });
    } else {
      const s2 = Math.floor(r() * (LENGTH - 600));
      b[Math.floor(r() * DOCS * CODES)]!.push({ start: s2, end: s2 + 40 + Math.floor(r() * 400) });
    }
  }
  return { a, b };
}

/**
 * The same data in a real project file, to time the whole report as the CLI runs it. With
 * `turnLength`, each document is split into speaker turns of that many characters (the compare
 * bench needs them for the speaker-turn unit).
 */
export function buildProject(dir: string, a: Span[][], b: Span[][], turnLength = 0): Session {
  const session = initProject(join(dir, 'agreement-bench.marginalia'), { empty: true });
  const filler = 'officer inmate trust respect range talk rules '.repeat(Math.ceil(LENGTH / 45)).slice(0, LENGTH);
  const turns = turnLength
    ? Array.from({ length: Math.ceil(LENGTH / turnLength) }, (_, t) => {
        const start = t * turnLength;
        return { start, end: Math.min(LENGTH, start + turnLength), speaker: t % 2 ? 'Officer' : 'Interviewer', speechStart: start };
      })
    : [];
  importParsed(
    session,
    Array.from({ length: DOCS }, (_, d) => ({
      file: `doc-${d}.txt`,
      doc: { text: `${String(d).padStart(6, '0')}${filler.slice(6)}`, turns, cues: [], warnings: [] },
    })),
  );
  for (let c = 0; c < CODES; c += 1) createCode(session, null, `Code ${c}`);
  const coderA = addCoder(session, 'A').id;
  const coderB = addCoder(session, 'B').id;
  const codeIds = (session.project.sqlite.prepare('SELECT id FROM codes ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const docIds = (session.project.sqlite.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  runAction(session.project, 'bench', (action) => {
    const list = (spans: Span[][], coderId: number) =>
      spans.flatMap((cell, i) => cell.map((s) => ({ documentId: docIds[i % DOCS]!, codeId: codeIds[Math.floor(i / DOCS)]!, coderId, ...s })));
    placeCodings(action, [...list(a, coderA), ...list(b, coderB)]);
  });
  return session;
}

export async function agreementBench(dir: string): Promise<Row[]> {
  const { a, b } = generate();
  const table = () => {
    const rows = a.map((spans, i) => ({ document: i % DOCS, code: Math.floor(i / DOCS), counts: characterCounts(LENGTH, spans, b[i]!) }));
    return aggregateCharacterAgreement(rows);
  };
  const runs = Array.from({ length: 7 }, () => timeWithCpu(table));
  const sweep = median(runs.map((r) => r.wall));
  const sweepCpu = median(runs.map((r) => r.cpu));

  // Per-character reference: too slow for all 8,000 cells, so time a fixed sample and scale.
  const sample = 200;
  const naiveMs = timeIt(() => {
    for (let i = 0; i < sample; i += 1) characterAgreementNaive(LENGTH, a[i]!, b[i]!);
  });
  const naiveFull = (naiveMs / sample) * a.length;

  const perDocument: CharacterCounts[] = Array.from({ length: DOCS }, (_, d) =>
    sumCharacterCounts(Array.from({ length: CODES }, (_, c) => characterCounts(LENGTH, a[c * DOCS + d]!, b[c * DOCS + d]!))),
  );
  const bootTimes: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    bootTimes.push(
      timeIt(() => {
        bootstrapCI(perDocument, (s) => characterStatsFromCounts(sumCharacterCounts(s)).kappa, { resamples: 1000, seed: k + 1 });
        bootstrapCI(perDocument, (s) => characterStatsFromCounts(sumCharacterCounts(s)).alpha, { resamples: 1000, seed: k + 1 });
      }),
    );
  }
  const boot = median(bootTimes);

  const session = buildProject(dir, a, b);
  const reportRuns = Array.from({ length: 5 }, () => timeWithCpu(() => characterReport(session, { coders: ['A', 'B'] })));
  const full = median(reportRuns.map((r) => r.wall));
  const fullCpu = median(reportRuns.map((r) => r.cpu));
  closeSession(session);
  return [
    {
      measure: 'character table: 200 docs × 100k chars × 40 codes (κ, α-binary; pooled, mean, weighted)',
      value: `${sweep.toFixed(1)} ms`,
      goal: '< 200 ms',
      ok: sweep < 200,
      note: `${a.length} code × document cells; median of 7; CPU ${sweepCpu.toFixed(0)} ms`,
    },
    {
      measure: 'same table, per-character reference (estimated)',
      value: `${(naiveFull / 1000).toFixed(1)} s`,
      goal: '—',
      ok: true,
      note: `estimated: ${sample} of ${a.length} cells timed (${naiveMs.toFixed(0)} ms) and scaled ×${a.length / sample}; the sweep is ${Math.round(naiveFull / sweep)}× faster`,
    },
    {
      measure: '1,000 bootstrap resamples of documents (κ and α-binary)',
      value: `${boot.toFixed(0)} ms`,
      goal: '< 2000 ms',
      ok: boot < 2000,
      note: 'pooled over all codes; median of 5',
    },
    {
      measure: 'the character report read from the project file (what `agreement` runs)',
      value: `${full.toFixed(0)} ms`,
      goal: '< 200 ms',
      ok: full < 200,
      note: `read codings, group, compute, build report; median of 5; CPU ${fullCpu.toFixed(0)} ms`,
    },
  ];
}
