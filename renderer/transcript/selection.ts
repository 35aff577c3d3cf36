/**
 * A DOM selection in the transcript back to document offsets: walk from each end's text node
 * to its segment element, whose data-start is the piece's offset in the stored text.
 */
export interface OffsetSpan {
  start: number;
  end: number;
}

const SEG = '[data-start]';
const segStart = (el: Element) => Number((el as HTMLElement).dataset.start);
const segEnd = (el: Element) => segStart(el) + (el.textContent ?? '').length;

const LINE = '[data-line]';
const lineStart = (el: Element) => Number((el as HTMLElement).dataset.line);
/** A line's end: its start plus the text of its pieces (lines never hold their "\n"). */
const lineEnd = (el: Element) => lineStart(el) + [...el.querySelectorAll(SEG)].reduce((n, s) => n + (s.textContent ?? '').length, 0);

/**
 * An element point (triple-click, select all, a line's edge, an empty line): the point sits
 * before child `offset` of the element, or after its last child.
 */
function elementPointToOffset(el: Element, offset: number): number | null {
  const own = el.closest(SEG);
  if (own) return offset === 0 ? segStart(own) : segEnd(own);
  const child = el.childNodes[offset] ?? null;
  const line = el.closest(LINE);
  if (line) {
    // Inside a line: the piece at or after the point, else the line's end (or its start when empty).
    const next = child instanceof Element ? (child.matches(SEG) ? child : child.querySelector(SEG)) : null;
    if (next) return segStart(next);
    return child && !line.querySelector(SEG) ? lineStart(line) : lineEnd(line);
  }
  // Above the lines (the editor root): before line `offset`, or after the last line.
  const lines = el.querySelectorAll(LINE);
  const before = child instanceof Element ? (child.matches(LINE) ? child : child.querySelector(LINE)) : null;
  if (before) return lineStart(before);
  const last = lines[lines.length - 1];
  return last ? lineEnd(last) : null;
}

export function pointToOffset(node: Node | null, offset: number, root: HTMLElement): number | null {
  if (!node || !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement?.closest<HTMLElement>(SEG);
    return el ? segStart(el) + offset : null;
  }
  return node instanceof Element ? elementPointToOffset(node, offset) : null;
}

export function selectionToOffsets(selection: Selection | null, root: HTMLElement): OffsetSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = pointToOffset(range.startContainer, range.startOffset, root);
  const b = pointToOffset(range.endContainer, range.endOffset, root);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The document offset under a screen point (Chromium's caretRangeFromPoint), for dragging a coding's ends. */
export function offsetAtPoint(x: number, y: number, root: HTMLElement): number | null {
  const doc = root.ownerDocument as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? pointToOffset(r.startContainer, r.startOffset, root) : null;
}
