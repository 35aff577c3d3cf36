/**
 * Regression: the closing "N passed, N failed, N skipped" line silently stopped counting the
 * Playwright suite when its JSON report was written somewhere else. The summary must sum both
 * runners, name every test that did not run, and fail when a runner's report is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = join(import.meta.dirname, '..', 'summary.mjs');

function summary(...files: string[]): { out: string; code: number } {
  try {
    return { out: execFileSync(process.execPath, [script, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), code: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { out: err.stdout, code: err.status };
  }
}

const vitest = join(dir, 'vitest.json');
writeFileSync(vitest, JSON.stringify({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }));
const playwright = join(dir, 'playwright.json');
writeFileSync(
  playwright,
  JSON.stringify({
    stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 1 },
    suites: [
      {
        specs: [
          {
            title: 'Electron smoke',
            file: 'electron-smoke.spec.ts',
            tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'NOT RUN: no Electron binary' }] }],
          },
        ],
      },
    ],
  }),
);

describe('tests/summary.mjs', () => {
  it('sums vitest and Playwright and names the test that did not run', () => {
    const { out, code } = summary(vitest, playwright);
    expect(code).toBe(0);
    expect(out).toContain('not run: Electron smoke (electron-smoke.spec.ts): NOT RUN: no Electron binary');
    expect(out.trim().split('\n').at(-1)).toBe('13 passed, 0 failed, 1 skipped');
  });

  it('fails when the Playwright report it was told about is missing', () => {
    const { out, code } = summary(vitest, join(dir, 'nowhere.json'));
    expect(code).toBe(1);
    expect(out.trim().split('\n').at(-1)).toBe('10 passed, 1 failed, 0 skipped');
  });
});
