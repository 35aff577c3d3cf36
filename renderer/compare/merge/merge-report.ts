/** A coder-project merge report as Markdown, for the "Save report" button (JSON is the report itself). */
import type { CoderProjectMergeReport } from '../../../shared/api/types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const list = (items: readonly string[]) => (items.length ? items.map(cell).join(', ') : 'none');

export function mergeReportMarkdown(r: CoderProjectMergeReport, project: string, at: Date): string {
  const lines = [
    `# Merge of ${r.from} into ${project}`,
    '',
    `- **Date:** ${at.toISOString()}`,
    `- **Backup of ${project} made before the merge:** ${r.backup}`,
    '',
    '| what | added | matched / skipped |',
    '| --- | --- | --- |',
    `| documents | ${r.documents.added.length}: ${list(r.documents.added)} | ${r.documents.matched} matched |`,
    `| codes | ${r.codes.added.length}: ${list(r.codes.added)} | ${r.codes.matched} matched |`,
    `| coders | ${r.coders.added.length}: ${list(r.coders.added)} | ${r.coders.matched} matched |`,
    `| codings | ${r.codings.added} | ${r.codings.skipped} skipped (already here) |`,
    `| cases | ${r.cases.added.length}: ${list(r.cases.added)}; ${r.cases.valuesSet} attribute values set | |`,
    `| memos | ${r.memos.added} | |`,
    '',
    `## Conflicts (${r.conflicts.length})`,
    '',
  ];
  if (r.conflicts.length === 0) lines.push('None.');
  else {
    lines.push('| kind | item | what happened |', '| --- | --- | --- |');
    for (const c of r.conflicts) lines.push(`| ${cell(c.kind)} | ${cell(c.item)} | ${cell(c.reason)} |`);
  }
  for (const rn of r.coders.renamed) lines.push('', `Coder "${rn.from}" was added as "${rn.to}".`);
  return `${lines.join('\n')}\n`;
}
