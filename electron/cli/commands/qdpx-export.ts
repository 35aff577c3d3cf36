/** qdpx export: the project as a REFI-QDA .qdpx file (issue 14). */
import { resolve } from 'node:path';
import { str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';

export const qdpxExport: CommandSpec = {
  name: 'qdpx export',
  group: 'Exchange (REFI-QDA)',
  args: ['PROJECT'],
  usage: '-o FILE.qdpx',
  summary: 'Write the project as a REFI-QDA project file (.qdpx) for NVivo, ATLAS.ti, MAXQDA, QualCoder…',
  details: `The file holds coders, the code book, cases and variables, the transcripts' text, every
coding with its coder, and memos; it validates against the REFI-QDA Project.xsd. GUIDs stay the
same from one export to the next. The file is written under a temporary name and renamed into place.`,
  options: { out: { type: 'string', short: 'o', value: 'FILE.qdpx', help: 'the file to write (required)' } },
  calls: ['refi.exportProjectToFile'],
  async run(ctx, { positionals, values }) {
    const out = str(values, 'out');
    if (!out) throw new UsageError('-o FILE.qdpx is required', 'qdpx export');
    const r = await (await ctx.door(positionals[0]!)).call('refi.exportProjectToFile', { path: resolve(out) });
    const text = [
      `Wrote ${out} (${(r.bytes / 1024).toFixed(1)} KB)`,
      `  ${plural(r.documents, 'document')}, ${plural(r.codings, 'coding')}, ${plural(r.codes, 'code')}, ${plural(r.users, 'coder')}, ${plural(r.cases, 'case')}, ${plural(r.variables, 'variable')}, ${plural(r.notes, 'memo')}`,
    ].join('\n');
    return { data: { ...r, file: out }, text };
  },
};
