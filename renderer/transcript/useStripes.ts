/**
 * Where the coding stripes go. Lanes come from the codings' character spans (no layout needed,
 * and stable while scrolling); positions are measured only for the codings near the visible part
 * of the transcript, so a 2-hour interview with thousands of codings costs what one screen costs.
 * A coding added or removed measures only itself; everything is measured again on scroll past
 * the measured part (once per frame), when more lines are built and when the text re-wraps.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import { LINES_PER_CHUNK } from './chunk-node.js';
import { lastStartingBy } from './model.js';
import { bandOf, lineElement, topWithin, type Band, type PieceIndex } from './geometry.js';
import { assignLanes, type Placed } from './lanes.js';

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

/** Index of the first of `n` boxes (in order down the page) whose bottom is below `y`, else n - 1. */
function firstEndingBelow(n: number, bottomOf: (i: number) => number, y: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottomOf(mid) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last of the boxes from `from` to `n` - 1 whose top is at or above `y` (else `from`). */
const lastStartingAbove = (from: number, n: number, topOf: (i: number) => number, y: number): number =>
  from +
  Math.max(
    0,
    lastStartingBy(n - from, (i) => topOf(from + i), y),
  );

/**
 * The lines within a screen above and below the visible part. Found chunk by chunk first (a
 * chunk's box is known without laying out its lines), then line by line in the two edge chunks,
 * so only lines near the screen are ever measured.
 */
function visibleWindow(scroller: HTMLElement, body: HTMLElement, index: PieceIndex): Window | null {
  const n = index.built;
  if (n === 0) return null;
  const offset = scroller.getBoundingClientRect().top - body.getBoundingClientRect().top;
  const top = offset - MARGIN * scroller.clientHeight;
  const bottom = offset + (1 + MARGIN) * scroller.clientHeight;
  const boxes = new Map<HTMLElement, { top: number; bottom: number }>();
  const box = (el: HTMLElement | null) => {
    if (!el) return { top: 0, bottom: 0 };
    let b = boxes.get(el);
    if (!b) {
      const t = topWithin(el, body);
      boxes.set(el, (b = { top: t, bottom: t + el.offsetHeight }));
    }
    return b;
  };
  const chunks = Math.ceil(n / LINES_PER_CHUNK);
  const chunk = (c: number) => index.root.children[c] as HTMLElement | null;
  const firstChunk = firstEndingBelow(chunks, (c) => box(chunk(c)).bottom, top);
  const lastChunk = lastStartingAbove(firstChunk, chunks, (c) => box(chunk(c)).top, bottom);
  const line = (i: number) => box(lineElement(index.root, i));
  const inChunk = (c: number) => [c * LINES_PER_CHUNK, Math.min(n, (c + 1) * LINES_PER_CHUNK)] as const;
  const [a0, a1] = inChunk(firstChunk);
  const first = a0 + firstEndingBelow(a1 - a0, (i) => line(a0 + i).bottom, top);
  const [b0, b1] = inChunk(lastChunk);
  const last = lastStartingAbove(Math.max(b0, first), b1, (i) => line(i).top, bottom);
  return { top: line(first).top, bottom: line(last).bottom, startChar: index.lines[first]!.start, endChar: index.lines[last]!.end };
}

/**
 * What was measured for one layout of the text: the window and each coding's band in it. A new
 * coding, or one removed, changes only highlights (never where the text wraps), so the bands
 * measured before still hold and only codings not seen yet are measured. It is measured afresh
 * when the layout may have moved: another text, more lines built, the body or scroller resized
 * (a chunk shown at its real height), or a scroll past what was measured.
 */
interface Measured {
  text: string;
  built: number;
  tick: number;
  win: Window | null;
  height: number;
  bands: Map<CodingView, Band | null>;
}

export function useStripes(
  scroller: RefObject<HTMLElement | null>,
  body: RefObject<HTMLElement | null>,
  index: PieceIndex | null,
  codings: readonly CodingView[],
  text: string,
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
  const memo = useRef<Measured | null>(null);
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
    watch?.observe(s);
    return () => {
      s.removeEventListener('scroll', scrolled);
      watch?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, body]);

  useLayoutEffect(() => {
    const s = scroller.current;
    const b = body.current;
    if (!index || !s || !b) return;
    let m = memo.current;
    if (!m || m.text !== text || m.built !== index.built || m.tick !== tick) {
      const win = visibleWindow(s, b, index);
      m = memo.current = { text, built: index.built, tick, win, height: b.scrollHeight, bands: new Map() };
      const margin = MARGIN * s.clientHeight;
      measured.current = win ? { from: s.scrollTop - margin + 1, to: s.scrollTop + s.clientHeight + margin - 1 } : null;
    }
    const { win, bands } = m;
    const placed: Placed<CodingView>[] = [];
    if (win) {
      for (const c of codings) {
        if (c.end <= win.startChar || c.start >= win.endChar) continue;
        let band = bands.get(c);
        if (band === undefined) {
          // Ends outside the window are drawn to its edge, without laying out lines off screen.
          band = bandOf(index, b, Math.max(c.start, win.startChar), Math.min(c.end, win.endChar));
          bands.set(c, band);
        }
        if (!band) continue;
        placed.push({
          item: c,
          top: c.start < win.startChar ? win.top : band.top,
          bottom: c.end > win.endChar ? win.bottom : band.bottom,
          lane: lanes.of.get(c.guid) ?? 0,
        });
      }
    }
    setLayout({ placed, lanes: lanes.count, height: m.height });
  }, [scroller, body, index, codings, text, lanes, tick]);
  return layout;
}
