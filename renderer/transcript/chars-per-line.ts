/**
 * How many characters a visual line of the transcript holds, set as --cpl on the text so that
 * chunks not yet shown reserve about the height they will take (styles.css, chunk-node.ts):
 * the scroll bar then stays nearly still as chunks come into view. Follows the column's width.
 */
import { useEffect, type RefObject } from 'react';

/** A sentence of ordinary English: its average character width stands for the transcript's. */
const SAMPLE = 'Well, you need to have some kind of working relationship with the guys, so when something is brewing ';

let canvas: HTMLCanvasElement | null = null;

function averageCharWidth(el: HTMLElement): number | null {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.font = getComputedStyle(el).font;
  return ctx.measureText(SAMPLE).width / SAMPLE.length || null;
}

export function useCharsPerLine(body: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const b = body.current;
    if (!b || typeof ResizeObserver === 'undefined') return;
    let width = -1;
    const update = () => {
      const text = b.querySelector<HTMLElement>('.transcript-text');
      const line = text?.querySelector<HTMLElement>('.line');
      if (!text || !line || text.clientWidth === width) return;
      width = text.clientWidth;
      const style = getComputedStyle(line);
      const room = line.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const char = averageCharWidth(line);
      // Wrapping at word ends leaves about an eighth of each visual line empty (measured on the bench interview at three widths).
      if (char && room > 0) text.style.setProperty('--cpl', String(Math.max(10, Math.floor((room / char) * 0.87))));
    };
    const watch = new ResizeObserver(update);
    watch.observe(b);
    update();
    return () => watch.disconnect();
  }, [body]);
}
