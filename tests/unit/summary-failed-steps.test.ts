/**
 * A failed step that is not a test runner (tsc -b, eslint, the renderer build) must show in the
 * closing "N passed, N failed" line CI reads: tests/run-all.sh passes each as --failed-step.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-summary-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = join(import.meta.dirname, '..', 'summary.mjs');
const vitest = join(dir, 'vitest.json');
writeFileSync(vitest, JSON.stringify({ numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] }));

function summary(...args: string[]): { out: string; code: number } {
  try {
    return { out: execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), code: 0 };
  } catch (e) {
    const err = e as { stdout: string; status: number };
    return { out: err.stdout, code: err.status };
  }
}

describe('tests/summary.mjs with failed steps', () => {
  it('counts each failed step as a failure and names it', () => {
    const { out, code } = summary('--failed-step=lint (eslint .)', '--failed-step=type-check (tsc -b)', vitest);
    expect(code).toBe(1);
    expect(out).toContain('failed step: lint (eslint .)');
    expect(out).toContain('failed step: type-check (tsc -b)');
    expect(out.trim().split('\n').at(-1)).toBe('5 passed, 2 failed, 0 skipped');
  });

  it('is green when no step failed', () => {
    const { out, code } = summary(vitest);
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('5 passed, 0 failed, 0 skipped');
  });

  it('run-all.sh runs tsc -b and eslint and hands their failures to the summary', () => {
    const script = readFileSync(join(import.meta.dirname, '..', 'run-all.sh'), 'utf8');
    expect(script).toMatch(/if ! npx --no-install tsc -b; then[\s\S]*?failed_steps\+=/);
    expect(script).toMatch(/if ! npx --no-install eslint \.; then[\s\S]*?failed_steps\+=/);
    expect(script).toMatch(/node tests\/summary\.mjs \$\{failed_steps\[@\]\+"\$\{failed_steps\[@\]\}"\} \.tmp\/vitest\.json/);
  });
});
