/**
 * Measurements that run inside the page (passed to page.evaluate, so each is self-contained):
 * timing starts and stops in the page with performance.now(), with no Playwright round trip
 * in between. "Painted" means the first requestAnimationFrame in which the condition holds:
 * the frame that puts it on screen. installProbes runs in the page as an init script, so every
 * helper lives inside it.
 */

export interface ApplyTiming {
  /** Key press until the frame that paints the new coding's highlight. */
  painted: number;
  /** Key press until the highlight is in the DOM (before that frame). */
  committed: number;
  /** Key press until the stripe count grew (same frame, if it works as meant). */
  stripe: number;
}

export interface ScrollTiming {
  /** rAF to rAF: how often frames came. */
  intervals: number[];
  /** rAF callback to the first task after the frame: main-thread work of each frame (script, style, layout, paint). */
  work: number[];
  screens: number;
}

/** Opening a document, each from the click. */
export interface OpenTiming {
  /** Its first screen of text painted (the heading shows it and lines are in view). */
  first: number;
  /** Every codings' stripes and highlights in view painted (data-total says all arrived). */
  painted: number;
  /** The whole text present: every line of it in the page (no blank tail still to be built). */
  whole: number;
}

export interface Probes {
  open(a: { name: string; stripes: number; lines: number }): Promise<OpenTiming>;
  select(a: { start: number; end: number }): Promise<string>;
  apply(a: { start: number }): Promise<ApplyTiming>;
  uncoded(a: { start: number }): boolean;
  scroll(a: { step: number }): Promise<ScrollTiming>;
}

export function installProbes(): void {
  /** Clicks a document in the Documents panel; ms until its first screen, its codings, and its whole text are painted. */
  function openProbe({ name, stripes, lines }: { name: string; stripes: number; lines: number }): Promise<OpenTiming> {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.doc-item button')].find((b) => b.querySelector('.doc-name')?.textContent === name);
    if (!button) throw new Error(`no document button ${name}`);
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      let first = -1;
      let painted = -1;
      let whole = -1;
      const tick = () => {
        const now = performance.now() - t0;
        const shown = document.querySelector('.reader-head h1')?.textContent === name;
        const built = shown ? document.querySelectorAll('[data-testid="transcript"] [data-line]').length : 0;
        if (first < 0 && built > 0) first = now;
        if (whole < 0 && built >= lines) whole = now;
        // Stripe elements exist only near the visible part; data-total says all codings arrived.
        const box = document.querySelector<HTMLElement>('[data-testid="stripes"]');
        const n = box?.querySelectorAll('.stripe').length ?? 0;
        const all = box?.dataset.total === String(stripes);
        if (painted < 0 && shown && all && (stripes === 0 || (n > 0 && document.querySelector('[data-testid="transcript"] [data-codings]')))) painted = now;
        if (first >= 0 && painted >= 0 && whole >= 0) return resolve({ first, painted, whole });
        if (performance.now() - t0 > 30_000) return reject(new Error(`open timed out: ${n} stripes of ${stripes}`));
        requestAnimationFrame(tick);
      };
      button.click();
      requestAnimationFrame(tick);
    });
  }

  /** The [data-start] piece holding offset `at` (the end of a piece counts when `end`), and the offset in its text. */
  function locate(at: number, end: boolean): { el: HTMLElement; node: Text; offset: number } {
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="transcript"] [data-start]')) {
      const node = el.firstChild;
      if (!(node instanceof Text)) continue;
      const s = Number(el.dataset.start);
      if (at >= s && (at < s + node.data.length || (end && at === s + node.data.length))) return { el, node, offset: at - s };
    }
    throw new Error(`offset ${at} is not in the transcript`);
  }

  /** Selects [start, end) of the stored text as a person would, reporting it with a mouseup. */
  function selectProbe({ start, end }: { start: number; end: number }): Promise<string> {
    const a = locate(start, false);
    const b = locate(end, true);
    if (a.el.dataset.codings) throw new Error(`offset ${start} is already coded`);
    a.el.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    // Two frames: React has rendered the selection and the page is quiet.
    return new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.querySelector('.reader-head .meta')?.textContent ?? ''))),
    );
  }

  /** Presses '1' (the first pinned code) with a selection at `start`; ms until its highlight is painted. */
  function applyProbe({ start }: { start: number }): Promise<ApplyTiming> {
    const before = document.querySelectorAll('[data-testid="stripes"] .stripe').length;
    // The line is found before the clock starts: a repaint replaces its pieces, not the line
    // itself, so each check reads only that line's few pieces (not the whole transcript's).
    const line = locate(start, false).el.closest<HTMLElement>('[data-line]')!;
    const coded = () =>
      [...line.children].some((el) => {
        const piece = el as HTMLElement;
        const s = Number(piece.dataset.start);
        return s <= start && start < s + (piece.textContent ?? '').length && !!piece.dataset.codings;
      });
    return new Promise((resolve, reject) => {
      let committed = -1;
      let stripe = -1;
      const watch = new MutationObserver(() => {
        if (committed < 0 && coded()) committed = performance.now() - t0;
        // The new coding's own stripe (stripe elements exist only near the visible part).
        // (Its offsets are in its accessible name: an aria-label once, screen-reader text now.)
        if (
          stripe < 0 &&
          [...document.querySelectorAll('[data-testid="stripes"] .stripe')].some((el) =>
            (el.getAttribute('aria-label') ?? el.textContent ?? '').includes(`characters ${start}–`),
          )
        )
          stripe = performance.now() - t0;
      });
      watch.observe(document.querySelector('[data-testid="transcript"]')!, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-codings', 'style'],
      });
      const t0 = performance.now();
      const tick = () => {
        if (committed >= 0 && stripe >= 0) {
          watch.disconnect();
          return resolve({ painted: performance.now() - t0, committed, stripe });
        }
        if (performance.now() - t0 > 10_000)
          return reject(
            new Error(
              `apply timed out (highlight at ${committed} ms, stripe at ${stripe} ms, stripes before ${before}, now ${document.querySelectorAll('[data-testid="stripes"] .stripe').length}, total ${document.querySelector<HTMLElement>('[data-testid="stripes"]')?.dataset.total}, pending ${document.querySelectorAll('[data-pending]').length}, lines ${document.querySelectorAll('[data-line]').length})`,
            ),
          );
        requestAnimationFrame(tick);
      };
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
      requestAnimationFrame(tick);
    });
  }

  /** True when the piece at `start` has no coding (after an undo has been shown). */
  function uncodedProbe({ start }: { start: number }): boolean {
    const el = [...document.querySelectorAll<HTMLElement>('[data-testid="transcript"] [data-start]')].find((e) => {
      const s = Number(e.dataset.start);
      return start >= s && start < s + (e.textContent?.length ?? 0);
    });
    return !!el && !el.dataset.codings;
  }

  /** Scrolls the transcript from top to bottom, one screen per frame. */
  /** Scrolls top to bottom, `step` screens per frame, timing every frame. */
  function scrollProbe({ step }: { step: number }): Promise<ScrollTiming> {
    const el = document.querySelector<HTMLElement>('[data-testid="transcript"]')!;
    el.scrollTop = 0;
    const intervals: number[] = [];
    const work: number[] = [];
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => work.push(performance.now() - frameStart);
    return new Promise((resolve) => {
      let last = 0;
      let screens = 0;
      const frame = (ts: number) => {
        if (last) intervals.push(ts - last);
        last = ts;
        frameStart = performance.now();
        const bottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        if (bottom && screens > 0) {
          channel.port1.close();
          return resolve({ intervals, work, screens });
        }
        el.scrollTop += Math.round(el.clientHeight * step);
        screens += 1;
        // Runs after this frame's style, layout and paint.
        channel.port2.postMessage(0);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(() => requestAnimationFrame(frame));
    });
  }

  (window as unknown as { probes: Probes }).probes = { open: openProbe, select: selectProbe, apply: applyProbe, uncoded: uncodedProbe, scroll: scrollProbe };
}
