/**
 * Where the coding stripes' labels go, as in MAXQDA's margin: each label reads horizontally in one
 * column beside the lanes, level with the top of its coding, pushed down just enough not to cover
 * the label above; the column is as wide as the longest label shown (within limits), so labels
 * are read whole rather than clipped.
 */
import type { CodingView } from '../../shared/api/types.js';
import type { Placed } from './lanes.js';

export const LABEL_HEIGHT = 19;
export const LABEL_FONT_PX = 12;
const MIN_WIDTH = 72;
const MAX_WIDTH = 168;
/** Padding, the colour mark and the gap before the coder's initials. */
const CHROME = 22;

export const leaf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

let canvas: HTMLCanvasElement | null = null;
/** Widths measured so far, by font and text: a label's width is measured once, not on every repaint. */
const widths = new Map<string, number>();
/** The page's font, read when measuring starts (reading it forces a style recalculation). */
const pageFont = () => (typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily) || 'system-ui, sans-serif';

/** The width the label text takes in the page's font (an estimate where there is no canvas: jsdom). */
export function textWidth(text: string, bold = false, family = pageFont()): number {
  // jsdom has no canvas (and says so on every call).
  const noCanvas = typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent);
  canvas ??= noCanvas ? null : document.createElement('canvas');
  const ctx = canvas?.getContext('2d');
  if (!ctx) return text.length * LABEL_FONT_PX * 0.6;
  const font = `${bold ? 600 : 500} ${LABEL_FONT_PX}px ${family}`;
  const key = `${font}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    ctx.font = font;
    widths.set(key, (w = ctx.measureText(text).width));
  }
  return w;
}

/** The label column's width for these codings (all of the document's, so scrolling does not change it). */
export function labelColumnWidth(codings: readonly CodingView[], initials: ReadonlyMap<string, string> | null): number {
  let widest = 0;
  const seen = new Set<string>();
  const family = pageFont();
  for (const c of codings) {
    const key = `${c.code}\u0000${initials ? c.coder : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const coder = initials ? textWidth(initials.get(c.coder) ?? '', true, family) + 12 : 0;
    // Bold when chosen or hovered: measure that, so the label never grows past its box.
    widest = Math.max(widest, textWidth(leaf(c.code), true, family) + coder);
  }
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + CHROME)));
}

/** Each label's top: level with its coding, below the label before it. */
export function labelTops(placed: readonly Placed<CodingView>[]): Map<string, number> {
  const order = [...placed].sort((a, b) => a.top - b.top || a.lane - b.lane);
  const tops = new Map<string, number>();
  let next = -Infinity;
  for (const p of order) {
    const top = Math.max(p.top, next);
    tops.set(p.item.guid, top);
    next = top + LABEL_HEIGHT + 1;
  }
  return tops;
}
