/**
 * What the transcript view draws, as plain data: one paragraph per stored line, each cut into
 * flat pieces at every coding boundary and at the end of each speaker's label. A paragraph's
 * signature changes only when its pieces or their colours do, so an edit repaints only the
 * lines it touches.
 */
import { segmentText } from '../../shared/text/segments.js';
import type { CodingView } from '../../shared/api/types.js';
import type { Turn } from '../../shared/types.js';

export interface Piece {
  start: number;
  end: number;
  /** Codings covering the piece (GUIDs), in the order given. */
  codings: string[];
  /** Part of a speaker label such as "OFFICER:". */
  speaker: boolean;
  /** CSS for the highlight ('' when uncoded). */
  style: string;
}

export interface LineModel {
  start: number;
  end: number;
  pieces: Piece[];
  signature: string;
}

const SPEAKER = '\u0000speaker';

/**
 * Background for a piece covered by these codings: one colour, or horizontal bands for overlaps
 * (so each code stays visible). How strong the tint is comes from the theme (--hl-one, --hl-many in
 * styles.css): strong on light paper, softer under light text in the dark theme.
 */
export function highlightStyle(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  const tint = (c: string, strength: string) => `color-mix(in srgb, ${c} var(${strength}), transparent)`;
  if (colors.length === 1) return `background-color: ${tint(colors[0]!, '--hl-one')}`;
  const step = 100 / colors.length;
  const bands = colors.map((c, i) => `${tint(c, '--hl-many')} ${(i * step).toFixed(2)}%, ${tint(c, '--hl-many')} ${((i + 1) * step).toFixed(2)}%`).join(', ');
  return `background-image: linear-gradient(to bottom, ${bands})`;
}

interface Cut {
  id: string;
  start: number;
  end: number;
  color: string;
}

/** One line's pieces from the cuts that fall on it (offsets of the whole text). */
function lineModel(text: string, start: number, end: number, cuts: readonly Cut[]): LineModel {
  const colorOf = new Map(cuts.map((c) => [c.id, c.color]));
  const local = cuts.map((c) => ({ id: c.id, start: Math.max(c.start, start) - start, end: Math.min(c.end, end) - start }));
  const pieces = segmentText(text.slice(start, end), local).map((seg) => {
    const ids = seg.ids.filter((id) => id !== SPEAKER);
    return {
      start: seg.start + start,
      end: seg.end + start,
      codings: ids,
      speaker: ids.length !== seg.ids.length,
      style: highlightStyle(ids.map((id) => colorOf.get(id)!)),
    };
  });
  const signature = pieces.map((x) => `${x.start}:${x.end}:${x.speaker ? 's' : ''}:${x.codings.join(',')}:${x.style}`).join('|');
  return { start, end, pieces, signature };
}

/** [start, end) of every line of the text (without its "\n"). */
function lineBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    out.push({ start, end: i });
    start = i + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

/** One shared empty list, so "no turns" is the same value on every call (the cache compares it). */
const NO_TURNS: readonly Turn[] = [];

/** What depends on the text and turns only: line bounds, the speaker-label cuts per line, each coding's lines. */
interface Base {
  text: string;
  turns: readonly Turn[];
  bounds: { start: number; end: number }[];
  speaker: Cut[][];
  /** First and last line of each coding seen (codings are immutable values, so their object is the key). */
  linesOf: WeakMap<CodingView, readonly [number, number]>;
}

function baseOf(text: string, turns: readonly Turn[]): Base {
  const bounds = lineBounds(text);
  const speaker: Cut[][] = bounds.map(() => []);
  for (const t of turns) {
    if (t.speechStart <= t.start) continue;
    const cut = { id: SPEAKER, start: t.start, end: t.speechStart, color: '' };
    for (let l = lineAt(bounds, t.start); l <= lineAt(bounds, t.speechStart - 1); l += 1) speaker[l]!.push(cut);
  }
  return { text, turns, bounds, speaker, linesOf: new WeakMap() };
}

/**
 * The line models of a text with its codings and speaker turns. Returns a function that
 * remembers its last answer: codings are compared by object (a write replaces the objects it
 * changes and keeps the rest), and only the lines of codings added or gone are cut again, so
 * applying a code to a 2-hour interview with 1,500 codings recomputes one line, not 2,400.
 */
export function createTranscriptModel(): (text: string, codings: readonly CodingView[], turns?: readonly Turn[]) => LineModel[] {
  let base: Base | null = null;
  let last: { codings: readonly CodingView[]; lines: LineModel[] } | null = null;
  return (text, codings, turns = NO_TURNS) => {
    if (!base || base.text !== text || base.turns !== turns) {
      base = baseOf(text, turns);
      last = null;
    }
    const { bounds, linesOf } = base;
    const span = (c: CodingView) => {
      let s = linesOf.get(c);
      if (!s) linesOf.set(c, (s = [lineAt(bounds, c.start), lineAt(bounds, Math.max(c.start, c.end - 1))]));
      return s;
    };
    // The lines to cut again: all of them the first time, else those of codings added or gone.
    let touched: Set<number> | null = null;
    if (last) {
      if (last.codings === codings) return last.lines;
      touched = new Set();
      const mark = (c: CodingView) => {
        const [a, b] = span(c);
        for (let l = a; l <= b; l += 1) touched!.add(l);
      };
      const before = new Set(last.codings);
      const now = new Set(codings);
      for (const c of codings) if (!before.has(c)) mark(c);
      for (const c of last.codings) if (!now.has(c)) mark(c);
    }
    const buckets = new Map<number, Cut[]>();
    const bucket = (l: number) => {
      let b = buckets.get(l);
      if (!b) buckets.set(l, (b = [...base!.speaker[l]!]));
      return b;
    };
    if (touched) for (const l of touched) bucket(l);
    for (const c of codings) {
      const [a, b] = span(c);
      for (let l = a; l <= b; l += 1) if (!touched || touched.has(l)) bucket(l).push({ id: c.guid, start: c.start, end: c.end, color: c.color });
    }
    const fresh = (i: number) => lineModel(text, bounds[i]!.start, bounds[i]!.end, buckets.get(i) ?? base!.speaker[i]!);
    let lines: LineModel[];
    if (last && touched) {
      lines = last.lines.slice();
      for (const l of touched) {
        const next = fresh(l);
        if (next.signature !== lines[l]!.signature) lines[l] = next;
      }
    } else lines = bounds.map((_, i) => fresh(i));
    last = { codings, lines };
    return lines;
  };
}

/** The line models, computed afresh (tests and one-off use). */
export function transcriptModel(text: string, codings: readonly CodingView[], turns: readonly Turn[] = []): LineModel[] {
  return createTranscriptModel()(text, codings, turns);
}

/** The index of the line holding offset `at` (binary search on line starts). */
export function lineAt(lines: readonly { start: number }[], at: number): number {
  return Math.max(
    0,
    lastStartingBy(lines.length, (i) => lines[i]!.start, at),
  );
}

/** The last of `count` items, sorted by start, that starts at or before `at`; -1 when none do (or none exist). */
export function lastStartingBy(count: number, startOf: (i: number) => number, at: number): number {
  let lo = -1;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(mid) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
