/**
 * Dragging an end of the span being adjusted in the review passage, as the transcript's resize
 * handles do: the pointer's place in the passage becomes a text offset (each piece of the passage
 * carries its start in `data-start`), snapped to a word boundary unless Alt is held.
 */
import type { Span } from '../../../shared/types.js';
import { snapToWords } from '../../../shared/text/snap.js';

/** The text offset under a point inside the passage, or null when the point is not over its text. */
export function offsetInPassage(x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
  let node: Node | null = null;
  let offset = 0;
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) {
    node = pos.offsetNode;
    offset = pos.offset;
  } else {
    const range = document.caretRangeFromPoint?.(x, y);
    if (range) {
      node = range.startContainer;
      offset = range.startOffset;
    }
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const piece = node.parentElement?.closest<HTMLElement>('[data-start]');
  if (!piece) return null;
  return Number(piece.dataset.start) + offset;
}

/** The draft with one end moved to `at` (ends swap if they cross; never empty); snapped unless exact. */
export function dragEdge(text: string, draft: Span, edge: 'start' | 'end', at: number, exact: boolean): Span {
  const moved = edge === 'start' ? { start: at, end: draft.end } : { start: draft.start, end: at };
  const ordered = moved.start <= moved.end ? moved : { start: moved.end, end: moved.start };
  const span = exact ? ordered : snapToWords(text, ordered);
  return span.start < span.end ? span : draft;
}
