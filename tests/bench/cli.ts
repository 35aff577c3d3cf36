/**
 * CLI start-up benchmarks (issue 9): wall time of whole `marginalia` processes, as a user or a
 * script pays it, on a realistic project (default code book, 6 interviews, 600 codings by two
 * coders) built through the CLI itself. Beside the bundle, the old way (sources through tsx).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureBundle, staleReason } from '../../electron/launch/cli-bundle.mjs';
import { rng, transcript } from './generate.js';
import { median, timeAsync, timeIt, type Row } from './stats.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join('electron', 'cli', 'bin.cjs');
const RUNS = 25;
const GOAL_MS = 150;

interface Spawn {
  args: string[];
  env?: Record<string, string>;
  /** What to start instead of `node electron/cli/bin.cjs`. */
  command?: string[];
  /** The exit status that counts as success (2 for a usage error). */
  status?: number;
  /** Variables taken out of the environment. */
  without?: string[];
}

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc (Linux,
 * 10 ms ticks); undefined elsewhere. Less swayed than wall time when others load the machine.
 */
function childCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function run({ args, env = {}, command = [process.execPath, BIN], status = 0, without = [] }: Spawn): { ms: number; cpu: number | undefined; stdout: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_DEBUG: '', ...env };
  for (const name of without) delete childEnv[name];
  const cpu0 = childCpu();
  const t = performance.now();
  const r = spawnSync(command[0]!, [...command.slice(1), ...args], { cwd: ROOT, encoding: 'utf8', env: childEnv });
  const ms = performance.now() - t;
  const cpu1 = childCpu();
  if (r.status !== status) throw new Error(`${command.join(' ')} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0, stdout: r.stdout };
}

interface Timing {
  ms: number;
  cpu: number | undefined;
}

/**
 * Median wall and CPU time of `runs` processes for each spawn, taken in turns (one of each, then
 * again) so that all see the same load on a shared machine; one unmeasured round first (which
 * also makes the bundle fresh).
 */
function timeInTurns(spawns: Spawn[], runs = RUNS): Timing[] {
  for (const s of spawns) run(s);
  const all = spawns.map(() => [] as { ms: number; cpu: number | undefined }[]);
  for (let k = 0; k < runs; k += 1) spawns.forEach((s, i) => all[i]!.push(run(s)));
  return all.map((rs) => {
    const cpus = rs.map((r) => r.cpu).filter((c): c is number => c !== undefined);
    return { ms: median(rs.map((r) => r.ms)), cpu: cpus.length === rs.length ? median(cpus) : undefined };
  });
}

const ok = (args: string[]): string => run({ args }).stdout;

function buildProject(dir: string): string {
  const path = join(dir, 'study.marginalia');
  const docs = join(dir, 'docs');
  mkdirSync(docs, { recursive: true });
  const texts = Array.from({ length: 6 }, (_, i) => transcript(900 + i, 8_000));
  const files = texts.map((t, i) => {
    const f = join(docs, `interview-${i + 1}.txt`);
    writeFileSync(f, t);
    return f;
  });
  ok(['init', path, '--as', 'bench']);
  ok(['import', path, ...files, '--as', 'bench']);
  const codes = (JSON.parse(ok(['codes', path, '--json'])) as { data: { path: string }[] }).data.map((c) => c.path);
  const r = rng(9);
  const rows = ['document,code,coder,start,end,memo'];
  for (let k = 0; k < 600; k += 1) {
    const d = Math.floor(r() * texts.length);
    const start = Math.floor(r() * (texts[d]!.length - 600));
    const end = start + 40 + Math.floor(r() * 500);
    rows.push(`interview-${d + 1}.txt,"${codes[Math.floor(r() * codes.length)]!}",${k % 2 ? 'Alice' : 'Bob'},${start},${end},`);
  }
  const csv = join(dir, 'codings.csv');
  writeFileSync(csv, `${rows.join('\n')}\n`);
  ok(['codings', 'import', path, csv, '--as', 'bench']);
  return path;
}

export async function cliBench(dir: string): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const project = buildProject(join(dir, 'cli'));
  const summary = (JSON.parse(ok(['info', project, '--json'])) as { data: { documents: number; codes: number; codings: number } }).data;
  notes.push(`Load average when timing started: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.`);
  notes.push(`Project: ${summary.documents} documents, ${summary.codes} codes, ${summary.codings} codings (default code book, two coders).`);

  // Node reads the certificates NODE_EXTRA_CA_CERTS names at every start, before any of our code
  // runs (this sandbox sets it for its npm proxy): timed both ways, so the CLI's own part shows.
  const certs = process.env.NODE_EXTRA_CA_CERTS ? ['NODE_EXTRA_CA_CERTS'] : [];
  const [codes, info, help, usage, floor, codesBare, floorBare] = timeInTurns([
    { args: ['codes', project] },
    { args: ['info', project] },
    { args: ['--help'] },
    { args: ['codes', project, '--bogus'], status: 2 },
    { args: [], command: [process.execPath, '-e', '0'] },
    ...(certs.length
      ? [
          { args: ['codes', project], without: certs },
          { args: [], command: [process.execPath, '-e', '0'], without: certs },
        ]
      : []),
  ]);
  const row = (measure: string, { ms, cpu }: Timing, note = `${RUNS} runs, floor + ${(ms - floor!.ms).toFixed(0)} ms`, goal = true): Row => ({
    measure,
    value: `${ms.toFixed(0)} ms`,
    goal: goal ? `< ${GOAL_MS} ms` : '',
    ok: goal ? ms < GOAL_MS : true,
    note: cpu === undefined ? note : `${note}, CPU ${cpu.toFixed(0)} ms`,
  });
  rows.push(row('marginalia codes PROJECT', codes!));
  rows.push(row('marginalia info PROJECT', info!));
  rows.push(row('marginalia --help', help!));
  rows.push(row('marginalia codes PROJECT --bogus (usage error)', usage!));
  rows.push(row('node -e 0 (Node start-up alone: the floor)', floor!, `${RUNS} runs, in turns with the above`, false));
  if (codesBare && floorBare) {
    rows.push(
      row('marginalia codes PROJECT, NODE_EXTRA_CA_CERTS unset', codesBare, `${RUNS} runs, floor + ${(codesBare.ms - floorBare.ms).toFixed(0)} ms`, false),
    );
    rows.push(row('node -e 0, NODE_EXTRA_CA_CERTS unset', floorBare, `${RUNS} runs, in turns with the above`, false));
    notes.push(
      `NODE_EXTRA_CA_CERTS is set here (${process.env.NODE_EXTRA_CA_CERTS}): Node loads those certificates at every start, before any Marginalia code runs; ` +
        `it costs ${(floor!.ms - floorBare.ms).toFixed(0)} ms of the floor (${floor!.ms.toFixed(0)} ms with it, ${floorBare.ms.toFixed(0)} ms without). ` +
        'The goal rows are timed as set; the rows marked unset show the same command as on a machine without it.',
    );
  }

  const check = median(Array.from({ length: 50 }, () => timeIt(() => staleReason(ROOT))));
  rows.push({
    measure: 'freshness check (stat every bundled source)',
    value: `${check.toFixed(2)} ms`,
    goal: '< 5 ms',
    ok: check < 5,
    note: 'in process, 50 runs',
  });

  const [tsx] = timeInTurns([{ args: ['codes', project], env: { MARGINALIA_CLI_LOADER: 'tsx' } }], 7);
  rows.push(row('old way: codes PROJECT through tsx', tsx!, '7 runs, for comparison', false));
  // npm's own start-up comes on top of ours; `--no` so that npx never looks in the registry.
  const [npx] = timeInTurns([{ args: ['codes', project], command: ['npx', '--no', '--', 'marginalia'] }], 3);
  rows.push(row('npx marginalia codes PROJECT', npx!, '3 runs: npm start-up included', false));

  // Last, since it replaces the bundle (and so its code cache): what the first run after an edit pays.
  const builds: number[] = [];
  for (let k = 0; k < 3; k += 1) builds.push(await timeAsync(() => ensureBundle(ROOT, { force: true })));
  const rebuild = median(builds);
  rows.push({
    measure: 'rebuild dist/cli/marginalia.cjs (first run after an edit)',
    value: `${rebuild.toFixed(0)} ms`,
    goal: '',
    ok: true,
    note: '3 builds, in process',
  });
  return { rows, notes };
}
