/**
 * Selecting transcript text from the keyboard. The view is read-only, so the browser moves no
 * caret by itself; Selection.modify does it: arrows move by word or line, Shift extends, Alt
 * works by character. The caret is shown as a painted highlight on the character after it.
 */
import { paint, rangeOf, type PieceIndex } from './geometry.js';
import { pointToOffset } from './selection.js';

const KEYS: Record<string, ['forward' | 'backward', 'word' | 'line' | 'character']> = {
  ArrowRight: ['forward', 'word'],
  ArrowLeft: ['backward', 'word'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  Home: ['backward', 'line'],
  End: ['forward', 'line'],
};

/** Puts the caret at the first piece visible in the scroller when the selection is elsewhere. */
function ensureCaret(sel: Selection, root: HTMLElement, scroller: HTMLElement): void {
  if (sel.rangeCount && root.contains(sel.anchorNode)) return;
  const top = scroller.getBoundingClientRect().top;
  // The chunk first (its box needs no layout of its lines), then the piece in it: chunks above the
  // screen are not laid out to be passed over.
  const chunk = [...root.children].find((c) => c.getBoundingClientRect().bottom > top);
  const first = [...(chunk ?? root).querySelectorAll<HTMLElement>('[data-start]')].find((p) => p.getBoundingClientRect().bottom > top);
  if (first?.firstChild) sel.collapse(first.firstChild, 0);
}

/** Handles a key in the transcript; true when it was a caret or selection key. */
export function moveSelection(e: KeyboardEvent | React.KeyboardEvent, root: HTMLElement, scroller: HTMLElement, index: PieceIndex): boolean {
  const spec = KEYS[e.key];
  const sel = document.getSelection();
  const edge = e.key === 'Home' || e.key === 'End';
  if (!spec || !sel || ((e.ctrlKey || e.metaKey) && !edge)) return false;
  const [direction, unit] = spec;
  ensureCaret(sel, root, scroller);
  // Home/End: the line's ends; with Ctrl/Cmd, the document's.
  const by = edge ? (e.ctrlKey || e.metaKey ? 'documentboundary' : 'lineboundary') : e.altKey && unit !== 'line' ? 'character' : unit;
  sel.modify(e.shiftKey ? 'extend' : 'move', direction, by);
  showCaret(sel, root, index);
  return true;
}

function showCaret(sel: Selection | null, root: HTMLElement, index: PieceIndex): void {
  if (!sel || !sel.isCollapsed || !sel.anchorNode || !root.contains(sel.anchorNode)) return paint('caret', []);
  const at = pointToOffset(sel.anchorNode, sel.anchorOffset, root);
  const r = at === null ? null : rangeOf(index, at, at + 1);
  paint('caret', r ? [r] : []);
  (sel.anchorNode.parentElement ?? root).scrollIntoView?.({ block: 'nearest' });
}
