/**
 * One chart on the dashboard: draws the SVG a builder returns into its box (again only when the
 * data or the box's width change), offers it as SVG and PNG, and hands clicks on the chart's
 * links (heatmap cells) to its owner. The table is its text alternative (aria-describedby).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { download, fileName, pngOf, standaloneSvg } from './save.js';

interface Props {
  testId: string;
  title: string;
  /** What the chart shows, one line under the title. */
  summary: string;
  describedBy: string;
  /** Parts of the saved file's name (coders, unit, chart). */
  fileParts: readonly string[];
  build(width: number): SVGSVGElement;
  /** Called after each drawing, with the number of drawings so far. */
  onPainted(): void;
  onLink?(href: string): void;
  controls?: ReactNode;
}

export function ChartFigure({ testId, title, summary, describedBy, fileParts, build, onPainted, onLink, controls }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [busy, setBusy] = useState(false);

  useLayoutEffect(() => {
    const el = box.current!;
    setWidth(Math.floor(el.clientWidth));
    const ro = new ResizeObserver(() => {
      const w = Math.floor(el.clientWidth);
      setWidth((old) => (Math.abs(old - w) > 8 ? w : old));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = box.current!;
    if (width <= 0) return;
    const svg = build(Math.max(360, width));
    // A chart with links in it (the heatmap) is a group: an img's content is not interactive.
    svg.setAttribute('role', onLink ? 'group' : 'img');
    svg.setAttribute('aria-label', `${title}: ${summary}`);
    svg.setAttribute('aria-describedby', describedBy);
    el.replaceChildren(svg);
    onPainted();
  }, [build, width, title, summary, describedBy, onPainted, onLink]);

  useEffect(() => {
    const el = box.current!;
    if (!onLink) return;
    const click = (e: MouseEvent) => {
      const target = e.target as Element;
      const href = target.closest('a')?.getAttribute('href') ?? target.closest('[data-cell]')?.getAttribute('data-cell');
      if (!href) return;
      e.preventDefault();
      onLink(href);
    };
    el.addEventListener('click', click);
    return () => el.removeEventListener('click', click);
  }, [onLink]);

  const save = async (kind: 'svg' | 'png') => {
    const svg = box.current?.querySelector('svg');
    if (!svg) return;
    const background = getComputedStyle(document.body).backgroundColor;
    const text = standaloneSvg(svg, background);
    if (kind === 'svg') return download(new Blob([text], { type: 'image/svg+xml' }), fileName(fileParts, 'svg'));
    setBusy(true);
    try {
      download(await pngOf(svg, text), fileName(fileParts, 'png'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <figure className="agreement-figure">
      <figcaption>
        <span className="figure-title">{title}</span>
        <span className="figure-summary">{summary}</span>
        <span className="figure-actions">
          {controls}
          <button type="button" onClick={() => void save('svg')} aria-label={`Save ${title} as SVG`}>
            SVG
          </button>
          <button type="button" onClick={() => void save('png')} disabled={busy} aria-label={`Save ${title} as PNG`}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={box} className="chart-box" data-testid={testId} />
    </figure>
  );
}
