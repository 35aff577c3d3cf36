/**
 * Retrieval end to end: codings made through the CLI (two coders, cases with attributes), then
 * the Retrieval tab filtered by code, coder and case attribute; a segment opens its document
 * scrolled to it with the span flashed, and that span is the coding stored in the project file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { ROOT, serveFreshProject, type Served } from './workspace.js';

const DOCS: [file: string, caseName: string][] = [
  ['co-01.txt', 'CO-01'],
  ['co-03-norway.txt', 'CO-03'],
  ['ip-01.txt', 'IP-01'],
];

const marginalia = (...args: string[]) => execFileSync(process.execPath, ['electron/cli/bin.cjs', ...args], { cwd: ROOT, stdio: 'pipe' });

let served: Served;
test.beforeEach(async () => {
  // Through the same services the UI uses, written before the server opens the project (it then holds the one-writer lock).
  served = await serveFreshProject(
    DOCS.map(([f]) => `transcripts/${f}`),
    (project) => {
      marginalia('codings', 'import', project, join(ROOT, 'fixtures/codings-two-coders.csv'));
      marginalia('attributes', 'import', project, join(ROOT, 'fixtures/cases.csv'));
      for (const [file, caseName] of DOCS) marginalia('doc', 'case', project, file, caseName);
    },
  );
});
test.afterEach(() => served.stop());

interface Row {
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
}
/** The fixture's codings (the import reported none merged, so these are the stored rows). */
const fixtureRows = (): Row[] =>
  readFileSync(join(ROOT, 'fixtures/codings-two-coders.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [document, code, coder, start, end] = l.split(',');
      return { document: document!, code: code!, coder: coder!, start: Number(start), end: Number(end) };
    });

/** The count line, which names whose codings it counts (no coder chosen here: Show "Mine" is nobody's yet, so all coders'). */
const counts = (rows: Row[], whose = "all coders' codings") =>
  `${rows.length} segments in ${new Set(rows.map((r) => r.document)).size} documents, counting ${whose}`;

const storedQuote = (project: string, document: string, start: number, end: number) => {
  const db = new Database(project, { readonly: true });
  try {
    const row = db
      .prepare('SELECT g.quote FROM codings g JOIN documents d ON d.id = g.document_id WHERE d.name = ? AND g.start = ? AND g."end" = ?')
      .get(document, start, end) as { quote: string } | undefined;
    return row?.quote;
  } finally {
    db.close();
  }
};

/** The flashed range's text and whether it lies inside the transcript's visible box. */
const flashed = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('flash');
    const r = h ? [...h][0] : undefined;
    if (!r) return null;
    const box = r.getBoundingClientRect();
    const view = document.querySelector('[data-testid="transcript"]')!.getBoundingClientRect();
    const visible = box.height > 0 && box.top >= Math.max(0, view.top) - 1 && box.top < Math.min(window.innerHeight, view.bottom);
    return { text: r.toString(), visible };
  });

async function openRetrieval(page: Page) {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1, name: 'co-01.txt' })).toBeVisible();
  await page.getByRole('tab', { name: 'Retrieval' }).click();
  return page.getByRole('tabpanel');
}

/** Chooses a code in the retrieval filter by its path (options hold GUIDs; the path is each option's title). */
async function chooseCode(panel: Locator, path: string) {
  const select = panel.getByLabel('Code', { exact: true });
  const value = await select.locator(`option[title="${path}"]`).getAttribute('value');
  await select.selectOption(value!);
}

test('filter by code, coder and case attribute, then open a segment scrolled to and flashed', async ({ page }) => {
  const panel = await openRetrieval(page);
  const rows = fixtureRows().filter((r) => r.code.startsWith('Dynamic security/Boundaries'));
  await chooseCode(panel, 'Dynamic security/Boundaries');
  await expect(panel.getByRole('status')).toHaveText(counts(rows));

  await panel.getByLabel('Include sub-codes').uncheck();
  await expect(panel.getByRole('status')).toHaveText(counts(rows.filter((r) => r.code === 'Dynamic security/Boundaries')));
  await panel.getByLabel('Include sub-codes').check();

  const bob = rows.filter((r) => r.coder === 'Bob');
  await panel.getByLabel('Coder').selectOption('Bob');
  await expect(panel.getByRole('status')).toHaveText(counts(bob, "Bob's codings"));

  // role = officer keeps the two officers' interviews and drops the incarcerated participant's.
  await panel.getByLabel('Case attribute').selectOption('role');
  await panel.getByLabel('Value').selectOption('officer');
  const officers = bob.filter((r) => r.document !== 'ip-01.txt');
  await expect(panel.getByRole('status')).toHaveText(counts(officers, "Bob's codings"));
  await expect(panel.getByRole('list')).toHaveCount(2);
  await expect(panel.getByRole('list', { name: 'Segments in ip-01.txt' })).toHaveCount(0);

  // The panel with its results: no serious or critical accessibility problems (axe-core).
  const axe = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The Norwegian interview's segment lies far down its transcript.
  const list = panel.getByRole('list', { name: 'Segments in co-03-norway.txt' });
  const segment = list.getByRole('button').first();
  await expect(segment).toContainText(/lines? \d+/);
  await expect(segment).toContainText('Bob');
  const start = Number(await segment.getAttribute('data-start'));
  const end = Number(await segment.getAttribute('data-end'));
  expect(officers).toContainEqual(expect.objectContaining({ document: 'co-03-norway.txt', start, end }));
  await segment.click();

  await expect(page.getByRole('heading', { level: 1, name: 'co-03-norway.txt' })).toBeVisible();
  const quote = storedQuote(served.project, 'co-03-norway.txt', start, end);
  expect(quote).toBeTruthy();
  await expect.poll(() => flashed(page), { timeout: 1500, intervals: [50] }).toEqual({ text: quote, visible: true });
});

test('the quote box narrows the segments, and Enter on a segment opens it', async ({ page }) => {
  const panel = await openRetrieval(page);
  await chooseCode(panel, 'Dynamic security/Respect');
  const all = fixtureRows().filter((r) => r.code.startsWith('Dynamic security/Respect'));
  await expect(panel.getByRole('status')).toHaveText(counts(all));

  await panel.getByLabel('Quotes containing').fill('grown man');
  await expect(panel.getByRole('status')).not.toHaveText(counts(all));
  const buttons = panel.getByRole('button');
  await expect(buttons.first()).toContainText('grown man');
  await expect(panel.getByRole('list', { name: 'Segments in ip-01.txt' })).toBeVisible();

  const target = panel.getByRole('list', { name: 'Segments in ip-01.txt' }).getByRole('button').filter({ hasText: 'grown man' }).first();
  const start = Number(await target.getAttribute('data-start'));
  const end = Number(await target.getAttribute('data-end'));
  await target.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'ip-01.txt' })).toBeVisible();
  const quote = storedQuote(served.project, 'ip-01.txt', start, end);
  expect(quote).toContain('grown man');
  await expect.poll(() => flashed(page), { timeout: 1500, intervals: [50] }).toEqual({ text: quote, visible: true });
});
