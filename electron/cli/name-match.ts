/**
 * Matching what a person types (a document name, a code path, a coder name) against what the
 * project holds, with no I/O, so the rules can be tested alone. Exact matches ignore case (as
 * the database does); a code path may leave out its top-level parents when that is unambiguous
 * ("Rapport/Information flow"), since that is how people name codes. Everything else that is
 * close (a typo, a document name without its extension, several codes ending the same way)
 * is not guessed but offered as "did you mean …".
 */
import { normalisePath } from '../../shared/codebook/tree.js';

export interface Named {
  guid: string;
  /** The document name, the code's full path, the coder's name. */
  name: string;
}

/** Not found: what is close; `ambiguous` when several codes end the way the typed path does. */
export type Match<T extends Named> = { found: T } | { found?: undefined; suggestions: T[]; ambiguous?: boolean };

/** At most this many suggestions in one message. */
const MAX_SUGGESTIONS = 3;

export { normalisePath };

const normaliseName = (s: string): string => s.trim().toLowerCase();

/** The last part of a file path, so `import`'s file arguments name their documents too. */
const baseName = (s: string): string => s.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? s;

/** A name without its extension ("co-01.txt" → "co-01"); names without one stay as they are. */
export function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Levenshtein distance with adjacent transpositions (a swapped pair of letters is one typo). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[n]!;
}

/** How many typos a word of this length may carry and still be suggested. */
export function typoBudget(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : length <= 12 ? 2 : 3;
}

/** The candidates nearest the query within the typo budget, in the project's order. */
function closest<T extends Named>(items: readonly T[], query: string, keysOf: (item: T) => string[]): T[] {
  const budget = typoBudget(query.length);
  if (budget === 0) return [];
  const scored: { item: T; d: number; i: number }[] = [];
  items.forEach((item, i) => {
    const d = Math.min(...keysOf(item).map((k) => editDistance(query, k)));
    if (d > 0 && d <= budget) scored.push({ item, d, i });
  });
  // Only the closest: one typo away beats two, and listing both would only blur the guess.
  const best = Math.min(...scored.map((s) => s.d));
  return scored
    .filter((s) => s.d === best)
    .sort((x, y) => x.i - y.i)
    .map((s) => s.item);
}

function unique<T extends Named>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.guid) && (seen.add(x.guid), true)).slice(0, MAX_SUGGESTIONS);
}

/** A document by name (any case), or by the last part of a file path naming it. */
export function matchDocument<T extends Named>(docs: readonly T[], typed: string): Match<T> {
  const q = normaliseName(typed);
  const exact = docs.find((d) => normaliseName(d.name) === q) ?? docs.find((d) => normaliseName(d.name) === normaliseName(baseName(typed)));
  if (exact) return { found: exact };
  const qStem = normaliseName(stem(baseName(typed)));
  const sameStem = docs.filter((d) => normaliseName(stem(d.name)) === qStem);
  // A name right but for its extension is a better guess than any typo: offer only those then.
  if (sameStem.length) return { suggestions: unique(sameStem) };
  const near = closest(docs, q, (d) => [normaliseName(d.name), normaliseName(stem(d.name))]);
  return { suggestions: unique(near) };
}

/**
 * A code by its full path, or by a path missing only its top-level parents when exactly one
 * code ends that way. Typos are compared with full paths and with path endings of the same
 * number of segments, so "Rapport/Informaton flow" still finds its code.
 */
export function matchCode<T extends Named>(codes: readonly T[], typed: string): Match<T> {
  const q = normalisePath(typed);
  if (q === '') return { suggestions: [] };
  const exact = codes.find((c) => normalisePath(c.name) === q);
  if (exact) return { found: exact };
  const endsSo = codes.filter((c) => normalisePath(c.name).endsWith(`/${q}`));
  if (endsSo.length === 1) return { found: endsSo[0]! };
  if (endsSo.length > 1) return { suggestions: unique(endsSo), ambiguous: true };
  const segments = q.split('/').length;
  const tail = (c: T) => normalisePath(c.name).split('/').slice(-segments).join('/');
  const near = closest(codes, q, (c) => [normalisePath(c.name), tail(c)]);
  return { suggestions: unique(near) };
}

/** A coder by name, any case. */
export function matchCoder<T extends Named>(coders: readonly T[], typed: string): Match<T> {
  const q = normaliseName(typed);
  const exact = coders.find((c) => normaliseName(c.name) === q);
  if (exact) return { found: exact };
  return { suggestions: unique(closest(coders, q, (c) => [normaliseName(c.name)])) };
}

/** `did you mean "A", "B" or "C"?`, or '' when there is nothing to offer. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map((n) => `"${n}"`);
  const last = quoted.pop()!;
  return `did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?`;
}
