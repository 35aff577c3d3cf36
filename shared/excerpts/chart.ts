/**
 * The prevalence bars drawn inline in the HTML export: one bar per theme with a prevalence, as
 * plain SVG (no script, so the file stays self-contained and printable), with a text table as
 * its alternative in the page.
 */
import type { ExcerptTheme } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function prevalenceSvg(themes: readonly ExcerptTheme[]): string {
  const rows = themes.filter((t) => t.prevalence && t.prevalence.total > 0);
  if (rows.length === 0) return '';
  const bar = 18;
  const gap = 6;
  const labelW = 260;
  const plotW = 360;
  const h = rows.length * (bar + gap) + 24;
  const parts = rows.map((t, i) => {
    const p = t.prevalence!;
    const share = p.count / p.total;
    const y = i * (bar + gap);
    const name = `${'  '.repeat(t.depth)}${t.name}`;
    return (
      `<text x="${labelW - 8}" y="${y + bar * 0.72}" text-anchor="end">${esc(name.length > 40 ? `${name.slice(0, 39)}…` : name)}</text>` +
      `<rect x="${labelW}" y="${y}" width="${plotW}" height="${bar}" class="track"/>` +
      `<rect x="${labelW}" y="${y}" width="${(plotW * share).toFixed(1)}" height="${bar}" class="bar"/>` +
      `<text x="${labelW + plotW + 8}" y="${y + bar * 0.72}">${p.count} of ${p.total} (${Math.round(share * 100)}%)</text>`
    );
  });
  const axis = `<text x="${labelW}" y="${h - 6}" class="axis">0%</text><text x="${labelW + plotW}" y="${h - 6}" text-anchor="end" class="axis">100%</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="prevalence-title" viewBox="0 0 ${labelW + plotW + 110} ${h}" width="100%" class="chart">` +
    `<title id="prevalence-title">Prevalence of each theme</title>${parts.join('')}${axis}</svg>`
  );
}
