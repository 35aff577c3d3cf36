/**
 * From document offsets to the DOM and back, through the [data-start] pieces the view is made
 * of (each piece's text node holds exactly text[start, start + length)). Used for ranges (flash,
 * search marks, hover), scrolling, and the stripes' positions.
 */
import { LINES_PER_CHUNK } from './chunk-node.js';
import { lastStartingBy, lineAt } from './model.js';

/**
 * The view as built: its line elements (one per stored line, in order, in chunks) and
 * where each line starts. Nothing is collected up front: an offset finds its line by binary search
 * on the line starts, then its piece among that line's few children, so a repaint costs nothing
 * here however long the transcript is.
 */
export interface PieceIndex {
  root: HTMLElement;
  lines: readonly { start: number; end: number }[];
  /** Lines built so far (a long transcript is built in steps; the rest are not in the view yet). */
  built: number;
}

export function indexPieces(root: HTMLElement, lines: readonly { start: number; end: number }[], built: number): PieceIndex {
  return { root, lines, built: Math.min(built, lines.length) };
}

/** The element of line `i` (in its chunk), or null when it is not built. */
export function lineElement(root: HTMLElement, i: number): HTMLElement | null {
  const chunk = root.children[Math.floor(i / LINES_PER_CHUNK)];
  const line = chunk?.classList.contains('chunk') ? (chunk.children[i % LINES_PER_CHUNK] as HTMLElement | undefined) : undefined;
  return line?.dataset.line !== undefined ? line : null;
}

/** The element holding offset `at`: its piece, or the line itself when the line has no text. Null past the lines built. */
function elementAt(index: PieceIndex, at: number): { el: HTMLElement; start: number } | null {
  if (index.built === 0) return null;
  const li = Math.min(lineAt(index.lines, at), index.built - 1);
  const line = index.lines[li]!;
  if (li === index.built - 1 && at > line.end) return null;
  const lineEl = lineElement(index.root, li);
  if (!lineEl) return null;
  const pieces = lineEl.children;
  // Before a line's first piece counts as that piece (offsets there do not occur).
  const k = Math.max(
    0,
    lastStartingBy(pieces.length, (i) => Number((pieces[i] as HTMLElement).dataset.start ?? Infinity), at),
  );
  const piece = pieces[k] as HTMLElement | undefined;
  return piece?.dataset.start !== undefined ? { el: piece, start: Number(piece.dataset.start) } : { el: lineEl, start: line.start };
}

function point(index: PieceIndex, at: number): { node: Node; offset: number } | null {
  const found = elementAt(index, at);
  if (!found) return null;
  if (!found.el.dataset.start) return { node: found.el, offset: 0 };
  const textNode = found.el.firstChild ?? found.el;
  const len = (textNode.textContent ?? '').length;
  return { node: textNode, offset: Math.max(0, Math.min(len, at - found.start)) };
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
  const first = elementAt(index, start)?.el;
  const last = elementAt(index, Math.max(start, end - 1))?.el;
  if (!first || !last) return null;
  return { top: topWithin(first, container), bottom: topWithin(last, container) + last.offsetHeight };
}

/** The top of `el` in the content box of `container` (an ancestor that is positioned). */
export function topWithin(el: HTMLElement, container: HTMLElement): number {
  let y = 0;
  let node: HTMLElement | null = el;
  while (node && node !== container) {
    y += node.offsetTop;
    node = node.offsetParent as HTMLElement | null;
  }
  return y;
}

/**
 * Scrolls the container so the range sits about a third of the way down. Chunks that come into
 * view are then laid out at their real height instead of a guessed one, which can move the range:
 * for a few frames it is put back where it was meant to be, unless the reader scrolls meanwhile.
 */
export function scrollToRange(container: HTMLElement, range: Range): void {
  let set = -1;
  const place = () => {
    const r = range.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    const off = r.top - c.top - c.height / 3;
    if (Math.abs(off) > 1) container.scrollTop += off;
    set = container.scrollTop;
  };
  place();
  let frames = 0;
  const again = () => {
    if (container.scrollTop !== set || !range.startContainer.isConnected) return;
    place();
    if ((frames += 1) < 6) requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
}

/** What each highlight holds now, so painting the same ranges again is skipped. */
const painted = new Map<string, readonly Range[]>();

const sameRange = (a: Range, b: Range) =>
  a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

/**
 * Paints ranges with the CSS Custom Highlight API (::highlight(name)); a no-op where it is missing
 * (jsdom). Setting a highlight makes Chromium repaint the whole page, so ranges equal to those
 * already painted (same nodes and offsets: a live range over removed text would have moved) are
 * left as they are.
 */
export function paint(name: string, ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return;
  const before = painted.get(name) ?? [];
  if (before.length === ranges.length && before.every((r, i) => sameRange(r, ranges[i]!))) return;
  if (ranges.length === 0) {
    painted.delete(name);
    CSS.highlights.delete(name);
  } else {
    painted.set(name, ranges);
    CSS.highlights.set(name, new Highlight(...ranges));
  }
}
