/**
 * The difference between a stored text and a corrected version of it, as a few small hunks
 * (old offsets, UTF-16 code units). Lines first, then word tokens inside changed lines, then
 * characters for a one-word-for-one-word change (a typo), so a fix to "Jon" touches only the
 * letters that changed and codings around it keep their words. Every step is bounded: past the
 * bound a region is simply replaced whole, which is still a correct (if coarser) edit.
 * Tokens are whole code points, so no hunk boundary ever splits a surrogate pair.
 */
import { mergeHunks, type Hunk } from './edit-map.js';

/** Largest edit distance (in tokens) Myers is allowed to explore before giving up on a region. */
const MAX_COST = 2000;

type Op = { kind: 'same' | 'del' | 'ins'; n: number };

/**
 * Myers' O((N+M)D) diff of two token lists: a list of runs (same / deleted / inserted), or null
 * when the edit distance exceeds `maxCost` (the caller then replaces the region whole).
 */
export function myers(a: readonly string[], b: readonly string[], maxCost = MAX_COST): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxCost);
  // trace[d] holds V for diagonals -d..d after step d (index k + d).
  const trace: Int32Array[] = [];
  let prev = new Int32Array(1);
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    const v = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      const get = (kk: number) => prev[kk + (d - 1)]!;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && get(k - 1) < get(k + 1))) x = get(k + 1);
      else x = get(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[k + d] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v);
    prev = v;
  }
  if (found < 0) return null;
  // Walk back from (n, m) to (0, 0), collecting single steps, then merge them into runs.
  const steps: Op['kind'][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const pv = trace[d - 1]!;
    const k = x - y;
    const get = (kk: number) => pv[kk + (d - 1)]!;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = get(pk);
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      steps.push('same');
      x -= 1;
      y -= 1;
    }
    steps.push(down ? 'ins' : 'del');
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) {
    steps.push('same');
    x -= 1;
    y -= 1;
  }
  const ops: Op[] = [];
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    const kind = steps[i]!;
    const last = ops.at(-1);
    if (last && last.kind === kind) last.n += 1;
    else ops.push({ kind, n: 1 });
  }
  return ops;
}

/** Lines with their line feed, so joining the tokens gives the text back. */
export function lineTokens(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

/** Words (letters, marks, digits, apostrophes inside), runs of spaces, and single other code points. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[ \t\u00A0]+|[\s\S]/gu) ?? [];
}

const codePoints = (text: string): string[] => Array.from(text);

const isWord = (t: string) => /^[\p{L}\p{M}\p{N}]/u.test(t);

/**
 * Diffs `a` against `b` by `split`, calling `inner` on each replaced region (old start, old text,
 * new text) to refine it, or emitting it whole. Offsets are relative to `base`.
 */
function diffBy(
  a: string,
  b: string,
  base: number,
  split: (s: string) => string[],
  inner: ((a: string, b: string, base: number, out: Hunk[]) => void) | null,
  out: Hunk[],
): void {
  const ta = split(a);
  const tb = split(b);
  const ops = myers(ta, tb);
  if (!ops) {
    out.push({ start: base, end: base + a.length, text: b });
    return;
  }
  let ia = 0;
  let ib = 0;
  let pa = base;
  let k = 0;
  while (k < ops.length) {
    const op = ops[k]!;
    if (op.kind === 'same') {
      for (let j = 0; j < op.n; j += 1) pa += ta[ia + j]!.length;
      ia += op.n;
      ib += op.n;
      k += 1;
      continue;
    }
    // A replaced region: every del/ins run up to the next 'same'.
    const delTokens: string[] = [];
    const insTokens: string[] = [];
    while (k < ops.length && ops[k]!.kind !== 'same') {
      const o = ops[k]!;
      if (o.kind === 'del') {
        for (let j = 0; j < o.n; j += 1) delTokens.push(ta[ia + j]!);
        ia += o.n;
      } else {
        for (let j = 0; j < o.n; j += 1) insTokens.push(tb[ib + j]!);
        ib += o.n;
      }
      k += 1;
    }
    const del = delTokens.join('');
    const ins = insTokens.join('');
    if (inner && del.length > 0 && ins.length > 0) inner(del, ins, pa, out);
    else out.push({ start: pa, end: pa + del.length, text: ins });
    pa += del.length;
  }
}

/** One word for one word (a typo, a corrected name): down to the letters that changed. */
function refineWords(a: string, b: string, base: number, out: Hunk[]): void {
  const wa = wordTokens(a);
  const wb = wordTokens(b);
  if (wa.length === 1 && wb.length === 1 && isWord(wa[0]!) && isWord(wb[0]!)) diffBy(a, b, base, codePoints, null, out);
  else out.push({ start: base, end: base + a.length, text: b });
}

function refineLines(a: string, b: string, base: number, out: Hunk[]): void {
  diffBy(a, b, base, wordTokens, refineWords, out);
}

/** Common prefix and suffix, never ending inside a surrogate pair. */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const lim = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < lim && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHigh(a.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (suffix < lim - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLow(a.charCodeAt(a.length - suffix))) suffix -= 1;
  return { prefix, suffix };
}

/**
 * The hunks turning `a` into `b`: sorted, non-overlapping, non-adjacent, in `a`'s offsets.
 * Both texts must already be normalised (LF line ends).
 */
export function diffTexts(a: string, b: string): Hunk[] {
  if (a === b) return [];
  const { prefix, suffix } = commonEnds(a, b);
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const out: Hunk[] = [];
  if (midA.length === 0 || midB.length === 0) out.push({ start: prefix, end: prefix + midA.length, text: midB });
  else diffBy(midA, midB, prefix, lineTokens, refineLines, out);
  return mergeHunks(out);
}
