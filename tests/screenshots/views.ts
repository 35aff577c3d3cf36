/**
 * What every screenshot script shares: the four looks (1280×720 and 1920×1080, light and dark), a
 * page opened on the served workspace as a given coder in each, and taking one shot once the
 * pointer is out of the way and the page has settled.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export interface View {
  width: 1280 | 1920;
  height: 720 | 1080;
  scheme: 'light' | 'dark';
}

export const VIEWS: readonly View[] = [
  { width: 1280, height: 720, scheme: 'light' },
  { width: 1280, height: 720, scheme: 'dark' },
  { width: 1920, height: 1080, scheme: 'light' },
  { width: 1920, height: 1080, scheme: 'dark' },
];

/** Saves the page as `out/name` and returns the name. */
export async function snap(page: Page, out: string, name: string): Promise<string> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, name) });
  return name;
}

/**
 * Opens the workspace at `url` as `coder` in each view, in order, and hands the page to `take`,
 * which prepares the screen and returns the names of the shots it saved; the page is closed after.
 */
export async function inEachView(browser: Browser, url: string, coder: string, take: (page: Page, view: View) => Promise<string[]>): Promise<string[]> {
  const saved: string[] = [];
  for (const view of VIEWS) {
    const page = await browser.newPage({ viewport: { width: view.width, height: view.height }, colorScheme: view.scheme });
    try {
      await page.addInitScript((name) => localStorage.setItem('marginalia.activeCoder', name), coder);
      await page.goto(url);
      saved.push(...(await take(page, view)));
    } finally {
      await page.close();
    }
  }
  return saved;
}
