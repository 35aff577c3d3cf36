/**
 * Issue 12, point 13: browser mode logged a 404 for /favicon.ico. The page now names its own icon,
 * and loading the workspace makes no request that fails.
 */
import { expect, test } from '@playwright/test';
import { serveFreshProject, type Served } from './workspace.js';

let served: Served;
test.afterEach(() => served?.stop());

test('the workspace loads with its icon and without one failed request', async ({ page }) => {
  served = await serveFreshProject(['transcripts/co-02.txt']);
  const failed: string[] = [];
  page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`)));
  page.on('requestfailed', (r) => failed.push(`failed ${new URL(r.url()).pathname}`));
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await expect(page.getByRole('button', { name: /^co-02\.txt/ })).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBe('./favicon.svg');
  const res = await page.request.get(new URL('favicon.svg', served.url).href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  expect(failed).toEqual([]);
});
