/**
 * `npm run screenshots`: PNGs of the main screens, taken in Debian's Chromium against browser
 * mode on the demo project (synthetic interviews, two coders), saved in docs/screenshots/.
 * Run after `npm run build:renderer` (the npm script does both).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { buildDemoProject } from '../../electron/services/demo.js';
import { closeSession } from '../../electron/services/session.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { startWeb } from '../e2e/workspace.js';
import { compareDashboardShots } from './compare-dashboard.js';
import { compareReviewShots } from './compare-review.js';
import { auditShots } from './audit.js';
import { analysisShots } from './analysis.js';
import { transcriptEditShots } from './transcript-edit.js';
import { safetyShots } from './safety.js';
import { refiExportShots } from './refi-export.js';
import { refiImportShots } from './refi-import.js';
import { excerptShots } from './excerpts.js';
import { workspaceShots } from './workspace.js';
import { projectShots } from './projects.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'docs', 'screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

const dir = mkdtempSync(join(tmpdir(), 'marginalia-shots-'));
const project = join(dir, 'demo.marginalia');
closeSession(await buildDemoProject(project, join(ROOT, 'fixtures')));
const served = await startWeb(project, ['--as', 'Alice']);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
    await page.goto(served.url);
    await page.getByRole('button', { name: /^co-01\.txt/ }).click();
    await page.getByLabel('Show codings of').selectOption('all');
    await page.locator('.stripe').first().waitFor();
    await page.locator('.stripe').nth(2).click();
    await shot(page, `workspace-${scheme}`);
    if (scheme === 'dark') break;
    await page
      .locator('.cb-row', { has: page.locator('.cb-name', { hasText: /^Rapport$/ }) })
      .first()
      .click();
    await page.getByRole('tab', { name: 'Retrieval' }).click();
    await page.getByRole('tabpanel', { name: 'Retrieval' }).getByRole('button').first().click();
    await shot(page, 'retrieval');
    await page.getByRole('tab', { name: 'Search' }).click();
    const search = page.getByRole('tabpanel', { name: 'Search' });
    await search.getByRole('textbox').or(search.getByRole('searchbox')).first().fill('"first name"');
    await search.getByRole('textbox').or(search.getByRole('searchbox')).first().press('Enter');
    await search.getByRole('listitem').first().waitFor();
    await search
      .getByRole('button')
      .filter({ hasText: /first name/i })
      .first()
      .click();
    await shot(page, 'search');
    await page.keyboard.press('?');
    await shot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await page
      .locator('.cb-row', { has: page.locator('.cb-name', { hasText: /^Boundaries$/ }) })
      .first()
      .dblclick();
    await page.getByText(/^Code details/).scrollIntoViewIfNeeded();
    await shot(page, 'codebook-editing');
    await page.close();
  }
  for (const name of await compareDashboardShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await compareReviewShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await auditShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await analysisShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await transcriptEditShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await safetyShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await refiExportShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await refiImportShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await excerptShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await workspaceShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
  for (const name of await projectShots(browser, served.url, OUT, 'Alice')) console.log(`docs/screenshots/${name}`);
} finally {
  await browser.close();
  served.stop();
  rmSync(dir, { recursive: true, force: true });
}
