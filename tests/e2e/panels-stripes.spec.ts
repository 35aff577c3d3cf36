/**
 * Issue 12, points 7 and 8: the side columns resize (drag and keys) and collapse, and are as they
 * were left after a reload; the code book keeps its column while a code's details are open; the
 * Retrieval results fit a 1280×720 window. The coding margin: labels read across and whole (not
 * clipped), with the coder's initials when every coder is shown, bars of different codes told apart
 * at 3:1 against the page, hover and click as before; axe finds no contrast problem, light or dark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildDemoProject } from '../../electron/services/demo.js';
import { closeSession } from '../../electron/services/session.js';
import { queryProject, ROOT, startWeb } from './workspace.js';

let served: { url: string; project: string; stop(): void };
test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const project = join(dir, 'demo.marginalia');
  closeSession(await buildDemoProject(project, join(ROOT, 'fixtures')));
  const web = await startWeb(project);
  served = { url: web.url, project, stop: () => (web.stop(), rmSync(dir, { recursive: true, force: true })) };
});
test.afterAll(() => served?.stop());

async function open(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.addInitScript(() => localStorage.setItem('marginalia.activeCoder', 'Alice'));
  await page.goto(served.url);
  await page.getByRole('button', { name: /^co-01\.txt/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
}

const width = async (l: Locator) => (await l.boundingBox())!.width;
const left = (page: Page) => page.locator('.app > .left');
const right = (page: Page) => page.getByRole('complementary', { name: 'Codings, retrieval, search and memos' });

test('panels: resize by dragging and by keys, collapse and expand, all remembered across a reload', async ({ page }) => {
  await open(page, 1280, 720);
  // The toolbar fits on one line at 1280 wide.
  const toolbar = (await page.locator('.toolbar').boundingBox())!;
  expect(toolbar.height).toBeLessThan(48);
  await expect(page.locator('.toolbar .project')).toHaveAttribute('title', /demo\.marginalia/);

  const before = await width(left(page));
  const handle = page.getByRole('separator', { name: 'Resize the documents and code book' });
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + 200);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 + 80, h.y + 200, { steps: 4 });
  await page.mouse.up();
  expect(Math.abs((await width(left(page))) - (before + 80))).toBeLessThanOrEqual(2);

  const rightBefore = await width(right(page));
  const rightHandle = page.getByRole('separator', { name: 'Resize the panels' });
  await rightHandle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(Math.abs((await width(right(page))) - (rightBefore + 32))).toBeLessThanOrEqual(2);
  await expect(rightHandle).toHaveAttribute('aria-valuenow', String(Math.round(rightBefore + 32)));

  const leftNow = await width(left(page));
  const rightNow = await width(right(page));
  const toggle = page.getByRole('button', { name: 'Codings, retrieval, search and memos' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
  expect(await width(right(page))).toBeLessThan(48);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(Math.abs((await width(left(page))) - leftNow)).toBeLessThanOrEqual(1);
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
  await page.getByRole('button', { name: 'Show the panels' }).click();
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
  expect(Math.abs((await width(right(page))) - rightNow)).toBeLessThanOrEqual(1);

  // The left column collapses too, and the transcript takes the room.
  const reader = page.getByRole('main', { name: 'Transcript' });
  const readerBefore = await width(reader);
  await page.getByRole('button', { name: 'Documents and code book' }).click();
  await expect(page.getByRole('tree', { name: 'Code book' })).toBeHidden();
  expect(await width(reader)).toBeGreaterThan(readerBefore + 200);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show documents and code book' })).toBeVisible();
  await page.getByRole('button', { name: 'Show documents and code book' }).click();
  await expect(page.getByRole('tree', { name: 'Code book' })).toBeVisible();
});

test('the code book keeps its column while details are open; Retrieval results fit at 1280×720', async ({ page }) => {
  await open(page, 1280, 720);
  const tablist = page.getByRole('tablist', { name: 'Panels' });
  const tabsAt = (await tablist.boundingBox())!;
  const rapport = page.getByRole('treeitem', { name: 'Rapport' });
  await rapport.click();
  // A click chooses the code (for Retrieval and Memos) without covering the tree.
  await expect(page.getByRole('region', { name: /^Code details/ })).toHaveCount(0);
  await rapport.press('Space');
  const sheet = page.getByRole('region', { name: 'Code details: Dynamic security/Rapport' });
  await expect(sheet).toBeVisible();
  expect(await tablist.boundingBox()).toEqual(tabsAt);
  await expect(page.getByRole('toolbar', { name: 'Code book actions' })).toBeInViewport({ ratio: 1 });
  const column = (await page.locator('.app > .left').boundingBox())!;
  const drawer = (await page.locator('.cb-drawer').boundingBox())!;
  expect(drawer.y + drawer.height).toBeLessThanOrEqual(column.y + column.height + 1);
  await sheet.getByLabel('Definition').press('Escape');
  await expect(sheet).toBeHidden();

  await page.getByRole('tab', { name: 'Retrieval' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Retrieval' });
  await expect(panel.getByRole('status')).toContainText(/\d/);
  const first = panel.getByRole('listitem').first();
  await expect(first).toBeInViewport({ ratio: 1 });
  // The tab's own scroll holds the rest: the panel never reaches below the window.
  const side = (await right(page).boundingBox())!;
  expect(side.y + side.height).toBeLessThanOrEqual(720);
});

/** A colour as the page paints it, as [r, g, b] (canvas resolves oklch, color-mix…). */
const rgbOf = (page: Page, css: string) =>
  page.evaluate((c) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, css);

const luminance = ([r, g, b]: number[]) => {
  const ch = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
};
const contrast = (a: number[], b: number[]) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

for (const colorScheme of ['light', 'dark'] as const)
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const)
    test(`stripes: labels read across and whole, coder initials, distinct bars, axe clean (${colorScheme}, ${w}×${h})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, w, h);
      await page.getByLabel('Show codings of').selectOption('all');
      // Measure once the margin shows every coder's codings of co-01.txt (the file says how many),
      // not the first label drawn: before that it may still hold only Alice's.
      const [{ n }] = queryProject<{ n: number }>(
        served.project,
        "SELECT count(*) AS n FROM codings g JOIN documents d ON d.id = g.document_id WHERE d.name = 'co-01.txt'",
      ) as [{ n: number }];
      await expect(page.getByTestId('stripes')).toHaveAttribute('data-total', String(n));
      const labels = page.locator('.stripe-label');
      await expect(labels.first()).toBeVisible();
      const shown = await labels.evaluateAll((els) =>
        els
          .map((el) => {
            const code = el.querySelector<HTMLElement>('.stripe-code')!;
            const r = el.getBoundingClientRect();
            return {
              text: code.textContent ?? '',
              coder: el.querySelector('.stripe-coder')?.textContent ?? '',
              clipped: code.scrollWidth > code.clientWidth,
              top: r.top,
              bottom: r.bottom,
              wide: r.width > r.height,
              visible: r.bottom > 0 && r.top < innerHeight,
            };
          })
          .filter((l) => l.visible),
      );
      expect(shown.length).toBeGreaterThan(3);
      for (const l of shown) {
        expect(l.text.length, 'a label names its code').toBeGreaterThan(2);
        expect(l.clipped, `"${l.text}" is cut`).toBe(false);
        expect(l.wide, `"${l.text}" reads across`).toBe(true);
        expect(['A', 'B']).toContain(l.coder);
      }
      const sorted = [...shown].sort((a, b) => a.top - b.top);
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]!.top, 'labels do not cover each other').toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 0.5);

      // Bars of different codes differ, and each stands out from the page (3:1, WCAG 1.4.11).
      const page_ = await rgbOf(page, await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      const bars = await page
        .locator('.stripe')
        .evaluateAll((els) =>
          els.map((el) => ({ code: el.getAttribute('title')!.split(' — ')[0]!, color: getComputedStyle(el.querySelector('.stripe-bar')!).backgroundColor })),
        );
      const byCode = new Map<string, number[]>();
      for (const b of bars) if (!byCode.has(b.code)) byCode.set(b.code, await rgbOf(page, b.color));
      expect(byCode.size).toBeGreaterThan(1);
      for (const [code, rgb] of byCode) expect(contrast(rgb, page_), `${code} bar against the page`).toBeGreaterThanOrEqual(3);
      expect(new Set([...byCode.values()].map((c) => c.join(','))).size).toBe(byCode.size);

      // Hover shows the coding's span; a click on the label chooses it.
      const stripe = page.locator('.stripe').first();
      await stripe.locator('.stripe-label').hover();
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('coding-hover'))).toBe(true);
      await stripe.locator('.stripe-label').click();
      await expect(stripe).toHaveAttribute('aria-pressed', 'true');

      const axe = await new AxeBuilder({ page }).include('.app').analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${colorScheme} ${v.id}: ${v.help} — ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
      ).toEqual([]);
    });
