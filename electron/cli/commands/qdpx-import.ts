/** qdpx import: a REFI-QDA project (.qdpx) into a new project file, with its import report (issue 14). */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RefiCodebookImportReport, RefiProjectImportReport, RefiReportItem } from '../../../shared/api/types-refi-import.js';
import { fail } from '../../../shared/errors.js';
import { str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';

/** The adjusted and skipped lists for people: grouped by kind, each with its reason. */
export function reportLines(adjusted: RefiReportItem[], skipped: RefiReportItem[]): string[] {
  const out: string[] = [];
  const section = (title: string, items: RefiReportItem[]) => {
    if (items.length === 0) return;
    const byKind = new Map<string, number>();
    for (const i of items) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);
    out.push(`${title} (${[...byKind].map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ')}):`);
    for (const i of items) out.push(`  ${i.kind.padEnd(9)} ${i.item}: ${i.reason}`);
  };
  section('Adjusted', adjusted);
  section('Skipped', skipped);
  if (adjusted.length === 0 && skipped.length === 0) out.push('Nothing was adjusted or skipped.');
  return out;
}

export function projectReportText(r: RefiProjectImportReport): string {
  const c = r.counts;
  return [
    `Imported ${r.file} (${r.entry}${r.origin ? `, written by ${r.origin}` : ''}) into ${r.project}`,
    `  ${plural(c.documents, 'document')}, ${plural(c.codings, 'coding')}, ${plural(c.codes, 'code')}, ${plural(c.coders, 'coder')}, ${plural(c.cases, 'case')}, ${plural(c.attributes, 'attribute')} (${plural(c.values, 'value')}), ${plural(c.memos, 'memo')}`,
    ...reportLines(r.adjusted, r.skipped),
  ].join('\n');
}

export function codebookReportText(r: RefiCodebookImportReport): string {
  return [
    `${r.file}: ${plural(r.created.length, 'code')} added, ${r.matched} already present`,
    ...r.created.map((p) => `  added    ${p}`),
    ...reportLines(r.adjusted, r.skipped),
  ].join('\n');
}

export const qdpxImport: CommandSpec = {
  name: 'qdpx import',
  group: 'Exchange (REFI-QDA)',
  args: ['FILE.qdpx'],
  usage: '-o PROJECT',
  summary: 'Import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder…) into a new project file',
  details: `Coders, the code book, cases and variables, text sources, codings and notes come in; the
report lists what was imported and every item adjusted or skipped, with the reason. PROJECT must
not exist yet. A damaged or unsafe file is refused and nothing is written.`,
  options: { out: { type: 'string', short: 'o', value: 'PROJECT', help: 'the new project file to write (required; must not exist)' } },
  calls: ['refi.importProject'],
  async run(ctx, { positionals, values }) {
    const out = str(values, 'out');
    if (!out) throw new UsageError('-o PROJECT is required', 'qdpx import');
    const file = positionals[0]!;
    if (existsSync(out)) fail('duplicate', `${basename(out)}: already exists; choose a new file for the imported project (nothing was changed)`);
    ctx.projectPath = out;
    // The new project does not exist yet: the project-free part of the door.
    const { callWithoutProject } = await import('../../api/no-project.js');
    const r = await callWithoutProject('refi.importProject', { path: resolve(file), output: resolve(out) });
    return { data: r, text: projectReportText(r) };
  },
};
