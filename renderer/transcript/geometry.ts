/**
 * From document offsets to the DOM and back, through the [data-start] pieces the view is made
 * of (each piece's text node holds exactly text[start, start + length)). Used for ranges (flash,
 * search marks, hover), scrolling, and the stripes' positions.
 */
import { lastStartingBy } from './model.js';

export interface PieceIndex {
  pieces: HTMLElement[];
  starts: number[];
}

export function indexPieces(root: HTMLElement): PieceIndex {
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  return { pieces, starts: pieces.map((p) => Number(p.dataset.start)) };
}

/** The piece holding offset `at` (the last piece starting at or before it). */
export function pieceAt(index: PieceIndex, at: number): number {
  // Before the first piece counts as the first piece (offsets below its start do not occur).
  return index.starts.length === 0
    ? -1
    : Math.max(
        0,
        lastStartingBy(index.starts.length, (i) => index.starts[i]!, at),
      );
}

function point(index: PieceIndex, at: number): { node: Node; offset: number } | null {
  const i = pieceAt(index, at);
  const el = index.pieces[i];
  if (!el) return null;
  const textNode = el.firstChild ?? el;
  const len = (textNode.textContent ?? '').length;
  // Past the end of the last piece built so far (a long transcript is built in steps).
  if (i === index.pieces.length - 1 && at > index.starts[i]! + len) return null;
  return { node: textNode, offset: Math.max(0, Math.min(len, at - index.starts[i]!)) };
}

/** A DOM Range over [start, end), or null when the view does not hold those offsets. */
export function rangeOf(index: PieceIndex, start: number, end: number): Range | null {
  const a = point(index, start);
  const b = point(index, Math.max(start, end));
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

export interface Band {
  top: number;
  bottom: number;
}

/**
 * Vertical extent of [start, end) in the content box of the positioned container, from the
 * pieces' offsetTop/offsetHeight (one layout for all codings, no per-coding Range).
 */
export function bandOf(index: PieceIndex, container: HTMLElement, start: number, end: number): Band | null {
  const first = index.pieces[pieceAt(index, start)];
  const last = index.pieces[pieceAt(index, Math.max(start, end - 1))];
  if (!first || !last) return null;
  return { top: topWithin(first, container), bottom: topWithin(last, container) + last.offsetHeight };
}

function topWithin(el: HTMLElement, container: HTMLElement): number {
  let y = 0;
  let node: HTMLElement | null = el;
  while (node && node !== container) {
    y += node.offsetTop;
    node = node.offsetParent as HTMLElement | null;
  }
  return y;
}

/** Scrolls the container so the range sits about a third of the way down. */
export function scrollToRange(container: HTMLElement, range: Range): void {
  const r = range.getBoundingClientRect();
  const c = container.getBoundingClientRect();
  container.scrollTop += r.top - c.top - c.height / 3;
}

/** Paints ranges with the CSS Custom Highlight API (::highlight(name)); a no-op where it is missing (jsdom). */
export function paint(name: string, ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}
