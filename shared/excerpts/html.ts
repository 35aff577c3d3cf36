/**
 * The export as one self-contained, printable HTML page: styles inline, the prevalence chart as
 * inline SVG with its table as the text alternative, nothing fetched. The same page is what the
 * README's screenshot of a snippet export shows.
 */
import { prevalenceSvg } from './chart.js';
import { glanceSections } from './model.js';
import { tableHeader, tableRows } from './table.js';
import type { ExcerptModel, ExcerptTheme } from './types.js';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paras = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #1d1f21; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
h1 { font: 600 1.7rem/1.25 system-ui, sans-serif; margin: 0 0 .3rem; }
h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.3; margin: 1.6rem 0 .4rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d6d8db; padding-bottom: .2rem; }
h3 { font-size: 1.08rem; } h4, h5, h6 { font-size: 1rem; }
.meta { color: #5f6368; font: .85rem system-ui, sans-serif; margin-bottom: 1.2rem; }
.keywords { font: .95rem system-ui, sans-serif; } .keywords em { font-style: italic; }
.definition { color: #3c4043; font-style: italic; margin: .2rem 0; }
.prevalence { font: 600 .9rem system-ui, sans-serif; color: #1a5fa8; margin: .2rem 0 .8rem; }
figure.quote { margin: .9rem 0 1.1rem; padding: .1rem 0 .1rem 1rem; border-left: 3px solid #9db7d5; break-inside: avoid; }
figure.quote blockquote { margin: 0; } figure.quote blockquote p { margin: 0 0 .35rem; }
figure.quote figcaption { font: .82rem system-ui, sans-serif; color: #5f6368; }
.memo { font: .82rem system-ui, sans-serif; color: #3c4043; background: #f4f5f7; padding: .3rem .5rem; margin-top: .3rem; }
nav .toc { list-style: none; padding: 0; margin: .4rem 0 1rem; font: .88rem/1.6 system-ui, sans-serif; } nav a { color: inherit; } .toc-prev { color: #5f6368; }
table { border-collapse: collapse; width: 100%; font: .8rem system-ui, sans-serif; }
th, td { border: 1px solid #d6d8db; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #f4f5f7; }
.chart { max-width: 100%; font: 11px system-ui, sans-serif; fill: #1d1f21; } .chart .track { fill: #eef1f4; } .chart .bar { fill: #3d74b5; } .chart .axis { fill: #5f6368; }
.alt { font-size: .75rem; } .empty { color: #5f6368; font-style: italic; }
@media print { body { margin: 0; max-width: none; } nav { break-after: page; } h2, h3 { break-after: avoid; } a { text-decoration: none; } }
`;

function theme(m: ExcerptModel, t: ExcerptTheme, base: number, id: string): string {
  const level = Math.min(6, base + t.depth);
  const out = [`<section class="theme"><h${level} id="${id}">${esc(t.name)}</h${level}>`];
  if (t.definition.trim()) out.push(`<p class="definition">${esc(t.definition.trim())}</p>`);
  if (t.prevalenceLine) out.push(`<p class="prevalence">${esc(t.prevalenceLine)}</p>`);
  for (const q of t.quotes) {
    const memo = m.withMemos && q.memo ? `<div class="memo"><strong>Memo:</strong> ${esc(q.memo)}</div>` : '';
    const body = q.text
      .split('\n')
      .map((l) => `<p>${esc(l)}</p>`)
      .join('');
    out.push(`<figure class="quote"><blockquote>${body}</blockquote><figcaption>— ${esc(q.attribution)}</figcaption>${memo}</figure>`);
  }
  if (t.quotes.length === 0 && t.subthemes === 0) out.push('<p class="empty">No quotes in this selection.</p>');
  out.push('</section>');
  return out.join('\n');
}

function chart(m: ExcerptModel): string {
  const svg = prevalenceSvg(m.themes);
  if (!svg) return '';
  const rows = m.themes
    .filter((t) => t.prevalenceLine)
    .map((t) => `<tr><td>${esc(t.path)}</td><td>${esc(t.prevalenceLine)}</td></tr>`)
    .join('');
  return `<figure class="figure">${svg}<details class="alt"><summary>The chart as a table</summary><table><tr><th>theme</th><th>prevalence</th></tr>${rows}</table></details></figure>`;
}

export function excerptHtml(m: ExcerptModel): string {
  const meta = `${m.project} · ${m.date.slice(0, 10)} · codings by ${m.coders}${m.pseudonymised ? ' · pseudonymised' : ''}`;
  const body: string[] = [`<h1>${esc(m.title)}</h1>`];
  if (m.template === 'glance') {
    body.unshift('<p class="meta">Research at a glance</p>');
    body.push(`<p class="keywords"><strong>Key words:</strong> <em>${esc(m.keyWords.join(', '))}</em></p>`);
    for (const s of glanceSections(m)) {
      body.push(`<h2>${esc(s.heading)}</h2>`);
      if (s.body) body.push(paras(s.body));
      if (s.found) {
        body.push(chart(m));
        m.themes.forEach((t, i) => body.push(theme(m, t, 3, `theme-${i + 1}`)));
      }
    }
    body.push(`<p class="meta">${esc(meta)}</p>`);
  } else if (m.template === 'table') {
    body.push(`<p class="meta">${esc(meta)}</p>`);
    const head = tableHeader(m)
      .map((h) => `<th scope="col">${esc(h)}</th>`)
      .join('');
    const rows = tableRows(m)
      .map((r) => `<tr>${r.map((c) => `<td>${esc(String(c)).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`)
      .join('\n');
    body.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`);
  } else {
    body.push(`<p class="meta">${esc(meta)}</p>`);
    const items = m.themes
      .map(
        (t, i) =>
          `<li style="padding-left:${t.depth * 1.2}rem"><a href="#theme-${i + 1}">${esc(t.name)}</a>${t.prevalenceLine ? ` <span class="toc-prev">${esc(t.prevalenceLine)}</span>` : ''}</li>`,
      )
      .join('');
    body.push(`<nav aria-label="Contents"><h2>Contents</h2><ul class="toc">${items}</ul>${chart(m)}</nav>`);
    m.themes.forEach((t, i) => body.push(theme(m, t, 2, `theme-${i + 1}`)));
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)}</title><style>${STYLE}</style></head>
<body><main>
${body.join('\n')}
</main></body></html>
`;
}
