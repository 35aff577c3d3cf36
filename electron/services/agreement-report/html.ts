/**
 * The agreement report as one self-contained HTML page: inline CSS (light and dark), the chart
 * as inline SVG, the facts and every table with numbers rounded for reading. No script, no
 * external resource: it opens offline and prints as it looks.
 */
import { dotWhiskerSvg } from './chart-svg.js';
import type { ReportModel, Sheet } from './model.js';
import { facts, showCell } from './present.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `
:root { --bg:#fbfaf8; --fg:#1f2328; --muted:#5f6670; --line:#d9d6d0; --panel:#f2f0ec; --accent:#2f5d8a; --good:#2e7d4f; --mid:#a06a00; --bad:#b3261e; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg:#16181b; --fg:#e6e3de; --muted:#9aa1a9; --line:#33373c; --panel:#1e2125; --accent:#8fb8e0; --good:#6cc08f; --mid:#e0b050; --bad:#f08a80; } }
body { background:var(--bg); color:var(--fg); font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin:2rem auto; max-width:1280px; padding:0 1.5rem; }
h1 { font-size:1.4rem; margin:0 0 .8rem; } h2 { font-size:1.1rem; margin:2rem 0 .5rem; border-bottom:1px solid var(--line); padding-bottom:.25rem; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; margin:0; } dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; font-size:13px; }
th, td { border-bottom:1px solid var(--line); padding:.25rem .5rem; text-align:left; vertical-align:top; }
th { background:var(--panel); font-weight:600; position:sticky; top:0; } td.num, th.num { text-align:right; }
td.undefined { color:var(--muted); font-style:italic; } td.band-reliable { color:var(--good); } td.band-tentative { color:var(--mid); } td.band-unreliable { color:var(--bad); }
p.note { color:var(--muted); } div.scroll { overflow-x:auto; }
svg.chart { max-width:100%; height:auto; } svg .grid { stroke:var(--line); } svg .tick, svg .rule-label, svg .undef { fill:var(--muted); font-size:11px; }
svg .axis-title { fill:var(--fg); font-size:12px; font-weight:600; } svg .code { fill:var(--fg); font-size:12px; }
svg .rule { stroke:var(--muted); stroke-dasharray:4 3; } svg .whisker { stroke:var(--accent); stroke-width:2; } svg .dot { fill:var(--accent); }
`;

function table(s: Sheet): string {
  const head = s.columns.map((c) => `<th scope="col"${c.kind === 'text' ? '' : ' class="num"'}>${esc(c.label)}</th>`).join('');
  const body = s.rows
    .map((r) => {
      const cells = r.map((c, i) => {
        const col = s.columns[i]!;
        const cls = [
          col.kind !== 'text' ? 'num' : '',
          c === null && col.kind !== 'text' ? 'undefined' : '',
          col.label.startsWith('band') && typeof c === 'string' ? `band-${c}` : '',
        ]
          .filter(Boolean)
          .join(' ');
        return `<td${cls ? ` class="${cls}"` : ''}>${esc(showCell(c, col.kind))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

export function reportHtml(m: ReportModel): string {
  const title = `Agreement between ${m.coders[0]} (A) and ${m.coders[1]} (B)`;
  const sections = m.sheets.map(
    (s) =>
      `<section>\n<h2>${esc(s.name)}</h2>\n${s.rows.length ? table(s) : `<p class="note">${s.name === 'Undefined values' ? 'Every statistic has a value.' : 'None.'}</p>`}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — ${esc(m.project)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<dl class="facts">
${facts(m)
  .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
  .join('\n')}
</dl>
<p class="note">Percent agreement is 0–100; coefficients are rounded to 3 decimals here (the XLSX and CSV exports keep full precision). "undefined" marks a statistic with no value; its reason is listed under "Undefined values".</p>
<section>
<h2>Chart</h2>
<figure>
${dotWhiskerSvg(m.chart)}
<figcaption class="note">${esc(m.chart.statistic)} per code; dashed rules at the band thresholds. The same values are in "Per code".</figcaption>
</figure>
</section>
${sections.join('\n')}
</body>
</html>
`;
}
