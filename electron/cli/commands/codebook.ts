/** codebook export|import: the code book as a JSON or CSV file. */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fail } from '../../../shared/errors.js';
import { readTextFile } from '../../api/text-files.js';
import { flag, str, UsageError, type CommandSpec } from '../command.js';
import { plural } from '../format.js';
import { writeFileAtomic } from '../../files/write-atomic.js';
import { codebookReportText } from './qdpx-import.js';

const GROUP = 'Code book';

/** --format, else the -o file's extension, else JSON. */
export function pickFormat<T extends string>(raw: string | undefined, out: string | undefined, allowed: readonly T[], fallback: T, command: string): T {
  const wanted = raw ?? (out ? extname(out).slice(1).toLowerCase() : undefined);
  if (raw !== undefined && !allowed.includes(raw as T)) throw new UsageError(`--format must be ${allowed.join(' or ')} (got "${raw}")`, command);
  return allowed.includes(wanted as T) ? (wanted as T) : fallback;
}

export const codebookExport: CommandSpec = {
  name: 'codebook export',
  group: GROUP,
  args: ['PROJECT'],
  usage: '--format json|csv|qdc [-o FILE]',
  summary: 'Write the code book as JSON, CSV or REFI-QDA .qdc (to stdout, or -o FILE)',
  details: 'Without --format the format follows the -o file extension, else JSON. qdc is the REFI-QDA code book (Codebook.xsd).',
  options: {
    format: { type: 'string', value: 'json|csv|qdc', help: 'file format' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of stdout' },
  },
  calls: ['codebook.export'],
  async run(ctx, { positionals, values }) {
    const out = str(values, 'out');
    const format = pickFormat(str(values, 'format'), out, ['json', 'csv', 'qdc'] as const, 'json', 'codebook export');
    const { content, codes } = await (await ctx.door(positionals[0]!)).call('codebook.export', { format });
    if (out) {
      if (format === 'qdc') writeFileAtomic(out, content);
      else writeFileSync(out, content);
      return { data: { format, file: out, codes }, text: `Wrote ${plural(codes, 'code')} to ${out} (${format.toUpperCase()})` };
    }
    return { data: { format, codes, content }, text: content };
  },
};

export const codebookImport: CommandSpec = {
  name: 'codebook import',
  group: GROUP,
  args: ['PROJECT', 'FILE'],
  summary: 'Add the codes of a JSON, CSV or REFI-QDA (.qdc) code book that the project lacks',
  details: `Codes are matched by GUID, then by path. Matched codes keep their definitions and colours
unless --update is given; codes are never deleted by an import. A .qdc (REFI-QDA) file is
merged the same way and its report lists every code adjusted and every set skipped.`,
  options: { update: { type: 'boolean', help: 'overwrite the fields of matched codes with those in FILE' } },
  calls: ['codebook.import', 'refi.importCodebook'],
  async run(ctx, { positionals, values }) {
    const [project, file] = positionals as [string, string];
    const door = await ctx.door(project);
    const content = readTextFile(file);
    const ext = extname(file).toLowerCase();
    if (ext === '.qdc') {
      const q = await door.call('refi.importCodebook', { content, name: basename(file) });
      return { data: q, text: codebookReportText(q) };
    }
    if (ext !== '.json' && ext !== '.csv') fail('unsupported_format', `${basename(file)}: a code book must be .json, .csv or .qdc`);
    const r = await door.call('codebook.import', { format: ext === '.json' ? 'json' : 'csv', content, name: basename(file), update: flag(values, 'update') });
    const out = [`${basename(file)}: ${plural(r.created.length, 'code')} added, ${r.matched} already present, ${r.updated.length} updated`];
    for (const p of r.created) out.push(`  added    ${p}`);
    for (const p of r.updated) out.push(`  updated  ${p}`);
    if (r.differing.length) {
      out.push(`${plural(r.differing.length, 'code')} left as they are although the file's fields differ (use --update to take them):`);
      for (const p of r.differing) out.push(`  differs  ${p}`);
    }
    return { data: r, text: out.join('\n') };
  },
};
