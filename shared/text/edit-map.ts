/**
 * A text edit as hunks (old offsets, UTF-16 code units) and what it does to a span: the rules
 * that keep every coding on the same words when a transcript is corrected.
 *
 * - a hunk before a span shifts it; after it leaves it;
 * - a hunk inside a span (touching its ends included) shrinks or grows it with the new text;
 * - a hunk across one of its ends trims it to the surviving words (new text there is not taken in);
 * - a hunk that deletes all of its words leaves an orphan (no span), reported by the caller.
 * A pure insertion exactly at a span's start or end goes outside the span.
 */

export interface Hunk {
  /** Old offsets [start, end) replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

export type Mapped = { kind: 'same' | 'moved' | 'edited' | 'trimmed'; start: number; end: number } | { kind: 'orphan'; at: number };

/** Sorts, and merges hunks that touch or overlap (never expected to overlap; merged defensively). */
export function mergeHunks(list: readonly Hunk[]): Hunk[] {
  const sorted = list.filter((h) => h.end > h.start || h.text.length > 0).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Hunk[] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && h.start <= last.end) {
      if (h.start < last.end) throw new Error('overlapping hunks');
      out[out.length - 1] = { start: last.start, end: h.end, text: last.text + h.text };
    } else out.push({ ...h });
  }
  return out;
}

export function applyHunks(text: string, hunks: readonly Hunk[]): string {
  let out = '';
  let pos = 0;
  for (const h of hunks) {
    out += text.slice(pos, h.start) + h.text;
    pos = h.end;
  }
  return out + text.slice(pos);
}

/** The hunks that take the edited text back to the original (new offsets). */
export function invertHunks(text: string, hunks: readonly Hunk[]): Hunk[] {
  let delta = 0;
  return hunks.map((h) => {
    const start = h.start + delta;
    delta += h.text.length - (h.end - h.start);
    return { start, end: start + h.text.length, text: text.slice(h.start, h.end) };
  });
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/** Refuses hunks that are out of order, out of range, or cut a surrogate pair in half. */
export function checkHunks(text: string, hunks: readonly Hunk[]): void {
  let pos = 0;
  for (const h of hunks) {
    if (!(h.start >= pos && h.end >= h.start && h.end <= text.length)) throw new Error('hunks out of order or out of range');
    if (splitsPair(text, h.start) || splitsPair(text, h.end)) throw new Error('an edit would split a surrogate pair');
    const t = h.text;
    if (t.length > 0 && (isLow(t.charCodeAt(0)) || isHigh(t.charCodeAt(t.length - 1)))) throw new Error('an edit would split a surrogate pair');
    pos = h.end;
  }
}

/** Where a span goes through the edit (hunks sorted and non-adjacent, as diffTexts and mergeHunks give). */
export function mapSpan(span: Span, hunks: readonly Hunk[]): Mapped {
  const { start: s, end: e } = span;
  let delta = 0;
  let ns: number | null = null;
  let ne: number | null = null;
  let trimmed = false;
  let edited = false;
  for (const h of hunks) {
    const { start: a, end: b } = h;
    const d = h.text.length - (b - a);
    const na = a + delta;
    // Wholly before the start (a pure insertion at the start stays outside the span).
    if (b < s || (b === s && (a < b || a === s))) {
      delta += d;
      continue;
    }
    if (a >= e) break;
    if (ns === null) {
      if (a < s) {
        // Across the start: every word deleted, or the span now begins after the new text.
        if (b >= e) return { kind: 'orphan', at: na };
        ns = na + h.text.length;
        trimmed = true;
        delta += d;
        continue;
      }
      ns = s + delta;
    }
    if (b <= e) {
      if (a === s && b === e && h.text.length === 0) return { kind: 'orphan', at: na };
      edited = true;
      delta += d;
      continue;
    }
    // Across the end: the span stops where its old words stop surviving.
    if (a === s) return { kind: 'orphan', at: na };
    ne = na;
    trimmed = true;
    break;
  }
  const start = ns ?? s + delta;
  const end = ne ?? e + delta;
  if (end <= start) return { kind: 'orphan', at: start };
  const kind = trimmed ? 'trimmed' : edited ? 'edited' : start === s ? 'same' : 'moved';
  return { kind, start, end };
}

/** Where a single offset goes, as a span's start (insertions there push it on) or end (they do not). */
export function mapOffset(at: number, hunks: readonly Hunk[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    const d = h.text.length - (h.end - h.start);
    if (h.end < at || (h.end === at && (h.start < h.end || side === 'start'))) {
      delta += d;
      continue;
    }
    if (h.start >= at) break;
    // Inside a deleted region: a start goes after the new text, an end before it.
    return side === 'start' ? h.start + delta + h.text.length : h.start + delta;
  }
  return at + delta;
}
