/**
 * Choosing what to compare: the first pair of coders to show, a code with its sub-codes, the
 * documents both coders coded, and documents picked by a case attribute. Pure helpers of the
 * choice bar, kept here so they are tested without a browser.
 */
import type { CasesView, CodeWithCounts, CoderWithCounts, DocumentListItem } from '../../../shared/api/types.js';

/** Consensus coders are ordinary coders named like "Consensus (A+B)". */
export const isConsensus = (name: string): boolean => /^consensus\b/i.test(name.trim());

/** The first two coders (in the project's order) who coded something, consensus coders last; null with fewer than two coders. */
export function defaultPair(coders: readonly CoderWithCounts[]): [string, string] | null {
  const rank = (c: CoderWithCounts) => (isConsensus(c.name) ? 2 : 0) + (c.codings > 0 ? 0 : 1);
  const ranked = coders
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i)
    .map((x) => x.c);
  return ranked.length >= 2 ? [ranked[0]!.guid, ranked[1]!.guid] : null;
}

/** A code and every code under it, in code-book order. */
export function subtree(codes: readonly CodeWithCounts[], guid: string): string[] {
  const root = codes.find((c) => c.guid === guid);
  if (!root) return [];
  return codes.filter((c) => c.path === root.path || c.path.startsWith(`${root.path}/`)).map((c) => c.guid);
}

/** The subtree root `chosen` is exactly (a code-picker value), or null when it is some other set. */
export function subtreeRoot(codes: readonly CodeWithCounts[], chosen: readonly string[]): string | null {
  if (chosen.length === 0) return null;
  const set = new Set(chosen);
  const roots = codes.filter((c) => set.has(c.guid)).sort((x, y) => x.path.length - y.path.length);
  const root = roots[0];
  if (!root) return null;
  const tree = subtree(codes, root.guid);
  return tree.length === set.size && tree.every((g) => set.has(g)) ? root.guid : null;
}

export function docsBothCoded(docs: readonly DocumentListItem[], a: string | null, b: string | null): DocumentListItem[] {
  return docs.filter((d) => d.byCoder.some((c) => c.coderGuid === a && c.codings > 0) && d.byCoder.some((c) => c.coderGuid === b && c.codings > 0));
}

/** Every attribute = value pair some case has, for "documents by case attribute". */
export function attributeChoices(cases: CasesView): { attribute: string; value: string }[] {
  const seen = new Map<string, { attribute: string; value: string }>();
  for (const c of cases.cases)
    for (const [attribute, value] of Object.entries(c.attributes)) if (value !== '') seen.set(`${attribute}\u0000${value}`, { attribute, value });
  return [...seen.values()].sort((x, y) => x.attribute.localeCompare(y.attribute) || x.value.localeCompare(y.value, undefined, { numeric: true }));
}

/** Documents whose case has `attribute` = `value`. */
export function docsWithAttribute(docs: readonly DocumentListItem[], cases: CasesView, attribute: string, value: string): string[] {
  const names = new Set(cases.cases.filter((c) => c.attributes[attribute] === value).map((c) => c.name));
  return docs.filter((d) => d.caseName !== null && names.has(d.caseName)).map((d) => d.guid);
}
