/**
 * What the transcript view draws, as plain data: one paragraph per stored line, each cut into
 * flat pieces at every coding boundary and at the end of each speaker's label. A paragraph's
 * signature changes only when its pieces or their colours do, so an edit repaints only the
 * lines it touches.
 */
import { paragraphs, segmentText } from '../../shared/text/segments.js';
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

/** Background for a piece covered by these codings: one colour, or horizontal bands for overlaps. */
export function highlightStyle(colors: readonly string[]): string {
  if (colors.length === 0) return '';
  if (colors.length === 1) return `background-color: ${colors[0]}55`;
  const step = 100 / colors.length;
  const bands = colors.map((c, i) => `${c}88 ${(i * step).toFixed(2)}%, ${c}88 ${((i + 1) * step).toFixed(2)}%`).join(', ');
  return `background-image: linear-gradient(to bottom, ${bands})`;
}

export function transcriptModel(text: string, codings: readonly CodingView[], turns: readonly Turn[] = []): LineModel[] {
  const colorOf = new Map(codings.map((c) => [c.guid, c.color]));
  const cuts = [
    ...codings.map((c) => ({ id: c.guid, start: c.start, end: c.end })),
    ...turns.filter((t) => t.speechStart > t.start).map((t) => ({ id: SPEAKER, start: t.start, end: t.speechStart })),
  ];
  return paragraphs(text, segmentText(text, cuts)).map((p) => {
    const pieces = p.segments.map((s) => {
      const ids = s.ids.filter((id) => id !== SPEAKER);
      return { start: s.start, end: s.end, codings: ids, speaker: ids.length !== s.ids.length, style: highlightStyle(ids.map((id) => colorOf.get(id) ?? '#999999')) };
    });
    const signature = pieces.map((x) => `${x.start}:${x.end}:${x.speaker ? 's' : ''}:${x.codings.join(',')}:${x.style}`).join('|');
    return { start: p.start, end: p.end, pieces, signature };
  });
}
