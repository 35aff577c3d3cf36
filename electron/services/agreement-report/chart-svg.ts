/**
 * A dot-and-whisker chart of one coefficient per code, drawn as plain SVG on the server so the
 * HTML report needs no script and no external file: a dot per code, its 95% interval as a
 * whisker when computed, and the α bands' thresholds as dashed rules. Colours come from the
 * page's CSS variables, so it follows the report's light or dark theme.
 */
import { ALPHA_BANDS } from '../../../shared/agreement/export.js';
import type { ReportModel } from './model.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function dotWhiskerSvg(chart: ReportModel['chart']): string {
  const pts = chart.points;
  const row = 22;
  // Room for the longest code path (about 6.5 px a character at 12 px), within reason; longer ones keep their end.
  const longest = Math.max(8, ...pts.map((p) => p.code.length));
  const maxChars = Math.min(longest, 48);
  const left = Math.round(16 + maxChars * 6.5);
  const label = (code: string) => (code.length > maxChars ? `…${code.slice(code.length - maxChars + 1)}` : code);
  const width = left + 520;
  const plotW = width - left - 30;
  const top = 34;
  const height = top + Math.max(pts.length, 1) * row + 36;
  const values = pts.flatMap((p) => [p.value, p.lower, p.upper]).filter((v): v is number => v !== null);
  const lo = Math.min(0, Math.floor(Math.min(...values, 0) * 5) / 5);
  const x = (v: number) => left + ((v - lo) / (1 - lo)) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="chart-title">`,
    `<title id="chart-title">${esc(chart.statistic)} per code, with the band thresholds ${ALPHA_BANDS.tentative} and ${ALPHA_BANDS.reliable}</title>`,
    `<text x="${left}" y="16" class="axis-title">${esc(chart.statistic)}</text>`,
  ];
  const ticks: number[] = [];
  for (let i = Math.round(lo * 5); i <= 5; i += 1) ticks.push(i / 5);
  const bottom = height - 28;
  for (const t of ticks) {
    parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${top - 6}" y2="${bottom}" class="grid"/>`);
    parts.push(`<text x="${x(t)}" y="${bottom + 16}" text-anchor="middle" class="tick">${t.toFixed(1)}</text>`);
  }
  for (const [v, name] of [
    [ALPHA_BANDS.tentative, 'tentative'],
    [ALPHA_BANDS.reliable, 'reliable'],
  ] as const) {
    parts.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${top - 10}" y2="${bottom}" class="rule"/>`);
    // Tentative's label sits left of its rule and reliable's right of its own, so the two never overlap.
    const anchor = name === 'tentative' ? `x="${x(v) - 3}" text-anchor="end"` : `x="${x(v) + 3}"`;
    parts.push(`<text ${anchor} y="${top - 12}" class="rule-label">${name} ≥ ${v.toFixed(3)}</text>`);
  }
  pts.forEach((p, i) => {
    const y = top + i * row + row / 2;
    parts.push(`<text x="${left - 10}" y="${y + 4}" text-anchor="end" class="code">${esc(label(p.code))}<title>${esc(p.code)}</title></text>`);
    if (p.lower !== null && p.upper !== null) parts.push(`<line x1="${x(p.lower)}" x2="${x(p.upper)}" y1="${y}" y2="${y}" class="whisker"/>`);
    if (p.value === null) parts.push(`<text x="${x(lo) + 4}" y="${y + 4}" class="undef">undefined</text>`);
    else parts.push(`<circle cx="${x(p.value)}" cy="${y}" r="4.5" class="dot"><title>${esc(p.code)}: ${p.value.toFixed(3)}</title></circle>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
