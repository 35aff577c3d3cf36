/**
 * The export as Markdown: the snippet and glance templates as headed sections with block
 * quotes, the Table template as a pipe table. Characters Markdown would read as markup are
 * escaped with a backslash, so a renderer shows the participant's words exactly.
 */
import { glanceSections } from './model.js';
import { tableHeader, tableRows } from './table.js';
import type { ExcerptModel, ExcerptTheme } from './types.js';

/** Inline text: markup characters escaped; a line that would start a list or heading is escaped too. */
export function mdEscape(s: string): string {
  return s
    .replace(/([\\`*_<>[\]|])/g, '\\$1')
    .split('\n')
    .map((l) =>
      l.replace(/^(\s*)([#+-]|\d+\.)(?=\s|$)/, (_m, sp: string, mark: string) => (mark.endsWith('.') ? `${sp}${mark.slice(0, -1)}\\.` : `${sp}\\${mark}`)),
    )
    .join('\n');
}

/** Undoes mdEscape (tests and round trips read the words back). */
export function mdUnescape(s: string): string {
  return s.replace(/\\([\\`*_<>[\]|#+\-.])/g, '$1');
}

const heading = (level: number, text: string) => `${'#'.repeat(Math.min(6, level))} ${mdEscape(text)}`;

function themeMd(m: ExcerptModel, t: ExcerptTheme, base: number): string[] {
  const out = [heading(base + t.depth, t.name), ''];
  if (t.definition.trim()) out.push(`*${mdEscape(t.definition.trim())}*`, '');
  if (t.prevalenceLine) out.push(`**${mdEscape(t.prevalenceLine)}**`, '');
  for (const q of t.quotes) {
    out.push(...q.text.split('\n').map((l) => `> ${mdEscape(l)}`), '>', `> — ${mdEscape(q.attribution)}`, '');
    if (m.withMemos && q.memo) out.push(`*Memo:* ${mdEscape(q.memo)}`, '');
  }
  if (t.quotes.length === 0 && t.subthemes === 0) out.push('*No quotes in this selection.*', '');
  return out;
}

function meta(m: ExcerptModel): string {
  const when = m.date.slice(0, 10);
  return `*${mdEscape(`${m.project} · ${when} · codings by ${m.coders}${m.pseudonymised ? ' · pseudonymised' : ''}`)}*`;
}

export function excerptMarkdown(m: ExcerptModel): string {
  const out = [heading(1, m.title), '', meta(m), ''];
  if (m.template === 'table') {
    const head = tableHeader(m);
    out.push(`| ${head.map(mdEscape).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
    for (const r of tableRows(m)) out.push(`| ${r.map((c) => mdEscape(String(c)).replace(/\n/g, '<br>')).join(' | ')} |`);
    return `${out.join('\n')}\n`;
  }
  if (m.template === 'glance') {
    out.splice(1, 0, '', `**Key words:** *${mdEscape(m.keyWords.join(', '))}*`);
    for (const s of glanceSections(m)) {
      out.push(heading(2, s.heading), '');
      // The memo is the analyst's own Markdown: kept as written.
      if (s.body) out.push(s.body, '');
      if (s.found) for (const t of m.themes) out.push(...themeMd(m, t, 3));
    }
    return `${out.join('\n').trimEnd()}\n`;
  }
  out.push(heading(2, 'Contents'), '');
  for (const t of m.themes) out.push(`${'  '.repeat(t.depth)}- ${mdEscape(t.name)}${t.prevalenceLine ? ` — ${mdEscape(t.prevalenceLine)}` : ''}`);
  out.push('');
  for (const t of m.themes) out.push(...themeMd(m, t, 2));
  return `${out.join('\n').trimEnd()}\n`;
}
