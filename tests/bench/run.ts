/** `npm run bench`: prints a table of figures for each area. Not a test: nothing here fails CI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreementBench } from './agreement.js';
import { analysisBench } from './analysis.js';
import { cliBench } from './cli.js';
import { compareBench } from './compare.js';
import { excerptsBench } from './excerpts.js';
import { foundationBench } from './foundation.js';
import { historyBench } from './history.js';
import { refiBench } from './refi.js';
import { safetyBench } from './safety.js';
import { printTable } from './stats.js';
import { workspaceBench } from './workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-'));
try {
  console.log(`Marginalia benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  const only = process.argv[2];
  if (!only || only === 'foundation') printTable('Foundation (project file, import, codings, search)', await foundationBench(dir));
  if (!only || only === 'agreement') printTable('Agreement (two coders)', await agreementBench(dir));
  if (!only || only === 'workspace') {
    const w = await workspaceBench(dir);
    printTable('Workspace (2-hour interview, 1,500 codings, headless Chromium)', w.rows);
    for (const n of w.notes) console.log(n);
  }
  if (!only || only === 'compare') {
    const c = await compareBench(dir);
    printTable('Compare coders (200 documents × 40 codes, 2 × 10,000 codings, headless Chromium)', c.rows);
    for (const n of c.notes) console.log(n);
  }
  if (!only || only === 'analysis') {
    const a = await analysisBench(dir);
    printTable('Analysis (200 interviews × 100 codes, 2 × 10,000 codings)', a.rows);
    for (const n of a.notes) console.log(n);
  }
  if (!only || only === 'cli') {
    const c = await cliBench(dir);
    printTable('CLI (whole `marginalia` processes, wall clock)', c.rows);
    for (const n of c.notes) console.log(n);
  }
  if (!only || only === 'history') printTable('Undo history and audit (5,000 logged actions by two people, 100 interviews)', await historyBench(dir));
  if (!only || only === 'excerpts') printTable('Themed excerpt export (10,000 coded passages, 200 interviews)', await excerptsBench(dir));
  if (!only || only === 'refi') {
    const r = await refiBench(dir);
    printTable('REFI-QDA exchange (200 documents, 20,000 codings)', r.rows);
    for (const n of r.notes) console.log(n);
  }
  if (!only || only === 'safety') {
    const r = await safetyBench(dir);
    printTable('Data safety (200 documents, 2 × 5,000 codings)', r.rows);
    for (const n of r.notes) console.log(n);
  }
} finally {
  if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true });
  else console.log('kept', dir);
}
