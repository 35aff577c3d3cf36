/**
 * Analysis benchmarks (issue 11, "Speed"): 200 interviews of 50,000 characters in speaker turns
 * of 400, 100 codes, two coders with 10,000 codings each (20,000 in all), every interview its
 * own case with a role. The co-occurrence matrix is timed as pure computation and as the report
 * read from the project file; the Analysis view is timed in headless Chromium from the click to
 * the frame after its chart is drawn, measured inside the page.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { runAction } from '../../db/action.js';
import { cooccurrence } from '../../electron/services/analysis/cooccurrence.js';
import { frequencies } from '../../electron/services/analysis/frequencies.js';
import { crosstab } from '../../electron/services/analysis/crosstab.js';
import { assignDocumentCase, importParsed } from '../../electron/services/documents.js';
import { importAttributesCsvText } from '../../electron/services/cases.js';
import { addCoder } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { placeCodings } from '../../electron/services/placement.js';
import { initProject } from '../../electron/services/project.js';
import { closeSession, type Session } from '../../electron/services/session.js';
import { cooccurrenceMatrix, type MeetInterval } from '../../shared/analysis/cooccurrence.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { ROOT, startWeb } from '../e2e/workspace.js';
import { rng } from './generate.js';
import { median, timeWithCpu, type Row } from './stats.js';

const DOCS = 200;
const LENGTH = 50_000;
const TURN = 400;
const CODES = 100;
const PER_CODER = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const OUT = join(ROOT, '.tmp', 'a-bench-analysis');

const ms = (n: number) => `${n.toFixed(1)} ms`;
const spread = (xs: number[]) => `min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, n=${xs.length}`;

interface Gen {
  doc: number;
  code: number;
  coder: number;
  start: number;
  end: number;
}

export function generate(): Gen[] {
  const r = rng(1111);
  const out: Gen[] = [];
  for (let coder = 0; coder < 2; coder += 1) {
    for (let i = 0; i < PER_CODER; i += 1) {
      const start = Math.floor(r() * (LENGTH - 700));
      // Skewed code use, as in real code books: a few codes carry most codings.
      const code = Math.min(CODES - 1, Math.floor(CODES * r() * r()));
      out.push({ doc: Math.floor(r() * DOCS), code, coder, start, end: start + 40 + Math.floor(r() * 600) });
    }
  }
  return out;
}

export function buildProject(dir: string, list: Gen[]): Session {
  const session = initProject(join(dir, 'analysis-bench.marginalia'), { empty: true });
  const filler = 'officer inmate trust respect range talk rules '.repeat(Math.ceil(LENGTH / 45)).slice(0, LENGTH);
  const turns = Array.from({ length: Math.ceil(LENGTH / TURN) }, (_, t) => ({
    start: t * TURN,
    end: Math.min(LENGTH, (t + 1) * TURN),
    speaker: t % 2 ? 'Officer' : 'Interviewer',
    speechStart: t * TURN,
  }));
  importParsed(
    session,
    Array.from({ length: DOCS }, (_, d) => ({
      file: `interview-${d}.txt`,
      doc: { text: `${String(d).padStart(6, '0')}${filler.slice(6)}`, turns, cues: [], warnings: [] },
    })),
  );
  for (let c = 0; c < CODES; c += 1) createCode(session, null, `Theme ${String(c).padStart(3, '0')}`);
  const coders = [addCoder(session, 'A').id, addCoder(session, 'B').id];
  const ids = (sql: string) => (session.project.sqlite.prepare(sql).all() as { id: number }[]).map((x) => x.id);
  const codeIds = ids('SELECT id FROM codes ORDER BY id');
  const docIds = ids('SELECT id FROM documents ORDER BY id');
  runAction(session.project, 'bench', (action) => {
    placeCodings(
      action,
      list.map((g) => ({ documentId: docIds[g.doc]!, codeId: codeIds[g.code]!, coderId: coders[g.coder]!, start: g.start, end: g.end })),
    );
  });
  const roles = ['officer', 'manager', 'parole officer', 'nurse'];
  importAttributesCsvText(session, `case,role\n${Array.from({ length: DOCS }, (_, d) => `P-${d},${roles[d % roles.length]}`).join('\n')}\n`, 'cases.csv');
  for (let d = 0; d < DOCS; d += 1) assignDocumentCase(session, `interview-${d}.txt`, `P-${d}`);
  return session;
}

/** In the page: clicks a button (the toolbar's Analysis, or a report tab) and resolves with the ms until that report's chart is painted. */
function viewProbe({ button, tab }: { button: string; tab: string }): Promise<number> {
  const b = [...document.querySelectorAll<HTMLButtonElement>('button')].find((x) => x.textContent?.trim() === button);
  if (!b) throw new Error(`no button ${button}`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tick = () => {
      const root = document.querySelector<HTMLElement>('section.analysis');
      if (root?.dataset.ready === 'true' && root.querySelector(`[data-testid="analysis-chart-${tab}"] svg`))
        return requestAnimationFrame(() => resolve(performance.now() - t0));
      if (root?.dataset.ready === 'true' && root.querySelector('[role="alert"]'))
        return reject(new Error(root.querySelector('[role="alert"]')!.textContent ?? ''));
      if (performance.now() - t0 > 60_000) return reject(new Error(`${tab} not ready`));
      requestAnimationFrame(tick);
    };
    b.click();
    requestAnimationFrame(tick);
  });
}

export async function analysisBench(dir: string): Promise<{ rows: Row[]; notes: string[] }> {
  const list = generate();
  const session = buildProject(dir, list);
  const stored = (session.project.sqlite.prepare('SELECT count(*) AS n FROM codings').get() as { n: number }).n;

  // Pure computation: the matrix from intervals already placed (overlap mode).
  const items: MeetInterval[] = list.map((g) => ({ code: g.code, coder: g.coder, doc: g.doc, lo: g.start, hi: g.end }));
  // Wall and CPU time: on a shared machine the second says what the work itself costs.
  const times = (fn: () => void) => Array.from({ length: RUNS }, () => timeWithCpu(fn));
  const pure = times(() => cooccurrenceMatrix(items, CODES));
  const fromFile = (mode: 'overlap' | 'turn' | 'near') => times(() => cooccurrence(session, {}, { mode, distance: 200 }));
  const overlap = fromFile('overlap');
  const turn = fromFile('turn');
  const near = fromFile('near');
  const freq = times(() => frequencies(session));
  const role = (session.project.sqlite.prepare("SELECT guid FROM attributes WHERE name = 'role'").get() as { guid: string }).guid;
  const tab = times(() => crosstab(session, {}, role));
  const project = session.project.path;
  closeSession(session);

  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'renderer/vite.config.ts', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  process.env.MARGINALIA_RENDERER_DIR = OUT;
  const web = await startWeb(project, ['--as', 'A']);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const view = { open: [] as number[], cooccurrence: [] as number[], crosstab: [] as number[] };
  let cold: number | undefined;
  const load = loadavg();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'A'));
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Analysis', exact: true }).waitFor();
    const probe = (button: string, tab: string) => page.evaluate(viewProbe, { button, tab });
    const back = async () => {
      await page.getByRole('button', { name: 'Code', exact: true }).click();
      await page.locator('section.analysis').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
    };
    cold = await probe('Analysis', 'frequencies');
    await back();
    for (let r = 0; r < RUNS; r += 1) {
      view.open.push(await probe('Analysis', 'frequencies'));
      await page.waitForTimeout(200);
      view.cooccurrence.push(await probe('Co-occurrence', 'cooccurrence'));
      await page.waitForTimeout(200);
      view.crosstab.push(await probe('Cross-tab', 'crosstab'));
      await page.waitForTimeout(200);
      await probe('Prevalence', 'frequencies');
      await back();
    }
  } finally {
    await browser.close();
    web.stop();
  }
  const row = (measure: string, xs: number[], goal: number, note = '') => ({
    measure,
    value: ms(median(xs)),
    goal: `< ${goal} ms`,
    ok: median(xs) < goal,
    note: `${spread(xs)}${note}`,
  });
  const cpuRow = (measure: string, xs: { wall: number; cpu: number }[], goal: number, note = '') =>
    row(
      measure,
      xs.map((x) => x.wall),
      goal,
      `; CPU ${ms(median(xs.map((x) => x.cpu)))}${note}`,
    );
  const rows: Row[] = [
    cpuRow(`co-occurrence matrix, ${CODES} codes × ${list.length.toLocaleString('en')} codings (pure computation, overlap)`, pure, 200),
    cpuRow('the same report read from the project file: overlap', overlap, 200, `; ${stored.toLocaleString('en')} codings stored after the merge rule`),
    cpuRow('… same speaker turn', turn, 200),
    cpuRow('… within 200 characters', near, 200),
    cpuRow('frequencies and prevalence from the project file', freq, 200),
    cpuRow('cross-tab by role from the project file', tab, 200),
    row('open Analysis → prevalence table + bars painted', view.open, 500, `; first open (loads the view's code) ${ms(cold ?? NaN)}`),
    row('switch to Co-occurrence → table + heatmap painted', view.cooccurrence, 500),
    row('switch to Cross-tab → table + chart painted', view.crosstab, 500),
  ];
  const notes = [
    `Data: ${DOCS} interviews × ${LENGTH.toLocaleString('en')} characters in speaker turns of ${TURN}, ${CODES} codes, coders A and B with ${PER_CODER.toLocaleString('en')} codings each, one case per interview; viewport 1440×900.`,
    `Load average when the browser timing started: ${load.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min). Medians of ${RUNS} runs.`,
  ];
  return { rows, notes };
}
