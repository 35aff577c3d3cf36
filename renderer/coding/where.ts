/**
 * Where a coding is, as a reader names it: "lines 15–16 · CO Martin" (the speaker of the turn it
 * starts in), not UTF-16 offsets. Line starts are computed once per text.
 */
import { lineRange, lineStarts } from '../../shared/text/lines.js';
import type { Span, Turn } from '../../shared/types.js';

export type Locate = (span: Span) => string;

export function locator(text: string, turns: readonly Turn[] = []): Locate {
  const starts = lineStarts(text);
  return (span) => {
    const { first, last } = lineRange(starts, span);
    const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
    const turn = turns.find((t) => t.start <= span.start && span.start < t.end);
    return turn?.speaker ? `${lines} · ${turn.speaker}` : lines;
  };
}

/** The last part of a code path (its own name); the full path goes in a tooltip. */
export const codeName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
