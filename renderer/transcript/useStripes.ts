/**
 * Where the coding stripes go. Lanes come from the codings' character spans (no layout needed,
 * and stable while scrolling); positions are measured only for the codings near the visible part
 * of the transcript, so a 2-hour interview with thousands of codings costs what one screen costs.
 * Re-measured after each repaint, on scroll (once per frame) and when the text re-wraps.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import { bandOf, type PieceIndex } from './geometry.js';
import { assignLanes, type Placed } from './lanes.js';
import type { LineModel } from './model.js';

/** Characters kept between two stripes in one lane, so codings on the same visual line do not share one. */
const LANE_GAP = 160;
/** Screens measured above and below the visible one, so most scrolling needs no new measuring. */
const MARGIN = 1;

export interface StripeLayout {
  placed: Placed<CodingView>[];
  lanes: number;
  height: number;
}

interface Window {
  top: number;
  bottom: number;
  startChar: number;
  endChar: number;
}

/** The lines within a screen above and below the visible part, by binary search on their tops. */
function visibleWindow(scroller: HTMLElement, body: HTMLElement, lineEls: HTMLCollection, lines: readonly LineModel[]): Window | null {
  const n = Math.min(lineEls.length, lines.length);
  if (n === 0) return null;
  const offset = scroller.getBoundingClientRect().top - body.getBoundingClientRect().top;
  const top = offset - MARGIN * scroller.clientHeight;
  const bottom = offset + (1 + MARGIN) * scroller.clientHeight;
  const el = (i: number) => lineEls[i] as HTMLElement;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (el(mid).offsetTop + el(mid).offsetHeight < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (el(mid).offsetTop > bottom) hi = mid - 1;
    else lo = mid;
  }
  return { top: el(first).offsetTop, bottom: el(lo).offsetTop + el(lo).offsetHeight, startChar: lines[first]!.start, endChar: lines[lo]!.end };
}

export function useStripes(
  scroller: RefObject<HTMLElement | null>,
  body: RefObject<HTMLElement | null>,
  index: PieceIndex | null,
  codings: readonly CodingView[],
  lines: readonly LineModel[],
): StripeLayout {
  const lanes = useMemo(() => {
    const { placed, lanes: count } = assignLanes(
      codings.map((c) => ({ item: c.guid, top: c.start, bottom: c.end })),
      LANE_GAP,
    );
    return { of: new Map(placed.map((p) => [p.item, p.lane])), count };
  }, [codings]);
  const [tick, setTick] = useState(0);
  /** The scroll range (scrollTop) the current stripes cover. */
  const measured = useRef<{ from: number; to: number } | null>(null);
  const [layout, setLayout] = useState<StripeLayout>({ placed: [], lanes: 0, height: 0 });

  useEffect(() => {
    const s = scroller.current;
    const b = body.current;
    if (!s || !b) return;
    let frame = 0;
    const again = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), setTick((t) => t + 1)));
    };
    // On scroll, only when the visible part nears the edge of what was measured.
    const scrolled = () => {
      const m = measured.current;
      const y = s.scrollTop;
      if (!m || y < m.from || y + s.clientHeight > m.to) again();
    };
    s.addEventListener('scroll', scrolled, { passive: true });
    const watch = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(again);
    watch?.observe(b);
    return () => {
      s.removeEventListener('scroll', scrolled);
      watch?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, body]);

  useLayoutEffect(() => {
    const s = scroller.current;
    const b = body.current;
    const root = b?.querySelector('.transcript-text');
    if (!index || !s || !b || !root) return;
    const win = visibleWindow(s, b, root.children, lines);
    const placed: Placed<CodingView>[] = [];
    if (win) {
      for (const c of codings) {
        if (c.end <= win.startChar || c.start >= win.endChar) continue;
        // Ends outside the window are drawn to its edge, without laying out lines off screen.
        const band = bandOf(index, b, Math.max(c.start, win.startChar), Math.min(c.end, win.endChar));
        if (!band) continue;
        placed.push({
          item: c,
          top: c.start < win.startChar ? win.top : band.top,
          bottom: c.end > win.endChar ? win.bottom : band.bottom,
          lane: lanes.of.get(c.guid) ?? 0,
        });
      }
    }
    const margin = MARGIN * s.clientHeight;
    measured.current = win ? { from: s.scrollTop - margin + 1, to: s.scrollTop + s.clientHeight + margin - 1 } : null;
    setLayout({ placed, lanes: lanes.count, height: b.scrollHeight });
  }, [scroller, body, index, codings, lines, lanes, tick]);
  return layout;
}
