/**
 * The dashboard's two charts drawn with Observable Plot as SVG. Colours come from CSS classes
 * (dashboard.css) so the charts follow the light and dark themes without being drawn again;
 * `document` lets unit tests draw them in jsdom.
 */
import * as Plot from '@observablehq/plot';
import type { StatId } from './model.js';
import type { CodeAxis, Dot, HeatCell } from './chart-data.js';
import { STAT_NAME, dotDomain } from './chart-data.js';
import { BANDS } from './numbers.js';

/** Dot shapes per band, the same glyphs as the table and the legend (colour is never the only cue). */
export const BAND_SYMBOL = { reliable: 'circle', tentative: 'diamond', unreliable: 'triangle' } as const;

const ROW = 22;

function finish(svg: SVGSVGElement | HTMLElement): SVGSVGElement {
  // Plot adds a <style> element; the page's CSP allows no inline style sheets, and dashboard.css has the same rules.
  for (const s of svg.querySelectorAll('style')) s.remove();
  // Plot names its groups ("rule", "dot") with aria-label, which ARIA does not allow on a plain <g>; the chart is named as a whole.
  for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  if (!(svg instanceof SVGSVGElement) && svg.tagName.toLowerCase() !== 'svg') throw new Error('Plot returned a figure, not an SVG');
  return svg as SVGSVGElement;
}

export function dotChart(axis: CodeAxis, dots: readonly Dot[], stat: StatId, width: number, doc: Document = document): SVGSVGElement {
  const labelWidth = Math.min(260, 40 + Math.max(0, ...[...axis.label.values()].map((l) => l.length)) * 6.5);
  const banded = stat !== 'percent';
  const rules = banded ? BANDS.filter((b) => b.at > -Infinity) : [];
  const whiskers = dots.filter((d) => d.lower !== null && d.upper !== null);
  const svg = Plot.plot({
    document: doc,
    width,
    height: 46 + Math.max(1, axis.codes.length) * ROW,
    marginLeft: labelWidth,
    marginRight: 20,
    marginTop: 20,
    style: { background: 'transparent', color: 'currentColor', overflow: 'visible' },
    x: {
      domain: dotDomain(dots, stat),
      label: `${STAT_NAME[stat]} →`,
      grid: true,
      ticks: stat === 'percent' ? 10 : 5,
      tickFormat: stat === 'percent' ? (v: number) => `${v}` : '.1f',
    },
    y: { domain: axis.codes, label: null, tickFormat: (c: string) => axis.label.get(c) ?? c, tickSize: 0 },
    marks: [
      ...(banded ? [Plot.ruleX([0], { className: 'rule-zero' })] : []),
      ...rules.map((b) => Plot.ruleX([b.at], { className: `rule-${b.band}`, strokeDasharray: '4 3' })),
      ...rules.map((b) =>
        Plot.text([b.at], {
          x: (v: number) => v,
          frameAnchor: 'top',
          dy: -14,
          // The two labels sit on either side of their rules so they never collide.
          dx: b.band === 'reliable' ? 4 : -4,
          textAnchor: b.band === 'reliable' ? 'start' : 'end',
          text: () => `${b.label.toLowerCase()} ${b.rule}`,
          className: `rule-label rule-${b.band}`,
        }),
      ),
      Plot.ruleY(whiskers, { y: 'code', x1: 'lower', x2: 'upper', className: 'whisker', strokeWidth: 1.5 }),
      Plot.tickX(whiskers, { y: 'code', x: 'lower', className: 'whisker', inset: 6 }),
      Plot.tickX(whiskers, { y: 'code', x: 'upper', className: 'whisker', inset: 6 }),
      ...(banded
        ? BANDS.map((b) =>
            Plot.dot(
              dots.filter((d) => d.band === b.band),
              { x: 'value', y: 'code', r: 5, symbol: BAND_SYMBOL[b.band], className: `band-${b.band}`, title: 'title' },
            ),
          )
        : [Plot.dot(dots, { x: 'value', y: 'code', r: 4.5, className: 'band-none', title: 'title' })]),
    ],
  });
  return finish(svg);
}

/** Up to this many heatmap cells, each is a link of its own. */
export const LINKED_CELLS = 600;
/** What a heatmap cell link or data-cell holds: "#cell:<row>:<document index>". */
const cellKey = (c: HeatCell, docIndex: ReadonlyMap<string, number>) => `#cell:${c.row}:${docIndex.get(c.document)}`;

const SVG_NS = 'http://www.w3.org/2000/svg';
type Band = ((v: unknown) => number) & { bandwidth?: () => number };

/**
 * Heatmap cells of one kind as a single path. Pointing at a cell titles the path with that cell
 * and sets its data-cell, which a click handler above reads.
 */
function bulkCells(
  doc: Document,
  className: string,
  index: number[],
  scales: Plot.ScaleFunctions,
  values: Plot.ChannelValues,
  data: readonly HeatCell[],
  docIndex: ReadonlyMap<string, number>,
): SVGElement {
  const xs = values.x as ArrayLike<number>;
  const ys = values.y as ArrayLike<number>;
  const bw = (scales.x as Band).bandwidth?.() ?? 1;
  // Narrow columns are drawn edge to edge: a gap would turn the map into stripes.
  const w = bw >= 6 ? bw - 1 : bw;
  const h = Math.max(0.5, ((scales.y as Band).bandwidth?.() ?? 1) - 2);
  const g = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
  g.setAttribute('class', className);
  const path = doc.createElementNS(SVG_NS, 'path');
  // Plot's index may be a typed array, whose map() cannot return strings.
  path.setAttribute('d', Array.from(index, (i) => `M${xs[i]! + (bw - w) / 2},${ys[i]! + 1}h${w}v${h}h${-w}z`).join(''));
  const title = doc.createElementNS(SVG_NS, 'title');
  path.append(title);
  g.append(path);
  const point = (e: MouseEvent) => {
    const m = (e.currentTarget as SVGGElement).getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    const at = index.find((i) => p.x >= xs[i]! && p.x < xs[i]! + bw && p.y >= ys[i]! && p.y < ys[i]! + h + 2);
    if (at === undefined) return path.removeAttribute('data-cell');
    path.setAttribute('data-cell', cellKey(data[at]!, docIndex));
    title.textContent = data[at]!.title;
  };
  g.addEventListener('pointermove', point);
  g.addEventListener('click', point);
  return g;
}

/** Cells big enough to print their value in. */
const printable = (cellWidth: number) => cellWidth >= 44;

export function heatmap(axis: CodeAxis, documents: readonly string[], cells: readonly HeatCell[], width: number, doc: Document = document): SVGSVGElement {
  const labelWidth = Math.min(260, 40 + Math.max(0, ...[...axis.label.values()].map((l) => l.length)) * 6.5);
  const many = documents.length > 24;
  const cellWidth = (width - labelWidth - 10) / Math.max(1, documents.length);
  const rotate = !many && documents.some((d) => d.length * 6.5 > cellWidth);
  const marginBottom = rotate ? Math.min(120, 24 + Math.max(0, ...documents.map((d) => d.length)) * 4.2) : 30;
  const kinds = [...new Set(cells.map((c) => c.kind))];
  const linked = cells.length <= LINKED_CELLS;
  const docIndex = new Map(documents.map((d, i) => [d, i]));
  const svg = Plot.plot({
    document: doc,
    width,
    height: 20 + marginBottom + Math.max(1, axis.codes.length) * ROW,
    marginLeft: labelWidth,
    marginRight: 10,
    marginTop: 20,
    marginBottom,
    style: { background: 'transparent', color: 'currentColor', overflow: 'visible' },
    x: many
      ? { domain: [...documents], axis: null, label: `${documents.length} documents →` }
      : { domain: [...documents], label: null, tickRotate: rotate ? -30 : 0, tickSize: 0 },
    y: { domain: axis.codes, label: null, tickFormat: (c: string) => axis.label.get(c) ?? c, tickSize: 0 },
    marks: [
      ...kinds.map((k) => {
        const data = cells.filter((c) => c.kind === k);
        return Plot.cell(data, {
          x: 'document',
          y: 'code',
          className: `heat-${k}`,
          inset: 1,
          // Small maps: every cell a link with its title (keyboard and screen readers reach each one).
          // Large maps (thousands of cells): one path per band, the cell under the pointer found by
          // position — far fewer elements to lay out; the table's rows per document are the keyboard path.
          ...(linked
            ? {
                title: 'title',
                ariaLabel: 'title',
                href: (c: HeatCell) => cellKey(c, docIndex),
                render: (index, scales, values, dimensions, context, next) => {
                  const g = next!(index, scales, values, dimensions, context)!;
                  const rects = g.querySelectorAll('rect');
                  index.forEach((i, n) => rects[n]?.setAttribute('data-cell', cellKey(data[i]!, docIndex)));
                  return g;
                },
              }
            : { render: (index, scales, values) => bulkCells(doc, `heat-${k}`, index, scales, values, data, docIndex) }),
        });
      }),
      ...(printable(cellWidth) ? [Plot.text(cells, { x: 'document', y: 'code', text: 'text', className: 'heat-text' })] : []),
      ...(many ? [Plot.text([`${documents.length} documents →`], { frameAnchor: 'bottom-right', dy: 22, className: 'axis-note' })] : []),
    ],
  });
  return finish(svg);
}
