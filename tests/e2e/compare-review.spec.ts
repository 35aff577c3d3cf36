/**
 * The disagreement review in the Compare coders view: start a consensus (confirmed), decide five
 * disagreements with every kind of decision by key, change one, undo, and check each step in the
 * project file; the next item shows within 50 ms of the key; no serious accessibility problem in
 * the light or the dark theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { marginaliaJson, serveTwoCoderProject } from './compare-fixture.js';
import { queryProject, type Served } from './workspace.js';

let served: Served;
test.beforeEach(async () => {
  served = await serveTwoCoderProject();
});
test.afterEach(() => served.stop());

interface Item {
  id: string;
  kind: 'onlyA' | 'onlyB';
  document: string;
  code: string;
  start: number;
  end: number;
}
interface Row {
  item_id: string;
  decision: string;
  custom_start: number | null;
  custom_end: number | null;
  reason: string;
}
const CONSENSUS = 'Consensus (Alice+Bob)';

const decisions = () => queryProject<Row>(served.project, 'SELECT item_id, decision, custom_start, custom_end, reason FROM consensus_decisions ORDER BY id');
const decisionOf = (id: string) => decisions().find((d) => d.item_id === id);
/** The consensus coder's spans of the decided item's code in its document. */
const codeSpans = (i: Item) =>
  queryProject<{ start: number; end: number }>(
    served.project,
    `SELECT g.start, g."end" FROM codings g JOIN coders k ON k.id = g.coder_id JOIN documents d ON d.id = g.document_id
     WHERE k.name = ? AND d.name = ? AND g.code_id = (SELECT code_id FROM consensus_decisions WHERE item_id = ?)`,
    CONSENSUS,
    i.document,
    i.id,
  );
/** Whether the consensus holds all of [start, end) (true), none of it (false), or part (null). */
function held(i: Item, span: { start: number; end: number } = i): boolean | null {
  const spans = codeSpans(i);
  let covered = 0;
  for (const s of spans) covered += Math.max(0, Math.min(s.end, span.end) - Math.max(s.start, span.start));
  return covered === span.end - span.start ? true : covered === 0 ? false : null;
}

const current = (page: Page) => page.getByTestId('disagreement-current');
const currentId = async (page: Page) => (await current(page).getAttribute('data-id'))!;

async function openReview(page: Page) {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'I am Alice' }).click();
  await page.getByRole('button', { name: 'Compare coders' }).click();
  await page.getByRole('tab', { name: 'Disagreements' }).click();
  const review = page.getByTestId('disagreement-review');
  await expect(review).toBeVisible();
  // Alice as A, Bob as B (the default pair puts the coder with more codings first).
  const a = review.getByLabel('Coder A');
  if (!(await a.locator('option:checked').innerText()).startsWith('Alice')) await review.getByRole('button', { name: 'Swap coders A and B' }).click();
  await expect(a.locator('option:checked')).toHaveText(/^Alice/);
  return review;
}

test('review five disagreements to a consensus, change one, undo, all in the file', async ({ page }) => {
  const out = marginaliaJson<Item[] | { data: Item[] }>(['disagreements', served.project, '--coders', 'Alice,Bob']);
  const all = Array.isArray(out) ? out : out.data;
  const byId = new Map(all.map((i) => [i.id, i]));
  const review = await openReview(page);
  await expect(current(page)).toHaveAttribute('data-id', all[0]!.id);

  // Starting is explicit and confirmed; cancelling changes nothing.
  await review.getByRole('button', { name: 'Start consensus…' }).click();
  await page.getByRole('alertdialog', { name: 'Start the consensus?' }).getByRole('button', { name: 'Cancel' }).click();
  expect(queryProject(served.project, 'SELECT 1 FROM coders WHERE name = ?', CONSENSUS)).toEqual([]);
  await review.getByRole('button', { name: 'Start consensus…' }).click();
  await page.getByRole('alertdialog', { name: 'Start the consensus?' }).getByRole('button', { name: 'Start consensus' }).click();
  await expect(review.getByText(`0 of ${all.length} decided`)).toBeVisible();
  expect(queryProject(served.project, 'SELECT 1 FROM coders WHERE name = ?', CONSENSUS)).toHaveLength(1);
  await expect(current(page).getByRole('button', { name: /Accept A/ })).toBeEnabled();

  // Five decisions by key: accept A (with a reason), accept B, keep both, drop, and an adjusted span.
  const decided: Item[] = [];
  const take = async () => {
    const i = byId.get(await currentId(page))!;
    decided.push(i);
    return i;
  };
  const first = await take();
  await page.keyboard.press('r');
  await page.keyboard.type('Alice marks the whole exchange');
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await expect(current(page)).not.toHaveAttribute('data-id', first.id);
  for (const key of ['b', 'h', 'd']) {
    const i = await take();
    await page.keyboard.press(key);
    await expect(current(page)).not.toHaveAttribute('data-id', i.id);
  }
  await take();
  await page.keyboard.press('s');
  await page.keyboard.press('ArrowRight'); // the end one word later
  await page.keyboard.press('Enter');
  await expect(review.getByText(`5 of ${all.length} decided`)).toBeVisible();

  const [accA, accB, both, drop, custom] = decided as [Item, Item, Item, Item, Item];
  expect(decisions().map((d) => [d.item_id, d.decision])).toEqual([
    [accA.id, 'accept-a'],
    [accB.id, 'accept-b'],
    [both.id, 'keep-both'],
    [drop.id, 'drop'],
    [custom.id, 'custom'],
  ]);
  expect(decisionOf(accA.id)!.reason).toBe('Alice marks the whole exchange');
  expect(held(accA)).toBe(accA.kind === 'onlyA');
  expect(held(accB)).toBe(accB.kind === 'onlyB');
  expect(held(both)).toBe(true);
  expect(held(drop)).toBe(false);
  const c = decisionOf(custom.id)!;
  expect(c.custom_start).toBe(custom.start);
  expect(c.custom_end).toBeGreaterThan(custom.end);
  expect(held(custom, { start: c.custom_start!, end: c.custom_end! })).toBe(true);

  // Change the first decision: back to it with K, drop it; the file follows.
  for (let n = 0; n < 10 && (await currentId(page)) !== accA.id; n += 1) await page.keyboard.press('k');
  await expect(current(page)).toHaveAttribute('data-id', accA.id);
  await expect(current(page).getByText('Decided: Accept A')).toBeVisible();
  await page.keyboard.press('d');
  await expect(current(page).getByText('Decided: Drop')).toBeVisible();
  await expect.poll(() => decisionOf(accA.id)?.decision).toBe('drop');
  expect(held(accA)).toBe(false);

  // Undo (Ctrl+Z in the workspace): the change, then the adjusted span.
  await page.keyboard.press('Control+z');
  await expect.poll(() => decisionOf(accA.id)?.decision).toBe('accept-a');
  expect(held(accA)).toBe(accA.kind === 'onlyA');
  await expect(current(page).getByText('Decided: Accept A')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => decisionOf(custom.id)).toBeUndefined();
  expect(held(custom, { start: c.custom_start!, end: c.custom_end! })).not.toBe(true);
  await expect(review.getByText(`4 of ${all.length} decided`)).toBeVisible();

  // The consensus coder is a coder everywhere: the transcript's Show menu lists it.
  await expect(page.getByLabel('Show codings of').locator('optgroup[label="Consensus"] option')).toHaveText([CONSENSUS]);

  // The next item shows within 50 ms of the key (median of 15 steps).
  const times = await page.evaluate(async () => {
    const out: number[] = [];
    const el = () => document.querySelector('[data-testid="disagreement-current"]')!;
    for (let n = 0; n < 15; n += 1) {
      const before = el().getAttribute('data-id');
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: n % 2 ? 'k' : 'j', bubbles: true }));
      while (el().getAttribute('data-id') === before) await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
    }
    return out.sort((x, y) => x - y);
  });
  console.log(`next disagreement shown after the key: median ${times[7]!.toFixed(1)} ms, max ${times[14]!.toFixed(1)} ms`);
  expect(times[7]).toBeLessThan(50);

  // T opens the passage in the transcript, back in the Code view; retrieval can filter by the consensus coder.
  const shown = byId.get(await currentId(page))!;
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: 'Code', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('main', { name: 'Transcript' }).getByRole('heading', { level: 1 })).toHaveText(shown.document);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tabpanel', { name: 'Retrieval' }).getByLabel('Coder').locator('option', { hasText: CONSENSUS })).toHaveCount(1);
});

test('the review screen has no serious accessibility problems, light and dark', async ({ page }) => {
  const review = await openReview(page);
  await review.getByRole('button', { name: 'Start consensus…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Start consensus' }).click();
  await expect(review.getByText(/0 of \d+ decided/)).toBeVisible();
  await page.keyboard.press('h');
  await expect(review.getByText(/1 of \d+ decided/)).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="disagreement-review"]').analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  }
});
