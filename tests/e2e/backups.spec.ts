/**
 * File → Backups… in browser mode (issue 13, point 2): back up now, list, check integrity, and
 * restore, which the server does on its open session (close, replace, reopen) — checked in the
 * SQLite file: the content is the backup's again and the file as it was is kept. Axe finds no
 * serious problem in the dialog, light or dark.
 */
import { existsSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { queryProject, serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
});
test.afterEach(() => served.stop());

async function openBackups(page: Page) {
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-02.txt' })).toBeVisible();
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  return page.getByRole('dialog', { name: 'Backups' });
}

/** A change made through the page's own API connection (as any panel would). */
async function addCoder(page: Page, name: string) {
  // The page keeps the token in memory (the link's fragment is cleared), so take it from the link.
  const token = new URL(served.url).hash.replace('#token=', '');
  const answer = await page.evaluate(
    async ([n, t]) => {
      const r = await fetch('/api/coders.add', {
        method: 'POST',
        headers: { 'x-marginalia-token': t, 'content-type': 'application/json' },
        body: JSON.stringify({ name: n }),
      });
      return (await r.json()) as { ok: boolean };
    },
    [name, token] as const,
  );
  expect(answer).toMatchObject({ ok: true });
}

const coders = () => queryProject<{ name: string }>(served.project, 'SELECT name FROM coders ORDER BY name').map((c) => c.name);

test('back up now, restore it after a change: the file holds the backup again, and the state before is kept', async ({ page }) => {
  const dialog = await openBackups(page);
  await expect(dialog.getByText('No backups yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const rows = dialog.locator('tbody tr[data-backup]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Made by hand');
  await dialog.getByRole('button', { name: 'Check integrity' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Integrity check' })).toHaveText('Integrity check: sound (no damage, no broken links)');

  await addCoder(page, 'Bob');
  expect(coders()).toEqual(['Alice', 'Bob']);

  await rows
    .first()
    .getByRole('button', { name: /^Restore the backup from/ })
    .click();
  const ask = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(ask).toContainText('backed up first');
  await ask.getByRole('button', { name: 'Restore' }).click();
  await expect(ask).toBeHidden();
  // The served session now reads the restored file: Bob is gone, from the file and from the page.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Before a restore');
  expect(coders()).toEqual(['Alice']);
  const kept = readdirSync(`${served.project}-backups`).find((f) => f.endsWith('_before-restore.marginalia'))!;
  expect(queryProject<{ name: string }>(`${served.project}-backups/${kept}`, 'SELECT name FROM coders ORDER BY name').map((c) => c.name)).toEqual([
    'Alice',
    'Bob',
  ]);
  expect(existsSync(`${served.project}.restoring`)).toBe(false);
  // And it keeps working: a new change lands in the restored file.
  await addCoder(page, 'Cleo');
  expect(coders()).toEqual(['Alice', 'Cleo']);
});

test('keep the newest N: older backups go; axe finds no serious problem, light or dark', async ({ page }) => {
  const dialog = await openBackups(page);
  for (let n = 1; n <= 3; n += 1) {
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect(dialog.locator('tbody tr[data-backup]')).toHaveCount(n);
  }
  await dialog.getByLabel('Keep the newest').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.locator('tbody tr[data-backup]')).toHaveCount(2);
  expect(readdirSync(`${served.project}-backups`).filter((f) => f.endsWith('.marginalia'))).toHaveLength(2);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
});
