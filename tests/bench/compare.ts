/**
 * Compare coders benchmarks (issue 10, "Speed"): the agreement bench's project (200 documents ×
 * 40 codes, two coders with 10,000 codings each) in browser mode, in Debian's headless Chromium.
 * Each timing starts and stops inside the page (performance.now, requestAnimationFrame), with no
 * Playwright round trip in between; "painted" is one frame after the condition first holds.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { closeSession } from '../../electron/services/session.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { ROOT, startWeb } from '../e2e/workspace.js';
import { buildProject, generate } from './agreement.js';
import { median, type Row } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STEPS = 21;
/** Characters per speaker turn in the generated documents (250 turns per document). */
const TURN = 400;
const OUT = join(ROOT, '.tmp', 'r-bench-compare');
const UNITS = [
  ['Speaker turn', 'turn'],
  ['Document presence', 'document'],
  ['Segment', 'segment'],
  ['Character', 'character'],
] as const;

const ms = (n: number) => `${n.toFixed(1)} ms`;
const spread = (xs: number[]) => `min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, n=${xs.length}`;

export interface CompareResult {
  rows: Row[];
  notes: string[];
}

/**
 * In the page: clicks the toolbar's "Compare coders" (label null → open) or a unit button, and
 * resolves with the ms until the dashboard is ready at `unit` with its table and both charts
 * drawn, plus one frame. Self-contained: it is sent to the page as text.
 */
function dashboardProbe({ label, unit }: { label: string | null; unit: string }): Promise<number> {
  const buttons = label
    ? document.querySelectorAll<HTMLButtonElement>('[aria-labelledby="choice-unit-label"] button')
    : document.querySelectorAll<HTMLButtonElement>('.toolbar [aria-label="View"] button');
  const button = [...buttons].find((b) => b.textContent?.trim() === (label ?? 'Compare coders'));
  if (!button) throw new Error(`no button ${label ?? 'Compare coders'}`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tick = () => {
      const root = document.querySelector<HTMLElement>('.agreement-dashboard');
      const empty = root?.dataset.ready === 'true' && root.querySelector('.dash-empty, .dash-error');
      if (empty) return reject(new Error(`nothing to compare at ${unit}: ${empty.textContent}`));
      const done =
        root?.dataset.ready === 'true' &&
        root.querySelector(`[data-testid="agreement-table"][data-unit="${unit}"]`) &&
        root.querySelector('[data-testid="agreement-chart"] svg') &&
        root.querySelector('[data-testid="agreement-heatmap"] svg');
      if (done) return requestAnimationFrame(() => resolve(performance.now() - t0));
      if (performance.now() - t0 > 60_000) return reject(new Error(`dashboard not ready at ${unit}`));
      requestAnimationFrame(tick);
    };
    button.click();
    requestAnimationFrame(tick);
  });
}

/** In the page: presses J in the review; ms until the current item has a new data-id, and until the frame after. */
function nextProbe(): Promise<{ committed: number; painted: number }> {
  const current = () => document.querySelector('[data-testid="disagreement-current"]')?.getAttribute('data-id');
  const before = current();
  return new Promise((resolve, reject) => {
    let committed = -1;
    const watch = new MutationObserver(() => {
      if (committed < 0 && current() !== before) committed = performance.now() - t0;
    });
    watch.observe(document.querySelector('[data-testid="disagreement-review"]')!, { subtree: true, childList: true, attributes: true });
    const t0 = performance.now();
    const tick = () => {
      if (current() !== before) {
        watch.disconnect();
        return requestAnimationFrame(() => resolve({ committed, painted: performance.now() - t0 }));
      }
      if (performance.now() - t0 > 10_000) return reject(new Error('J did not move the review'));
      requestAnimationFrame(tick);
    };
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
    requestAnimationFrame(tick);
  });
}

async function backToCode(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Code', exact: true }).click();
  await page.locator('.agreement-dashboard').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
}

export async function compareBench(dir: string): Promise<CompareResult> {
  const { a, b } = generate();
  const session = buildProject(dir, a, b, TURN);
  const project = session.project.path;
  closeSession(session);
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'renderer/vite.config.ts', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  process.env.MARGINALIA_RENDERER_DIR = OUT;
  const web = await startWeb(project, ['--as', 'A']);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'A'));
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Compare coders' }).waitFor();
    const dash = (label: string | null, unit: string) => page.evaluate(dashboardProbe, { label, unit });

    // Warm-up: the first open also fetches the view's lazily loaded chunk.
    const load = loadavg();
    const cold = await dash(null, 'character');
    await backToCode(page);
    const open: number[] = [];
    const switches = new Map<string, number[]>(UNITS.map(([label]) => [label, []]));
    for (let r = 0; r < RUNS; r += 1) {
      open.push(await dash(null, 'character'));
      await page.waitForTimeout(300);
      for (const [label, unit] of UNITS) {
        switches.get(label)!.push(await dash(label, unit));
        await page.waitForTimeout(300);
      }
      await backToCode(page);
    }

    await page.getByRole('button', { name: 'Compare coders' }).click();
    const t0 = performance.now();
    await page.getByRole('tab', { name: 'Disagreements' }).click();
    await page.getByTestId('disagreement-current').waitFor({ timeout: 180_000 });
    const queueMs = performance.now() - t0;
    const count = await page.locator('[data-testid="disagreement-review"] .rv-count').innerText();
    await page.waitForTimeout(1000);
    const next: { committed: number; painted: number }[] = [];
    for (let s = 0; s < STEPS; s += 1) {
      next.push(await page.evaluate(nextProbe));
      // A person reads the passage; the next document is read ahead meanwhile.
      await page.waitForTimeout(200);
    }

    const openMs = median(open);
    const painted = next.map((n) => n.painted);
    const nextMs = median(painted);
    const rows: Row[] = [
      {
        measure: 'open Compare coders → table + κ/α chart + heatmap painted (character unit)',
        value: ms(openMs),
        goal: '< 500 ms',
        ok: openMs < 500,
        note: `${spread(open)}; first open (loads the view's chunk) ${ms(cold)}`,
      },
      ...UNITS.map(([label]) => {
        const xs = switches.get(label)!;
        return { measure: `switch unit → ${label}: ready + painted`, value: ms(median(xs)), goal: '< 500 ms', ok: median(xs) < 500, note: spread(xs) };
      }),
      {
        measure: 'Disagreements: J → next disagreement painted',
        value: ms(nextMs),
        goal: '< 50 ms',
        ok: nextMs < 50,
        note: `${spread(painted)}; in DOM ${ms(median(next.map((n) => n.committed)))}`,
      },
    ];
    const notes = [
      `Data: 200 documents × 100,000 characters in speaker turns of ${TURN} characters, 40 codes, coders A and B with 10,000 codings each (the agreement table's data); viewport 1440×900; review queue “${count.trim()}”, shown ${(queueMs / 1000).toFixed(1)} s after opening Disagreements.`,
      `Load average when timing started: ${load.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min). Headless ${browser.version()} with --disable-gpu; medians of ${RUNS} runs (J: ${STEPS} presses).`,
    ];
    return { rows, notes };
  } finally {
    await browser.close();
    web.stop();
  }
}
