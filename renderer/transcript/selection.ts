/**
 * A DOM selection in the transcript back to document offsets: walk from each end's text node
 * to its segment element, whose data-start is the piece's offset in the stored text.
 */
export interface OffsetSpan {
  start: number;
  end: number;
}

export function pointToOffset(node: Node | null, offset: number, root: HTMLElement): number | null {
  if (!node || !root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement?.closest<HTMLElement>('[data-start]');
    return el ? Number(el.dataset.start) + offset : null;
  }
  // An element point (e.g. the start of a paragraph): use the segment at or after that child.
  const el = node as HTMLElement;
  const child = el.childNodes[offset] ?? null;
  const seg = (child instanceof HTMLElement ? child : null)?.closest<HTMLElement>('[data-start]') ?? el.querySelector<HTMLElement>('[data-start]');
  if (seg) return Number(seg.dataset.start) + (child ? 0 : (seg.textContent ?? '').length);
  return null;
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
