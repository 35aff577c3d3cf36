/**
 * Krippendorff's unitized α family for a set of mutually exclusive codes treated as one
 * variable (each code a category) over a continuum of text. Each coder's continuum is cut into
 * sections — units carrying a category, and gaps (φ) — and coders are compared section by
 * section through the lengths where their sections intersect.
 *
 * Source: Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability of unitizing
 * textual continua: further developments", Quality & Quantity 50(6); Krippendorff (2019),
 * Content Analysis, 4th ed., §12.6. Notation (m coders, sections g of coder i of length l):
 *   ℓ_ck = 1/(m−1) Σ_i Σ_{j≠i} Σ_{g∈i:c} Σ_{h∈j:k} |g ∩ h|                  observed coincidences
 *   ε_ck = ℓ.. (ℓ_c. ℓ_.k − [c=k] S_c) / (ℓ..² − Σ_c S_c)                   expected coincidences
 *   S_c  = Σ over sections of value c of l² (units: indivisible) or l (gaps: divisible)
 *   α    = 1 − Σ_{c≠k} ℓ_ck / Σ_{c≠k} ε_ck                                  (nominal difference)
 * The four coefficients differ in which sections enter the matrices — see unitizedAlpha.
 *
 * Choices made here, stated because the sources leave them to the implementer:
 *   - a coder's overlapping or touching units of the same category merge into one unit (set
 *     union, as at character level); overlapping units of different categories are an error;
 *   - for cuα each unit's self-pairing term is its "pairable length" p_g, the mean over the
 *     other coders of its overlap with their units, so that Σ_g p_g = ℓ*.. as S_c sums to ℓ_c.;
 *   - Cuα (per category k) is the share of k's coincidences that disagree, observed versus
 *     expected, within the cuα matrices: 1 − [(ℓ*_k. − ℓ*_kk)/ℓ*_k.] / [(ε*_k. − ε*_kk)/ε*_k.].
 */
import { fail } from '../errors.js';
import type { Span } from '../types.js';
import { unionRuns } from './spans.js';
import { categoryKey, type StatResult } from './table.js';

export interface CategorizedSpan extends Span {
  category: string | number;
}

export interface UnitizedDocument {
  /** Length of the continuum (the document's text length). */
  n: number;
  /** One list of categorized spans per coder; the same coders, in the same order, in every document. */
  coders: readonly (readonly CategorizedSpan[])[];
}

export interface CategoryAlpha extends StatResult {
  category: string | number;
}

export interface UnitizedFamily {
  /** uα: boundaries and categories together (gaps are a value of their own). */
  u: StatResult;
  /** |uα: coded versus not coded, categories ignored. */
  binary: StatResult;
  /** cuα: categories, only where two coders' units overlap (boundaries ignored). */
  coding: StatResult;
  /** Cuα: cuα broken down per category. */
  perCategory: CategoryAlpha[];
  coders: number;
  length: number;
  /** Index 0 is the gap φ (label null); then the categories in first-seen order. */
  labels: (string | number | null)[];
  observed: number[][];
  expected: number[][];
}

interface Acc {
  index: Map<string, number>;
  labels: (string | number | null)[];
  l: number[][];
  S: number[];
  /** Self-pairing terms for cuα: Σ p_g² per category, p_g a unit's pairable length. */
  S2: number[];
  length: number;
}

function grow(acc: Acc, category: string | number): number {
  const key = categoryKey(category);
  let i = acc.index.get(key);
  if (i !== undefined) return i;
  i = acc.labels.length;
  acc.index.set(key, i);
  acc.labels.push(category);
  for (const row of acc.l) row.push(0);
  acc.l.push(new Array<number>(i + 1).fill(0));
  acc.S.push(0);
  acc.S2.push(0);
  return i;
}

/** One coder's continuum as sections (gaps have value 0), with S_c added to the accumulator. */
function sections(acc: Acc, n: number, spans: readonly CategorizedSpan[], who: string): { start: number[]; end: number[]; value: number[] } {
  const byCat = new Map<number, Span[]>();
  spans.forEach((s, i) => {
    if (s === null || typeof s !== 'object' || (typeof s.category !== 'string' && typeof s.category !== 'number'))
      fail('invalid_input', `${who} unit ${i + 1}: needs a category (text or number)`);
    const c = grow(acc, s.category);
    (byCat.get(c) ?? byCat.set(c, []).get(c)!).push(s);
  });
  const units: { start: number; end: number; value: number }[] = [];
  for (const [c, list] of byCat) {
    const r = unionRuns(list, n, who);
    r.starts.forEach((st, k) => units.push({ start: st, end: r.ends[k]!, value: c }));
  }
  units.sort((x, y) => x.start - y.start);
  const out = { start: [] as number[], end: [] as number[], value: [] as number[] };
  let pos = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.start < pos) {
      const prev = units[k - 1]!;
      fail(
        'invalid_input',
        `${who}: units ${JSON.stringify(acc.labels[prev.value])} [${prev.start}, ${prev.end}) and ${JSON.stringify(acc.labels[u.value])} [${u.start}, ${u.end}) overlap; codes grouped as one variable must not overlap within a coder`,
      );
    }
    if (u.start > pos) {
      out.start.push(pos);
      out.end.push(u.start);
      out.value.push(0);
      acc.S[0]! += u.start - pos;
    }
    out.start.push(u.start);
    out.end.push(u.end);
    out.value.push(u.value);
    acc.S[u.value]! += (u.end - u.start) ** 2;
    pos = u.end;
  }
  if (pos < n) {
    out.start.push(pos);
    out.end.push(n);
    out.value.push(0);
    acc.S[0]! += n - pos;
  }
  return out;
}

function accumulate(acc: Acc, doc: UnitizedDocument): void {
  const { n, coders } = doc;
  if (!Number.isInteger(n) || n < 0) fail('invalid_input', `Unitized alpha: document length must be a whole number ≥ 0, got ${n}`);
  const m = coders.length;
  const secs = coders.map((spans, i) => sections(acc, n, spans, `Coder ${i + 1}`));
  const pairable = secs.map((s) => new Array<number>(s.start.length).fill(0));
  const at = new Array<number>(m).fill(0);
  let pos = 0;
  // Multi-way sweep over every coder's section boundaries: between two consecutive boundaries
  // each coder holds one value, and that stretch adds its length to every ordered coder pair.
  while (pos < n) {
    let next = n;
    let codedHere = 0;
    for (let i = 0; i < m; i++) {
      const s = secs[i]!;
      if (s.end[at[i]!]! < next) next = s.end[at[i]!]!;
      if (s.value[at[i]!]! !== 0) codedHere++;
    }
    const len = next - pos;
    for (let i = 0; i < m; i++) {
      const vi = secs[i]!.value[at[i]!]!;
      const row = acc.l[vi]!;
      for (let j = 0; j < m; j++) if (j !== i) row[secs[j]!.value[at[j]!]!]! += len / (m - 1);
      if (vi !== 0) pairable[i]![at[i]!]! += (len * (codedHere - 1)) / (m - 1);
    }
    for (let i = 0; i < m; i++) if (secs[i]!.end[at[i]!]! === next) at[i]!++;
    pos = next;
  }
  secs.forEach((s, i) => s.value.forEach((v, g) => v !== 0 && (acc.S2[v]! += pairable[i]![g]! ** 2)));
  acc.length += n;
}

/** Expected coincidences ε_ck = T (r_c r_k − [c=k] S_c) / (T² − Σ S) over the given value indices. */
function expectedMatrix(l: number[][], S: number[], idx: number[]): { e: number[][]; ok: boolean } {
  const r = idx.map((c) => idx.reduce((s, k) => s + l[c]![k]!, 0));
  const T = r.reduce((s, x) => s + x, 0);
  const den = T * T - idx.reduce((s, c) => s + S[c]!, 0);
  const e = idx.map((_, a) => idx.map((__, b) => (den > 0 ? (T * (r[a]! * r[b]! - (a === b ? S[idx[a]!]! : 0))) / den : 0)));
  return { e, ok: T > 0 && den > 0 };
}

function alphaOf(l: number[][], e: number[][], idx: number[], group: (c: number) => number, reasonIfUndefined: string): StatResult {
  let Do = 0;
  let De = 0;
  let total = 0;
  idx.forEach((c, a) =>
    idx.forEach((k, b) => {
      total += l[c]![k]!;
      if (group(c) === group(k)) return;
      Do += l[c]![k]!;
      De += e[a]![b]!;
    }),
  );
  // Rounding can leave a hair above 0 where the exact value is 0; treat that as 0.
  if (!(De > 1e-12 * total)) return { value: null, reason: reasonIfUndefined };
  return { value: 1 - Do / De };
}

/**
 * The four unitized coefficients over one or more documents (documents are pooled: their
 * coincidences add, sections never cross a document boundary). Formulas in the module note;
 * what enters each:
 *   uα  — all values (φ and every category), nominal difference between values;
 *   |uα — the same matrices with categories collapsed to "coded": differences only coded/φ;
 *   cuα — only the unit × unit coincidences (ℓ_ck with c, k ≠ φ), S_c from pairable lengths;
 *   Cuα — per category within the cuα matrices (module note).
 * Each is null, with a reason, when its expected disagreement is 0.
 */
export function unitizedAlphaPooled(documents: readonly UnitizedDocument[]): UnitizedFamily {
  const m = documents[0]?.coders.length ?? 0;
  if (m < 2) fail('invalid_input', `Unitized alpha needs at least two coders; got ${m}`);
  documents.forEach((d, i) => {
    if (d.coders.length !== m) fail('invalid_input', `Unitized alpha: document ${i + 1} has ${d.coders.length} coders, document 1 has ${m}`);
  });
  const acc: Acc = { index: new Map(), labels: [null], l: [[0]], S: [0], S2: [0], length: 0 };
  for (const d of documents) accumulate(acc, d);
  const V = acc.labels.length;
  const all = [...Array(V).keys()];
  const cats = all.slice(1);
  const full = expectedMatrix(acc.l, acc.S, all);
  const base = { coders: m, length: acc.length, labels: acc.labels, observed: acc.l, expected: full.e };
  if (acc.length === 0) {
    const r = { value: null, reason: 'the text is empty: there is nothing to compare' };
    return { u: r, binary: r, coding: r, perCategory: [], ...base };
  }
  const gapTotal = all.reduce((s, k) => s + acc.l[0]![k]!, 0);
  const codedTotal = cats.reduce((s, c) => s + all.reduce((t, k) => t + acc.l[c]![k]!, 0), 0);
  const why =
    codedTotal === 0
      ? 'no coder marked any unit: expected disagreement is 0'
      : gapTotal === 0
        ? 'every coder coded the whole text: expected disagreement is 0'
        : 'only one value on the continuum: expected disagreement is 0';
  const u = alphaOf(acc.l, full.e, all, (c) => c, why);
  const binary = alphaOf(acc.l, full.e, all, (c) => (c === 0 ? 0 : 1), why);
  const star = expectedMatrix(acc.l, acc.S2, cats);
  const noOverlap = 'no two coders\u2019 units overlap: there is no jointly coded text to compare categories on';
  const coding: StatResult = !star.ok
    ? { value: null, reason: noOverlap }
    : alphaOf(acc.l, star.e, cats, (c) => c, 'all overlapping units carry one category: expected disagreement is 0');
  const perCategory = cats.map((k, a): CategoryAlpha => {
    const category = acc.labels[k] as string | number;
    const lRow = cats.reduce((s, c) => s + acc.l[k]![c]!, 0);
    if (!star.ok || lRow === 0) return { category, value: null, reason: 'no unit of this category overlaps another coder\u2019s unit' };
    const eRow = star.e[a]!.reduce((s, x) => s + x, 0);
    const eOff = eRow - star.e[a]![a]!;
    if (!(eRow > 0) || !(eOff > 1e-12 * eRow))
      return { category, value: null, reason: 'all overlapping units carry this category: expected disagreement is 0' };
    return { category, value: 1 - (lRow - acc.l[k]![k]!) / lRow / (eOff / eRow) };
  });
  return { u, binary, coding, perCategory, ...base };
}

/** The unitized family for one document of length n (see unitizedAlphaPooled). */
export function unitizedAlpha(n: number, coders: readonly (readonly CategorizedSpan[])[]): UnitizedFamily {
  return unitizedAlphaPooled([{ n, coders }]);
}
