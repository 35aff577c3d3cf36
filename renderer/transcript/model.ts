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
}

/** One line's pieces from the cuts that fall on it (offsets of the whole text). */
function lineModel(text: string, start: number, end: number, cuts: readonly Cut[], colorOf: (id: string) => string): LineModel {
  const local = cuts.map((c) => ({ id: c.id, start: Math.max(c.start, start) - start, end: Math.min(c.end, end) - start }));
  const pieces = segmentText(text.slice(start, end), local).map((seg) => {
    const ids = seg.ids.filter((id) => id !== SPEAKER);
    return { start: seg.start + start, end: seg.end + start, codings: ids, speaker: ids.length !== seg.ids.length, style: highlightStyle(ids.map(colorOf)) };
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

/**
 * The line models of a text with its codings and speaker turns. Returns a function that
 * remembers its last answer: when only some codings changed, only the lines they touch are cut
 * again (applying a code to a 2-hour interview recomputes one line, not 2,400).
 */
/** One shared empty list, so "no turns" is the same value on every call (the cache compares it). */
const NO_TURNS: readonly Turn[] = [];

export function createTranscriptModel(): (text: string, codings: readonly CodingView[], turns?: readonly Turn[]) => LineModel[] {
  let last: { text: string; turns: readonly Turn[]; bounds: { start: number; end: number }[]; keys: string[]; lines: LineModel[] } | null = null;
  return (text, codings, turns = NO_TURNS) => {
    const bounds = last?.text === text ? last.bounds : lineBounds(text);
    const colorOf = new Map(codings.map((c) => [c.guid, c.color]));
    const buckets: Cut[][] = bounds.map(() => []);
    const keys: string[] = bounds.map(() => '');
    const add = (c: Cut, key: string) => {
      const first = lineAt(bounds, c.start);
      const lastLine = lineAt(bounds, Math.max(c.start, c.end - 1));
      for (let l = first; l <= lastLine; l += 1) {
        buckets[l]!.push(c);
        keys[l] += key;
      }
    };
    for (const t of turns) if (t.speechStart > t.start) add({ id: SPEAKER, start: t.start, end: t.speechStart }, `s${t.start}-${t.speechStart}|`);
    for (const c of codings) add({ id: c.guid, start: c.start, end: c.end }, `${c.guid}:${c.start}-${c.end}:${c.color}|`);
    const reuse = last && last.text === text && last.turns === turns ? last : null;
    const lines = bounds.map((b, i) =>
      reuse && reuse.keys[i] === keys[i] ? reuse.lines[i]! : lineModel(text, b.start, b.end, buckets[i]!, (id) => colorOf.get(id) ?? '#999999'),
    );
    last = { text, turns, bounds, keys, lines };
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
