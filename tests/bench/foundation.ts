/**
 * Foundation benchmarks (issue 2): import speed, bulk codings, FTS query, opening a large project.
 * Run through `npm run bench`. Medians of several runs: this machine is shared and noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../../db/action.js';
import { addCoder } from '../../electron/services/codings.js';
import { placeCodings } from '../../electron/services/placement.js';
import { createCode } from '../../electron/services/codebook.js';
import { documents, importFiles, importParsed } from '../../electron/services/documents.js';
import { initProject } from '../../electron/services/project.js';
import { search } from '../../electron/services/search.js';
import { closeSession, openSession } from '../../electron/services/session.js';
import { detectTurns } from '../../shared/text/turns.js';
import { rng, transcript, transcriptDocx } from './generate.js';
import { median, printTable, timeAsync, timeIt, timeWithCpu, type Row } from './stats.js';

const fmt = (n: number, unit: string, digits = 1) => `${n.toFixed(digits)} ${unit}`;

export async function foundationBench(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const txtDir = join(dir, 'txt');
  const docxDir = join(dir, 'docx');
  mkdirSync(txtDir, { recursive: true });
  mkdirSync(docxDir, { recursive: true });
  const texts = Array.from({ length: 100 }, (_, i) => transcript(1000 + i, 10_000));
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  const txtFiles = texts.map((t, i) => {
    const f = join(txtDir, `interview-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(f, t);
    return f;
  });
  const docxFiles: string[] = [];
  for (const [i, t] of texts.entries()) {
    const f = join(docxDir, `interview-${String(i).padStart(3, '0')}.docx`);
    writeFileSync(f, await transcriptDocx(t));
    docxFiles.push(f);
  }

  // Import 100 .txt transcripts (3 runs into fresh projects).
  const txtRates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const s = initProject(join(dir, `txt-${run}.marginalia`), { empty: true });
    const ms = await timeAsync(() => importFiles(s, txtFiles));
    txtRates.push((txtFiles.length / ms) * 1000);
    closeSession(s);
  }
  const txtRate = median(txtRates);
  rows.push({ measure: 'import 100 × 10k-word .txt', value: fmt(txtRate, 'docs/s'), goal: '≥ 50 docs/s', ok: txtRate >= 50 });

  const docxRates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const s = initProject(join(dir, `docx-${run}.marginalia`), { empty: true });
    const ms = await timeAsync(() => importFiles(s, docxFiles));
    docxRates.push((docxFiles.length / ms) * 1000);
    closeSession(s);
  }
  const docxRate = median(docxRates);
  rows.push({ measure: 'import 100 × 10k-word .docx', value: fmt(docxRate, 'docs/s'), goal: '≥ 10 docs/s', ok: docxRate >= 10 });

  // FTS over the ~1M words of the first txt project.
  const s = openSession(join(dir, 'txt-0.marginalia'));
  const queries = ['trust', 'respect rules', '"first name"', 'secur*', 'securite', 'snitch', 'parole hearing', 'innsatte', 'camera', 'discretion warning'];
  const ftsTimes: number[] = [];
  for (let r = 0; r < 5; r += 1) for (const q of queries) ftsTimes.push(timeIt(() => search(s, q, 50)));
  const fts = median(ftsTimes);
  rows.push({
    measure: `FTS query, ${(words / 1e6).toFixed(2)}M words (50 hits)`,
    value: fmt(fts, 'ms', 2),
    goal: '< 20 ms',
    ok: fts < 20,
    note: `${ftsTimes.length} queries`,
  });

  // 20,000 codings in one action, through the same span-union rule as coding by hand.
  createCode(s, null, 'Bench');
  for (let k = 0; k < 39; k += 1) createCode(s, 'Bench', `Code ${k}`);
  addCoder(s, 'A');
  const codeIds = (s.project.sqlite.prepare('SELECT id FROM codes').all() as { id: number }[]).map((r) => r.id);
  const docs = documents(s);
  const codingTimes: number[] = [];
  const codingCpu: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const r = rng(77 + run);
    const coderId = addCoder(s, `Run ${run}`).id;
    const plan = Array.from({ length: 20_000 }, () => {
      const d = docs[Math.floor(r() * docs.length)]!;
      const start = Math.floor(r() * (d.length - 400));
      return { d, start, end: start + 20 + Math.floor(r() * 300), codeId: codeIds[Math.floor(r() * codeIds.length)]! };
    });
    const textCache = new Map<number, string>();
    for (const d of docs)
      textCache.set(d.id, (s.project.sqlite.prepare('SELECT text FROM document_texts WHERE document_id = ?').get(d.id) as { text: string }).text);
    const t = timeWithCpu(() =>
      runAction(s.project, 'bench', (action) => {
        placeCodings(
          action,
          plan.map((p) => ({ documentId: p.d.id, codeId: p.codeId, coderId, start: p.start, end: p.end })),
          textCache,
        );
      }),
    );
    codingTimes.push(t.wall);
    codingCpu.push(t.cpu);
  }
  const codingMs = median(codingTimes);
  rows.push({
    measure: 'insert 20,000 codings (one action)',
    value: fmt(codingMs, 'ms', 0),
    goal: '< 1000 ms',
    ok: codingMs < 1000,
    note: `merge rule + event log; CPU ${median(codingCpu).toFixed(0)} ms`,
  });
  closeSession(s);

  // Open a project of 1,000 documents (~1,000 words each) and list them.
  const big = initProject(join(dir, 'thousand.marginalia'), { empty: true });
  const parsed = Array.from({ length: 1000 }, (_, i) => {
    const text = transcript(5000 + i, 1000);
    return { file: `doc-${i}.txt`, doc: { text, turns: detectTurns(text), cues: [], warnings: [] } };
  });
  importParsed(big, parsed);
  closeSession(big);
  const openTimes: number[] = [];
  for (let r = 0; r < 7; r += 1) {
    openTimes.push(
      timeIt(() => {
        const o = openSession(join(dir, 'thousand.marginalia'));
        documents(o);
        closeSession(o);
      }),
    );
  }
  const openMs = median(openTimes);
  rows.push({ measure: 'open a 1,000-document project + list', value: fmt(openMs, 'ms', 1), goal: '< 300 ms', ok: openMs < 300 });
  return rows;
}

export { printTable };
