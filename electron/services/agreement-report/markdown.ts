/**
 * The agreement report in Markdown, for people: the facts as a list, then each table with its
 * numbers rounded (percentages 2 decimals, coefficients 3) and undefined values spelled out.
 */
import type { ReportModel, Sheet } from './model.js';
import { facts, showCell } from './present.js';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function markdownTable(s: Sheet): string {
  const head = `| ${s.columns.map((c) => esc(c.label)).join(' | ')} |`;
  const rule = `| ${s.columns.map((c) => (c.kind === 'text' ? '---' : '---:')).join(' | ')} |`;
  const body = s.rows.map((r) => `| ${r.map((c, i) => esc(showCell(c, s.columns[i]!.kind))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export function reportMarkdown(m: ReportModel): string {
  const out = [`# Agreement between ${esc(m.coders[0])} (A) and ${esc(m.coders[1])} (B)`, ''];
  for (const [k, v] of facts(m)) out.push(`- **${k}:** ${esc(v)}`);
  out.push('', 'Percent agreement is 0–100. "undefined" marks a statistic with no value (0/0); its reason is in "Undefined values".');
  for (const s of m.sheets) {
    out.push('', `## ${s.name}`, '');
    out.push(s.rows.length ? markdownTable(s) : s.name === 'Undefined values' ? 'Every statistic has a value.' : 'None.');
  }
  return `${out.join('\n')}\n`;
}
