/**
 * The Analysis view end to end (browser mode, Alice and Bob on three transcripts, two of them in
 * cases): every number in the tables equals `marginalia report … --json` for the same choice; a
 * bar and a cell list their passages, a passage opens the transcript at its span; charts save as
 * SVG and PNG; axe-core finds nothing serious in light or dark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { CooccurrenceReport, CrosstabReport, FrequencyReport } from '../../shared/analysis/types.js';

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marginalia, marginaliaJson } from './compare-fixture.js';
import { phraseBox, ROOT, startWeb } from './workspace.js';

let served: { url: string; project: string; stop(): void };
test.beforeAll(async () => {
  // The project is made with the CLI before it is served (a served project is locked for writing).
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const project = join(dir, 'analysis.marginalia');
  const fixture = (f: string) => join(ROOT, 'fixtures', f);
  marginalia(['init', project]);
  marginalia(['import', project, fixture('transcripts/co-01.txt'), fixture('transcripts/ip-01.txt'), fixture('transcripts/co-03-norway.txt')]);
  marginalia(['attributes', 'import', project, fixture('cases.csv')]);
  marginalia(['doc', 'case', project, 'co-01.txt', 'CO-01']);
  marginalia(['doc', 'case', project, 'co-03-norway.txt', 'CO-03']);
  marginalia(['codings', 'import', project, fixture('codings-two-coders.csv')]);
  const web = await startWeb(project);
  served = { url: web.url, project, stop: () => (web.stop(), rmSync(dir, { recursive: true, force: true })) };
});
test.afterAll(() => served?.stop());

const report = <T>(args: string[]) => {
  const out = marginaliaJson<{ data: T }>(['report', args[0]!, served.project, ...args.slice(1)]);
  return out.data;
};
const leaf = (p: string) => p.split('/').pop()!;

async function openAnalysis(page: Page) {
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const view = page.locator('section.analysis');
  await expect(view).toHaveAttribute('data-ready', 'true');
  return view;
}

test('prevalence: the table equals the CLI, a bar lists its passages, a passage opens the transcript', async ({ page }) => {
  const view = await openAnalysis(page);
  const want = report<FrequencyReport>(['frequencies']);
  const coded = want.rows.filter((r) => r.codings > 0);
  const rows = view.getByTestId('frequency-table').locator('tbody tr');
  await expect(rows).toHaveCount(coded.length);
  for (const [i, r] of coded.entries()) {
    await expect(rows.nth(i)).toHaveText(
      new RegExp(
        `^${leaf(r.code)}${r.codings}${r.characters.toLocaleString('en')}${r.documents}${r.cases}${r.units} of ${want.unit.total} \\(${Math.round(r.prevalence * 100)}%\\)$`,
      ),
    );
  }
  await expect(view.locator('.analysis-unit')).toContainText(`Prevalence counts ${want.unit.total} cases`);

  // A bar of the chart lists the codings behind it.
  const rapport = coded.find((r) => r.code === 'Dynamic security/Rapport')!;
  await view.getByTestId('analysis-chart-frequencies').locator(`[data-cell="#p:${rapport.codeGuid}"]`).click();
  const panel = page.getByTestId('analysis-passages');
  await expect(panel.getByRole('heading')).toContainText('Dynamic security/Rapport');
  await expect(panel.locator('li')).toHaveCount(rapport.codings);

  // A passage (the last, far down its transcript) opens the coding view on its document, scrolled to it.
  const last = panel.locator('li').last();
  const source = (await last.locator('.passage-source').textContent())!;
  const words = (await last.locator('.passage-text').textContent())!.slice(0, 24);
  await last.getByRole('button').click();
  await expect(page.getByRole('main', { name: 'Transcript' }).getByRole('heading', { level: 1 })).toHaveText(source.split(',')[0]!);
  await expect
    .poll(async () => {
      const box = await phraseBox(page, words);
      return box.y1 > 0 && box.y2 < (page.viewportSize()?.height ?? 0);
    })
    .toBe(true);
});

test('co-occurrence in the same speaker turn and cross-tab by role equal the CLI; charts save as SVG and PNG', async ({ page }) => {
  const view = await openAnalysis(page);
  await view.getByRole('button', { name: 'Co-occurrence' }).click();
  await view.getByLabel('Co-occur when').selectOption('turn');
  await expect(view).toHaveAttribute('data-ready', 'true');
  const m = report<CooccurrenceReport>(['cooccurrence', '--mode', 'turn']);
  const shown = m.codes.map((c, i) => ({ ...c, i })).filter((c) => c.codings > 0);
  const table = view.getByTestId('cooccurrence-table');
  await expect(table.locator('tbody tr')).toHaveCount(shown.length);
  for (const [r, a] of shown.entries()) {
    const cells = table.locator('tbody tr').nth(r).locator('td');
    await expect(cells).toHaveText(shown.map((b) => String(m.counts[a.i]![b.i])));
  }
  // The first off-diagonal pair with co-occurrences lists that many passages.
  const pair = shown.flatMap((a) => shown.filter((b) => b.i !== a.i && m.counts[a.i]![b.i]! > 0).map((b) => [a, b] as const))[0];
  expect(pair).toBeDefined();
  const [a, b] = pair!;
  await table.getByRole('button', { name: `${a.code} × ${b.code}:` }).click();
  await expect(page.getByTestId('analysis-passages').locator('li')).toHaveCount(m.counts[a.i]![b.i]!);

  await view.getByRole('button', { name: 'Cross-tab' }).click();
  await expect(view).toHaveAttribute('data-ready', 'true');
  const t = report<CrosstabReport>(['crosstab', '--attribute', 'role']);
  const header = view.getByTestId('crosstab-table').locator('thead th');
  await expect(header).toHaveText(['Code', ...t.columns.map((c) => `${c.label} (${c.cases})`)]);
  const rows = t.rows.filter((r) => r.cells.some((c) => c.codings > 0));
  await expect(view.getByTestId('crosstab-table').locator('tbody tr')).toHaveCount(rows.length);
  const firstRow = view.getByTestId('crosstab-table').locator('tbody tr').first().locator('td');
  await expect(firstRow).toHaveText(
    rows[0]!.cells.map((c, j) => `${c.cases} of ${t.columns[j]!.cases}${c.codings > 0 ? ` (${Math.round(c.share * 100)}%)` : ''}`),
  );

  const chart = page.getByRole('figure').filter({ has: page.getByTestId('analysis-chart-crosstab') });
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG$/ }).click()]);
  expect(svg.suggestedFilename()).toBe('crosstab-role-cases.svg');
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain(leaf(rows[0]!.code));
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as PNG$/ }).click()]);
  expect(readFileSync((await png.path())!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});

test('axe-core finds no serious problem in the Analysis view, light and dark, on every report', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const view = await openAnalysis(page);
    for (const tab of ['Prevalence', 'Co-occurrence', 'Cross-tab']) {
      await view.getByRole('button', { name: tab, exact: true }).click();
      await expect(view).toHaveAttribute('data-ready', 'true');
      const rowButton = view.locator('.cell-button').first();
      await rowButton.click();
      await expect(page.getByTestId('analysis-passages').locator('li').first()).toBeVisible();
      const axe = await new AxeBuilder({ page }).include('section.analysis').analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${colorScheme} ${tab} ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  }
});
