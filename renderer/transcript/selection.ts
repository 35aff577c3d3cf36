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

/** The last segment that ends before `node` in document order (not inside it). */
function segmentBefore(node: Node, root: HTMLElement): Element | null {
  const all = root.querySelectorAll(SEG);
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const pos = node.compareDocumentPosition(all[i]!);
    if (pos & Node.DOCUMENT_POSITION_PRECEDING && !(pos & Node.DOCUMENT_POSITION_CONTAINS)) return all[i]!;
  }
  return null;
}

/**
 * An element point (triple-click, select all, a paragraph edge): the point sits before child
 * `offset` of the element, or after its last child.
 */
function elementPointToOffset(el: Element, offset: number, root: HTMLElement): number {
  const own = el.closest(SEG);
  if (own) return offset === 0 ? segStart(own) : segEnd(own);
  const child = el.childNodes[offset] ?? null;
  if (child) {
    const first = child instanceof Element ? (child.matches(SEG) ? child : child.querySelector(SEG)) : null;
    if (first) return segStart(first);
    // A child without text (an empty line's <br>): just after the text before it.
    const before = segmentBefore(child, root);
    return before ? segEnd(before) + 1 : 0;
  }
  const inside = el.querySelectorAll(SEG);
  const last = inside[inside.length - 1] ?? segmentBefore(el, root);
  return last ? segEnd(last) : 0;
}

export function pointToOffset(node: Node | null, offset: number, root: HTMLElement): number | null {
  if (!node || !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement?.closest<HTMLElement>(SEG);
    return el ? segStart(el) + offset : null;
  }
  return node instanceof Element ? elementPointToOffset(node, offset, root) : null;
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
