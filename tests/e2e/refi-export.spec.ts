/**
 * REFI-QDA export in browser mode: File → Export REFI-QDA project (.qdpx)… shows what is in the
 * project, downloads a .qdpx whose project.qde validates against Project.xsd and holds the
 * project's coders, documents and codings; "Code book only" downloads a valid .qdc. Axe finds
 * nothing serious or critical in the dialog, light or dark.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { CODEBOOK_XSD, PROJECT_XSD, xmllint } from '../integration/refi-xmllint.js';
import { queryProject, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-01.txt', 'transcripts/ip-01.txt']);
});
test.afterEach(() => served.stop());

async function openExport(page: Page) {
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Export REFI-QDA project (.qdpx)…' }).click();
  return page.getByRole('dialog', { name: 'Export REFI-QDA' });
}

test('downloads a .qdpx valid against Project.xsd with the project inside, then a .qdc', async ({ page }) => {
  const dialog = await openExport(page);
  const docs = queryProject<{ guid: string; name: string }>(served.project, 'SELECT guid, name FROM documents ORDER BY name');
  await expect(dialog.getByRole('definition').first()).toHaveText(String(docs.length));
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export .qdpx' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e.qdpx');
  await expect(dialog.getByRole('status')).toContainText(/Saved e2e\.qdpx \(\d+\.\d KB\): 2 documents, 0 codings, \d+ codes, 1 coder/);
  const files = unzipSync(readFileSync((await download.path())!));
  const qde = strFromU8(files['project.qde']!);
  expect(xmllint(qde, PROJECT_XSD).status).toBe(0);
  for (const d of docs) {
    expect(qde).toContain(`guid="${d.guid}" name="${d.name}"`);
    expect(files[`sources/${d.guid}.txt`]).toBeDefined();
  }
  expect(qde).toMatch(/<User guid="[0-9a-f-]{36}" name="Alice"\/>/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const again = await (async () => {
    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Export REFI-QDA project (.qdpx)…' }).click();
    return page.getByRole('dialog', { name: 'Export REFI-QDA' });
  })();
  await again.getByRole('radio', { name: /Code book only/ }).check();
  const [qdc] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: 'Export .qdc' }).click()]);
  expect(qdc.suggestedFilename()).toBe('e2e.qdc');
  expect(xmllint(readFileSync((await qdc.path())!, 'utf8'), CODEBOOK_XSD).status).toBe(0);
});

test('axe finds no serious problem in the dialog, light or dark, before and after exporting', async ({ page }) => {
  const dialog = await openExport(page);
  const check = async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
    }
  };
  await expect(dialog.getByRole('definition').first()).toBeVisible();
  await check();
  await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export .qdpx' }).click()]);
  await expect(dialog.getByRole('status')).toContainText('Saved');
  await check();
});
