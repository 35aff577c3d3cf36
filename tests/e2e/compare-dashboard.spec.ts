/**
 * The agreement dashboard end to end (browser mode, Alice and Bob on three transcripts): every
 * number shown at every unit equals `marginalia agreement --json` for the same choice, compared
 * at full precision through data-value; sorting, expanding a code, bootstrap intervals, a
 * heatmap cell opening the disagreements, saving a chart, and axe-core in light and dark.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { marginaliaJson, serveTwoCoderProject } from './compare-fixture.js';
import { serveFreshProject, type Served } from './workspace.js';

type Json = Record<string, unknown>;
interface CodeJson extends Json {
  code: string;
  pooled?: Json;
  documents?: (Json & { document: string })[];
}

let served: Served;
test.beforeAll(async () => {
  served = await serveTwoCoderProject();
});
test.afterAll(() => served.stop());

async function openDashboard(page: Page): Promise<Locator> {
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Compare coders' }).click();
  const dash = page.locator('.agreement-dashboard');
  await expect(dash).toHaveAttribute('data-ready', 'true');
  await expect(page.getByLabel('Coder A', { exact: true })).toHaveValue(await coderGuid(page, 'Alice'));
  return dash;
}

const coderGuid = (page: Page, name: string) =>
  page.getByLabel('Coder A', { exact: true }).locator('option', { hasText: name }).getAttribute('value') as Promise<string>;

const agreement = (args: string[]) =>
  marginaliaJson<Json & { codes: CodeJson[]; overall: { pooled: Json } }>(['agreement', served.project, '--coders', 'Alice,Bob', ...args]);

/** What the report says for one table row (its statistics and counts), in the dashboard's column names. */
function expected(unit: string, s: Json): Record<string, unknown> {
  if (unit === 'segment')
    return { percent: s.percentAgreement, kappaBP: s.kappaBP, segmentsA: s.segmentsA, segmentsB: s.segmentsB, matched: s.matched, unmatched: s.unmatched };
  return {
    percent: s.percentAgreement,
    kappa: s.kappa,
    alpha: unit === 'character' ? s.alphaBinary : s.alpha,
    onlyA: s.onlyA,
    onlyB: s.onlyB,
    both: s.both,
    neither: s.neither,
    n: unit === 'character' ? s.n : s.units,
  };
}

/** The full-precision values of one table row, by column. */
async function shown(row: Locator): Promise<Record<string, unknown>> {
  return row.evaluate((tr) => {
    const out: Record<string, unknown> = {};
    for (const td of tr.querySelectorAll<HTMLElement>('td[data-value]')) {
      const raw = td.dataset.value!;
      out[td.dataset.stat ?? td.dataset.count!] = raw === 'null' ? null : Number(raw);
    }
    return out;
  });
}

async function checkTable(page: Page, unit: string, args: string[]) {
  const report = agreement(['--unit', unit, ...args]);
  const table = page.getByTestId('agreement-table');
  await expect(table).toHaveAttribute('data-unit', unit);
  const rows = table.locator('tbody:not(.totals) > tr[data-code]:not(.doc-row)');
  await expect(rows).toHaveCount(report.codes.length);
  for (const c of report.codes)
    expect(await shown(table.locator(`tr[data-code="${c.code}"]:not(.doc-row)`)), `${unit} ${c.code}`).toEqual(expected(unit, c.pooled ?? c));
  expect(await shown(table.locator('tr[data-total="pooled"]')), `${unit} pooled`).toEqual(expected(unit, report.overall.pooled));
  return report;
}

test('every number at every unit and overlap equals marginalia agreement --json', async ({ page }) => {
  const dash = await openDashboard(page);
  const report = await checkTable(page, 'character', []);
  // The mean and length-weighted totals too.
  const overall = report.overall as unknown as Record<'mean' | 'weighted', Json>;
  for (const t of ['mean', 'weighted'] as const) {
    const row = await shown(page.locator(`tr[data-total="${t}"]`));
    expect(row).toEqual({ percent: overall[t].percentAgreement, kappa: overall[t].kappa, alpha: overall[t].alphaBinary });
  }
  await expect(page.locator('tr[data-total="weighted"] th')).toContainText('Length-weighted');

  for (const [label, unit] of [
    ['Speaker turn', 'turn'],
    ['Segment', 'segment'],
    ['Document presence', 'document'],
  ] as const) {
    await page.getByRole('group', { name: 'Unit' }).getByRole('button', { name: label, exact: true }).click();
    await expect(dash).toHaveAttribute('data-ready', 'true');
    await checkTable(page, unit, []);
  }

  await page.getByRole('group', { name: 'Unit' }).getByRole('button', { name: 'Segment', exact: true }).click();
  await page.getByRole('slider').fill('50');
  await expect(page.getByTestId('agreement-table').locator('caption')).toContainText('overlap ≥ 50 %');
  await expect(dash).toHaveAttribute('data-ready', 'true');
  const seg50 = await checkTable(page, 'segment', ['--overlap', '50']);
  expect(seg50.overlapPercent).toBe(50);

  // Unitized needs codes that do not overlap; here they do, and the page says why as the CLI does.
  await page.getByRole('group', { name: 'Unit' }).getByRole('button', { name: 'Unitized', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('must not overlap');
  // With one code (picked in the code picker) the unitized family is defined; the same numbers as --unitized --codes.
  const discretion = await page.getByLabel('Codes', { exact: true }).locator('option', { hasText: 'Discretion' }).getAttribute('value');
  await page.getByLabel('Codes', { exact: true }).selectOption(discretion!);
  await expect(dash).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('agreement-table')).toHaveAttribute('data-unit', 'unitized');
  const uni = marginaliaJson<{ perCategory: { code: string; alphaCu: { value: number | null } }[]; overall: Record<string, { value: number | null }> }>([
    'agreement',
    served.project,
    '--coders',
    'Alice,Bob',
    '--unitized',
    '--codes',
    'Dynamic security/Discretion',
  ]);
  const table = page.getByTestId('agreement-table');
  expect(await shown(table.locator('tr[data-code="Dynamic security/Discretion"]'))).toEqual({ alphaCu: uni.perCategory[0]!.alphaCu.value });
  for (const t of ['alphaU', 'alphaBinaryU', 'alphaCU'])
    expect(await shown(table.locator(`tr[data-total="${t}"]`)), t).toEqual({ alphaCu: uni.overall[t]!.value });
});

test('sort, expand a code, bootstrap intervals, a heatmap cell, and saving a chart', async ({ page }) => {
  const dash = await openDashboard(page);
  const report = agreement([]);
  const table = page.getByTestId('agreement-table');

  // Sort by κ: highest first, undefined last.
  await table.getByRole('button', { name: 'κ', exact: true }).click();
  await expect(table.locator('th', { has: page.getByRole('button', { name: 'κ', exact: true }) })).toHaveAttribute('aria-sort', 'descending');
  const byKappa = [...report.codes].sort((x, y) => (y.pooled!.kappa as number) - (x.pooled!.kappa as number)).map((c) => c.code);
  await expect
    .poll(() => table.locator('tbody:not(.totals) > tr[data-code]:not(.doc-row)').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-code'))))
    .toEqual(byKappa);
  await table.getByRole('button', { name: 'κ', exact: true }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);

  // Expand Rapport: one row per document, each equal to the report's; an undefined value says why.
  const rapport = report.codes.find((c) => c.code === 'Dynamic security/Rapport')!;
  await table.getByRole('button', { name: 'Rapport: show per document' }).click();
  const docRows = table.locator('tr.doc-row[data-code="Dynamic security/Rapport"]');
  await expect(docRows).toHaveCount(rapport.documents!.length);
  for (const d of rapport.documents!) expect(await shown(docRows.and(page.locator(`[data-document="${d.document}"]`)))).toEqual(expected('character', d));
  const undef = docRows.and(page.locator('[data-document="ip-01.txt"]')).locator('td[data-stat="kappa"]');
  await expect(undef).toContainText('undefined');
  expect(await undef.getAttribute('title')).toContain('neither coder applied this code here');

  // 95% bootstrap intervals, as --ci 1000 --seed 1.
  await page.getByLabel('95% intervals').check();
  await expect(dash).toHaveAttribute('data-ready', 'true');
  const withCi = agreement(['--ci', '1000', '--seed', '1']);
  const ci = (withCi.overall as unknown as { ci: { kappa: { lower: number; upper: number } } }).ci.kappa;
  const pooledCi = page.locator('tr[data-total="pooled"] td[data-stat="kappa"] .ci');
  await expect(pooledCi).toHaveAttribute('data-lower', String(ci.lower));
  await expect(pooledCi).toHaveAttribute('data-upper', String(ci.upper));
  await expect(page.getByTestId('agreement-chart').locator('g.whisker').first()).toBeAttached();

  // Save the dot chart as SVG and PNG.
  const chart = page.getByRole('figure').filter({ has: page.getByTestId('agreement-chart') });
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as SVG$/ }).click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/^alice-bob-character-.*\.svg$/);
  const svgText = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svgText).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain('Rapport');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /as PNG$/ }).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  expect(readFileSync((await pngDownload.path())!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // A heatmap cell opens the Disagreements part, scoped to that code and document.
  await page
    .getByTestId('agreement-heatmap')
    .locator('a', { has: page.locator('[aria-label^="Dynamic security/Rapport in co-01.txt"]') })
    .click();
  await expect(page.getByRole('tab', { name: 'Disagreements' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Agreement', exact: true }).click();
  await expect(dash).toHaveAttribute('data-ready', 'true');
  await expect(table.locator('tbody:not(.totals) > tr[data-code]:not(.doc-row)')).toHaveText([/Rapport/]);
  await expect(page.getByTestId('agreement-table').locator('caption')).toContainText('over 1 document');
  expect(await shown(table.locator('tr[data-code="Dynamic security/Rapport"]:not(.doc-row)'))).toEqual(
    expected(
      'character',
      rapport.documents!.find((d) => d.document === 'co-01.txt')!,
    ),
  );
});

test('the dashboard has no serious accessibility problems, light or dark', async ({ page }) => {
  const dash = await openDashboard(page);
  await page.getByTestId('agreement-table').getByRole('button', { name: 'Rapport: show per document' }).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(dash).toHaveAttribute('data-ready', 'true');
    const axe = await new AxeBuilder({ page }).include('.agreement-dashboard').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${colorScheme} ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }
});

test('with one coder the view says what is needed and how to merge a second coder', async ({ page }) => {
  const one = await serveFreshProject(['transcripts/co-01.txt']);
  try {
    await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
    await page.goto(one.url);
    await page.getByRole('button', { name: 'Compare coders' }).click();
    await expect(page.getByRole('heading', { name: 'Comparing needs two coders' })).toBeVisible();
    await page.getByRole('button', { name: 'Merge a coder’s project…' }).click();
    await expect(page.getByRole('tab', { name: 'Merge a coder’s project' })).toHaveAttribute('aria-selected', 'true');
  } finally {
    one.stop();
  }
});
