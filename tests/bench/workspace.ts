/**
 * Workspace benchmarks (issue 4, "Speed"): a 2-hour interview with 1,500 codings by two coders,
 * in browser mode, in Debian's headless Chromium. Opening the document, applying a code, and
 * scrolling the whole transcript are timed inside the page (probes.ts); plus the bundle size.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { ROOT, startWeb } from '../e2e/workspace.js';
import { buildInterviewProject, CODERS, INTERVIEW, SMALL, wordStarts, type Interview } from './interview.js';
import { installProbes, type ApplyTiming, type OpenTiming, type Probes } from './probes.js';
import { median, type Row } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const OUT = join(ROOT, '.tmp', 'r-bench');

const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const spread = (xs: number[]) => `min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, n=${xs.length}`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export interface WorkspaceResult {
  rows: Row[];
  notes: string[];
}

/** The renderer built once into .tmp/r-bench; its JS and CSS, raw and gzipped. */
function buildRenderer(): { js: number; jsGz: number; css: number; cssGz: number } {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'renderer/vite.config.ts', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const size = { js: 0, jsGz: 0, css: 0, cssGz: 0 };
  const assets = join(OUT, 'assets');
  for (const f of readdirSync(assets)) {
    const data = readFileSync(join(assets, f));
    if (f.endsWith('.js')) {
      size.js += data.length;
      size.jsGz += gzipSync(data).length;
    }
    if (f.endsWith('.css')) {
      size.css += data.length;
      size.cssGz += gzipSync(data).length;
    }
  }
  return size;
}

/** Word ranges (3–12 words) inside the uncoded turns, one per run. */
function freeSpans(it: Interview, n: number): { start: number; end: number }[] {
  const free = it.turns.filter((t) => t.free);
  return Array.from({ length: n }, (_, i) => {
    const t = free[(i * 7) % free.length]!;
    const starts = wordStarts(it.text, t.start, t.end);
    const first = Math.min(i % 4, Math.max(0, starts.length - 2));
    const last = Math.min(starts.length - 1, first + 3 + (i % 10));
    const end = last + 1 < starts.length ? starts[last + 1]! - 1 : t.end;
    return { start: starts[first]!, end };
  });
}

type Probe = keyof Probes;
/** Calls a probe installed in the page. */
function probe<K extends Probe>(page: Page, name: K, arg?: Parameters<Probes[K]>[0]): Promise<Awaited<ReturnType<Probes[K]>>> {
  return page.evaluate(({ name, arg }) => (window as unknown as { probes: Record<string, (a: unknown) => unknown> }).probes[name]!(arg), {
    name,
    arg,
  }) as Promise<Awaited<ReturnType<Probes[K]>>>;
}

async function settle(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function measureOpen(page: Page, stripes: number, lines: number): Promise<OpenTiming[]> {
  const times: OpenTiming[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    await probe(page, 'open', { name: SMALL, stripes: 0, lines: 1 });
    await page.waitForTimeout(300);
    times.push(await probe(page, 'open', { name: INTERVIEW, stripes, lines }));
    await page.waitForTimeout(300);
  }
  return times;
}

async function measureApply(page: Page, it: Interview): Promise<ApplyTiming[]> {
  const out: ApplyTiming[] = [];
  for (const span of freeSpans(it, RUNS)) {
    const said = await probe(page, 'select', span);
    if (!/characters selected/.test(said)) throw new Error(`the app did not see the selection: ${said}`);
    out.push(await probe(page, 'apply', { start: span.start }));
    // Wait for the stored coding to replace the optimistic one, then take it back.
    await settle(page, () => page.evaluate((s) => !document.querySelector(`[data-codings*="pending-"][data-start="${s}"]`), span.start), 'the stored coding');
    await page.waitForTimeout(200);
    await page.keyboard.press('Control+z');
    await settle(page, () => probe(page, 'uncoded', { start: span.start }), 'the undo');
    await page.waitForTimeout(200);
  }
  return out;
}

export async function workspaceBench(dir: string): Promise<WorkspaceResult> {
  const data = await buildInterviewProject(dir);
  const size = buildRenderer();
  process.env.MARGINALIA_RENDERER_DIR = OUT;
  const web = await startWeb(data.project);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(installProbes);
    await page.addInitScript((c) => localStorage.setItem('marginalia.activeCoder', c), CODERS[0]);
    await page.goto(web.url);
    await page.locator('.doc-item .doc-name', { hasText: SMALL }).waitFor();
    await page.selectOption('select[aria-label="Show codings of"]', 'all');
    const version = browser.version();

    // Lines as the transcript counts them (one paragraph per line of the stored text).
    const open = await measureOpen(page, data.codings, data.interview.text.split('\n').length);
    const apply = await measureApply(page, data.interview);
    // Two speeds: a fast wheel or trackpad fling (a third of a screen per frame, ~15,000 px/s),
    // and a stress case of a whole new screen every frame.
    const passes = Math.max(3, Math.ceil(RUNS / 3));
    const scrollAt = async (step: number) => {
      const out = { intervals: [] as number[], work: [] as number[], screens: 0 };
      for (let r = 0; r < passes; r += 1) {
        const s = await probe(page, 'scroll', { step });
        out.intervals.push(...s.intervals);
        out.work.push(...s.work);
        out.screens = s.screens;
        await page.waitForTimeout(300);
      }
      return out;
    };
    const { intervals, work, screens } = await scrollAt(1 / 3);
    const stress = await scrollAt(1);

    const painted = apply.map((a) => a.painted);
    const openFirst = open.map((o) => o.first);
    const openWhole = open.map((o) => o.whole);
    const openPainted = open.map((o) => o.painted);
    const openMs = median(openPainted);
    const applyMs = median(painted);
    const workMs = median(work);
    const gapMs = median(intervals);
    const dropped = intervals.filter((x) => x > 20).length;
    const words = data.interview.text.split(/\s+/).length;
    const rows: Row[] = [
      {
        measure: `open the interview → first screen painted`,
        value: ms(median(openFirst)),
        goal: '< 60 ms',
        ok: median(openFirst) < 60,
        note: spread(openFirst),
      },
      { measure: `open the interview → stripes + highlights painted`, value: ms(openMs), goal: '< 300 ms', ok: openMs < 300, note: spread(openPainted) },
      {
        measure: `open the interview → whole text present (no blank tail)`,
        value: ms(median(openWhole)),
        goal: '< 300 ms',
        ok: median(openWhole) < 300,
        note: spread(openWhole),
      },
      {
        measure: `apply a code (key 1) → highlight painted`,
        value: ms(applyMs),
        goal: '< 16 ms',
        ok: applyMs < 16,
        note: `${spread(painted)}; in DOM ${ms(median(apply.map((a) => a.committed)))}, stripe ${ms(median(apply.map((a) => a.stripe)))}`,
      },
      {
        measure: `scroll top→bottom, ⅓ screen per frame: main-thread work per frame`,
        value: ms(workMs),
        goal: '< 16 ms',
        ok: workMs < 16,
        note: `p95 ${ms(pct(work, 95))}, max ${ms(Math.max(...work))}, ${work.length} frames (${screens} steps × ${passes})`,
      },
      {
        measure: `scroll top→bottom, ⅓ screen per frame: frame interval (rAF)`,
        value: ms(gapMs),
        goal: '≤ 16.7 ms (60 Hz)',
        ok: gapMs <= 17.5,
        note: `p95 ${ms(pct(intervals, 95))}, max ${ms(Math.max(...intervals))}, ${dropped} of ${intervals.length} > 20 ms`,
      },
      {
        measure: `scroll top→bottom, 1 screen per frame (stress): work per frame`,
        value: ms(median(stress.work)),
        goal: '—',
        ok: true,
        note: `p95 ${ms(pct(stress.work, 95))}, max ${ms(Math.max(...stress.work))}, ${stress.work.length} frames; every frame paints a whole new screen`,
      },
      { measure: 'renderer bundle: JS', value: kb(size.js), goal: '—', ok: true, note: `gzip ${kb(size.jsGz)}` },
      { measure: 'renderer bundle: CSS', value: kb(size.css), goal: '—', ok: true, note: `gzip ${kb(size.cssGz)}` },
    ];
    const notes = [
      `Data: ${data.interview.text.length.toLocaleString('en')} characters, ${words.toLocaleString('en')} words, ${data.interview.turns.length.toLocaleString('en')} turns, ${data.codings.toLocaleString('en')} codings by ${CODERS.join(' and ')} (Show: All coders), viewport 1440×900.`,
      `Headless ${version} (${CHROMIUM_PATH}) with --disable-gpu: no GPU, software raster; timings are taken in the page (performance.now, requestAnimationFrame); shared 2-core machine, so medians of ${RUNS} runs.`,
    ];
    return { rows, notes };
  } finally {
    await browser.close();
    web.stop();
  }
}
