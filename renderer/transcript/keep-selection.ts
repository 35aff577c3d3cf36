/**
 * A repaint replaces the text nodes under the reader's selection (a coding arrives, a refresh
 * re-cuts a line), and the browser then collapses or stretches the selection. The selection is
 * kept by document offsets instead: taken before the repaint, put back on the new pieces after.
 */
import { rangeOf, type PieceIndex } from './geometry.js';
import { pointToOffset } from './selection.js';

/** The selection inside the transcript as offsets, anchor and focus kept apart (its direction). */
export interface HeldSelection {
  anchor: number;
  focus: number;
}

export function holdSelection(root: HTMLElement): HeldSelection | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const anchor = pointToOffset(sel.anchorNode, sel.anchorOffset, root);
  const focus = pointToOffset(sel.focusNode, sel.focusOffset, root);
  return anchor === null || focus === null || anchor === focus ? null : { anchor, focus };
}

/** Puts a held selection back on the repainted view, unless it is still exactly there. */
export function restoreSelection(held: HeldSelection | null, root: HTMLElement, index: PieceIndex): void {
  if (!held) return;
  const now = holdSelection(root);
  if (now && now.anchor === held.anchor && now.focus === held.focus) return;
  const a = rangeOf(index, held.anchor, held.anchor);
  const f = rangeOf(index, held.focus, held.focus);
  if (!a || !f) return;
  root.ownerDocument.getSelection()?.setBaseAndExtent(a.startContainer, a.startOffset, f.startContainer, f.startOffset);
}
