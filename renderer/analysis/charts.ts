/**
 * The analysis charts drawn with Observable Plot as SVG: prevalence bars and a matrix (the
 * co-occurrence heatmap and the cross-tab chart). Colours come from CSS classes (analysis.css),
 * so the charts follow the light and dark themes; `document` lets unit tests draw them in jsdom.
 * Bars and cells are links ("#p:KEY") the figure hands to its owner, which lists the passages.
 */
import * as Plot from '@observablehq/plot';

export interface Bar {
  key: string;
  label: string;
  /** A share in [0, 1]. */
  value: number;
  text: string;
  title: string;
}

export interface MatrixCell {
  key: string;
  row: string;
  column: string;
  /** Shade in [0, 1]. */
  shade: number;
  text: string;
  title: string;
}

const ROW = 22;
const labelWidth = (labels: readonly string[]) => Math.min(280, 40 + Math.max(0, ...labels.map((l) => l.length)) * 6.4);

function finish(svg: SVGSVGElement | HTMLElement): SVGSVGElement {
  // Plot adds a <style> element; the page's CSP allows no inline style sheets, and analysis.css has the same rules.
  for (const s of svg.querySelectorAll('style')) s.remove();
  // Plot names its groups with aria-label, which ARIA does not allow on a plain <g>; the chart is named as a whole.
  for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  // Browsers get xlink:href from Plot, which getAttribute('href') does not read: the figure reads data-cell.
  for (const a of svg.querySelectorAll('a')) a.setAttribute('data-cell', a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '');
  return svg as SVGSVGElement;
}

/** Horizontal bars, one per code, 0–100 %, each labelled "n of N". */
export function prevalenceBars(bars: readonly Bar[], axisLabel: string, width: number, doc: Document = document): SVGSVGElement {
  const left = labelWidth(bars.map((b) => b.label));
  const svg = Plot.plot({
    document: doc,
    width,
    height: 48 + Math.max(1, bars.length) * ROW,
    marginLeft: left,
    marginRight: 90,
    marginTop: 22,
    style: { background: 'transparent', color: 'currentColor', overflow: 'visible' },
    x: { domain: [0, 1], label: `${axisLabel} →`, grid: true, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    y: { domain: bars.map((b) => b.key), label: null, tickFormat: (k: string) => bars.find((b) => b.key === k)?.label ?? k, tickSize: 0 },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'key', className: 'bar', inset: 3, title: 'title', ariaLabel: 'title', href: (b: Bar) => `#p:${b.key}` }),
      Plot.text(bars, { x: 'value', y: 'key', text: 'text', textAnchor: 'start', dx: 6, className: 'bar-text' }),
      Plot.ruleX([0], { className: 'rule-zero' }),
    ],
  });
  return finish(svg);
}

/** A rows × columns grid of shaded cells with their numbers printed when there is room. */
export function matrixChart(
  rows: readonly { key: string; label: string }[],
  columns: readonly { key: string; label: string }[],
  cells: readonly MatrixCell[],
  width: number,
  doc: Document = document,
): SVGSVGElement {
  const left = labelWidth(rows.map((r) => r.label));
  // Few columns: cells no wider than 130 px rather than bars across the whole screen.
  width = Math.min(width, left + 10 + Math.max(1, columns.length) * 130);
  const cellWidth = (width - left - 10) / Math.max(1, columns.length);
  const rotate = columns.some((c) => c.label.length * 6.4 > cellWidth);
  const marginBottom = rotate ? Math.min(150, 24 + Math.max(0, ...columns.map((c) => c.label.length)) * 4.6) : 30;
  const rowLabel = new Map(rows.map((r) => [r.key, r.label]));
  const colLabel = new Map(columns.map((c) => [c.key, c.label]));
  const svg = Plot.plot({
    document: doc,
    width,
    height: 24 + marginBottom + Math.max(1, rows.length) * ROW,
    marginLeft: left,
    marginRight: 10,
    marginTop: 20,
    marginBottom,
    style: { background: 'transparent', color: 'currentColor', overflow: 'visible' },
    x: { domain: columns.map((c) => c.key), label: null, tickRotate: rotate ? -35 : 0, tickSize: 0, tickFormat: (k: string) => colLabel.get(k) ?? k },
    y: { domain: rows.map((r) => r.key), label: null, tickSize: 0, tickFormat: (k: string) => rowLabel.get(k) ?? k },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', inset: 1, className: 'cell-empty' }),
      Plot.cell(
        cells.filter((c) => c.shade > 0),
        {
          x: 'column',
          y: 'row',
          inset: 1,
          fill: 'currentColor',
          fillOpacity: (c: MatrixCell) => 0.12 + 0.88 * c.shade,
          className: 'cell-shade',
          title: 'title',
          ariaLabel: 'title',
          href: (c: MatrixCell) => `#p:${c.key}`,
        },
      ),
      // Dark cells take light text: two marks, as a mark's class is one for all its texts.
      ...(cellWidth >= 34
        ? [
            Plot.text(
              cells.filter((c) => c.shade <= 0.55),
              { x: 'column', y: 'row', text: 'text', className: 'cell-text' },
            ),
            Plot.text(
              cells.filter((c) => c.shade > 0.55),
              { x: 'column', y: 'row', text: 'text', className: 'cell-text on-strong' },
            ),
          ]
        : []),
    ],
  });
  return finish(svg);
}
