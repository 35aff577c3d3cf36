// Sums vitest's and Playwright's JSON reports into the one closing line CI reads.
// `--failed-step=NAME` (any number of times): a step that is not a test runner (lint, type-check,
// renderer build) failed; each counts as one failure, so the closing line never reads as green.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const failedSteps = args.filter((a) => a.startsWith('--failed-step=')).map((a) => a.slice('--failed-step='.length));
const [vitestPath, playwrightPath] = args.filter((a) => !a.startsWith('--'));
let passed = 0;
let failed = 0;
let skipped = 0;

for (const step of failedSteps) {
  failed += 1;
  console.log(`failed step: ${step}`);
}

if (vitestPath && existsSync(vitestPath)) {
  const v = JSON.parse(readFileSync(vitestPath, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A file that fails to load has no test results but must still count as a failure.
  for (const file of v.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  failed += 1;
  console.error('no vitest report: vitest did not run');
}

if (playwrightPath && existsSync(playwrightPath)) {
  const p = JSON.parse(readFileSync(playwrightPath, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
  // A skipped Playwright test (such as the Electron smoke test where no Electron binary exists)
  // did not run: say which and why, so a skip is never read as a pass.
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'skipped';
        console.log(`not run: ${spec.title} (${spec.file}): ${why}`);
      }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of p.suites ?? []) walk(s);
} else if (playwrightPath) {
  // Playwright was run but left no report: its tests cannot be counted, so this is a failure.
  failed += 1;
  console.error(`no Playwright report at ${playwrightPath}: its results are unknown`);
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
