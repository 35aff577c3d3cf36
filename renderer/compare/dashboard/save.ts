/**
 * Saving a chart as a file of its own: the SVG with the theme's computed colours written into it
 * (the page's CSS does not travel with the file), and a PNG drawn from that SVG on a canvas.
 * Both go to the user as an <a download>; nothing leaves the computer.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'color',
];

/** A self-contained SVG document of `svg` as it looks now (colours of the current theme). */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement;
    for (const p of PROPS) {
      const v = style.getPropertyValue(p);
      if (v) target.style.setProperty(p, v);
    }
  });
  // Links inside the chart only mean something in the workspace.
  for (const a of clone.querySelectorAll('a')) a.removeAttribute('href');
  clone.setAttribute('xmlns', SVG_NS);
  const { width, height } = size(svg);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function size(svg: SVGSVGElement): { width: number; height: number } {
  return { width: Number(svg.getAttribute('width')) || svg.clientWidth, height: Number(svg.getAttribute('height')) || svg.clientHeight };
}

/** The SVG drawn at `scale` × its size on a canvas, as PNG. */
export async function pngOf(svg: SVGSVGElement, svgText: string, scale = 2): Promise<Blob> {
  const { width, height } = size(svg);
  const img = new Image();
  // A data: URL, as the page's CSP allows images from data: and not from blob:.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the PNG could not be made'))), 'image/png'));
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the parts of a choice: letters, digits and dashes only. */
export function fileName(parts: readonly string[], ext: 'svg' | 'png'): string {
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${stem || 'chart'}.${ext}`;
}
