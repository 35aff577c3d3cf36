/** import, docs, doc rename|delete|show|case: the transcripts in a project. */
import { basename } from 'node:path';
import { CliError, flag, str, UsageError, type CommandSpec } from '../command.js';
import { plural, table } from '../format.js';
import { documentGuid } from '../resolve.js';

const GROUP = 'Documents';
const OFFSETS = 'Lengths and offsets are UTF-16 code units into the stored text (BOM stripped, CRLF→LF).';

export const importCmd: CommandSpec = {
  name: 'import',
  group: GROUP,
  args: ['PROJECT', 'FILE|FOLDER...'],
  summary: 'Import transcripts (.txt .md .docx .pdf .vtt .srt), or every transcript in a folder',
  details: `Every file is read and checked first; if any one is bad (empty, binary, corrupt, encrypted,
too large, unknown type) nothing is imported. A file with the same text as a document already in
the project is skipped and reported, unless --allow-duplicates is given.
A FOLDER imports the transcripts directly in it, in name order; its sub-folders, hidden files and
files of other types are left alone and listed.
${OFFSETS}`,
  calls: ['documents.importFiles'],
  options: {
    case: { type: 'string', value: 'NAME', help: 'assign the imported documents to this case (created if new)' },
    'max-size': { type: 'string', value: 'MB', help: 'refuse files larger than this many megabytes (default 50)' },
    'allow-duplicates': { type: 'boolean', help: 'import a file even if the same text is already in the project' },
  },
  async run(ctx, { positionals, values }) {
    const [project, ...files] = positionals as [string, ...string[]];
    const maxRaw = str(values, 'max-size');
    let maxBytes: number | undefined;
    if (maxRaw !== undefined) {
      const mb = Number(maxRaw);
      if (!/^\d*\.?\d+$/.test(maxRaw.trim()) || !(mb > 0))
        throw new UsageError(`--max-size must be a positive number of megabytes (got "${maxRaw}")`, 'import');
      maxBytes = Math.floor(mb * 1024 * 1024);
    }
    const door = await ctx.door(project);
    const caseName = str(values, 'case');
    const report = await door.call('documents.importFiles', {
      paths: files,
      ...(caseName !== undefined && { caseName }),
      ...(maxBytes !== undefined && { maxBytes }),
      allowDuplicates: flag(values, 'allow-duplicates'),
    });
    const out: string[] = [];
    if (report.imported.length) {
      out.push(`Imported ${plural(report.imported.length, 'document')}${caseName ? ` into case "${caseName}"` : ''}:`);
      out.push(
        table(
          ['NAME', 'LENGTH', 'TURNS', 'FROM'],
          report.imported.map((d) => [d.name, d.length, d.turns, basename(d.file) === d.name ? '' : d.file]),
        ),
      );
      for (const d of report.imported) for (const w of d.warnings) out.push(`warning: ${w.startsWith(`${basename(d.file)}:`) ? w : `${d.name}: ${w}`}`);
    } else out.push('Imported nothing.');
    for (const s of report.skipped) out.push(`skipped ${basename(s.file)}: same text as ${s.duplicateOf}`);
    for (const s of report.ignored) out.push(`skipped ${basename(s.file)}: ${s.reason}`);
    return { data: report, text: out.join('\n') };
  },
};

export const docs: CommandSpec = {
  name: 'docs',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List documents: id, name, length, turns, case, codings',
  details: OFFSETS,
  calls: ['documents.list'],
  async run(ctx, { positionals }) {
    const list = await (await ctx.door(positionals[0]!)).call('documents.list');
    if (list.length === 0) return { data: list, text: 'No documents yet (add some with: marginalia import PROJECT FILE...)' };
    return {
      data: list,
      text: table(
        ['ID', 'NAME', 'LENGTH', 'TURNS', 'CASE', 'CODINGS'],
        list.map((d) => [d.id, d.name, d.length, d.turns, d.caseName ?? '-', d.codings]),
      ),
    };
  },
};

export const docRename: CommandSpec = {
  name: 'doc rename',
  group: GROUP,
  args: ['PROJECT', 'NAME', 'NEW'],
  summary: 'Rename a document (its text and codings stay as they are)',
  calls: ['documents.list', 'documents.rename'],
  async run(ctx, { positionals }) {
    const [project, name, newName] = positionals as [string, string, string];
    const door = await ctx.door(project);
    await door.call('documents.rename', { document: await documentGuid(door, name), newName });
    return { data: { from: name, to: newName.trim() }, text: `Renamed "${name}" to "${newName.trim()}"` };
  },
};

export const docDelete: CommandSpec = {
  name: 'doc delete',
  group: GROUP,
  args: ['PROJECT', 'NAME'],
  summary: 'Delete a document and its codings (asks for --yes)',
  details: 'Without --yes, says how many codings would be deleted and changes nothing (exit status 1).',
  options: { yes: { type: 'boolean', help: 'really delete' } },
  calls: ['documents.list', 'documents.deletionImpact', 'documents.delete'],
  async run(ctx, { positionals, values }) {
    const [project, name] = positionals as [string, string];
    const door = await ctx.door(project);
    const document = await documentGuid(door, name);
    if (!flag(values, 'yes')) {
      const impact = await door.call('documents.deletionImpact', { document });
      throw new CliError(
        'confirmation_required',
        `deleting "${impact.document}" would also delete ${plural(impact.codings, 'coding')}; nothing deleted (add --yes to delete)`,
        impact,
      );
    }
    const r = await door.call('documents.delete', { document });
    return { data: r, text: `Deleted "${r.document}" and ${plural(r.codings, 'coding')}` };
  },
};

export const docShow: CommandSpec = {
  name: 'doc show',
  group: GROUP,
  args: ['PROJECT', 'NAME'],
  summary: 'Print the stored text of a document',
  details: `The text printed is exactly the stored text that offsets count into. ${OFFSETS}
With --lines each line is prefixed with its number (line numbers are what retrieve shows).`,
  options: { lines: { type: 'boolean', help: 'number the lines' } },
  calls: ['documents.list', 'documents.content'],
  async run(ctx, { positionals, values }) {
    const [project, name] = positionals as [string, string];
    const door = await ctx.door(project);
    const doc = await door.call('documents.content', { document: await documentGuid(door, name) });
    let text = doc.text;
    if (flag(values, 'lines')) {
      const all = text.split('\n');
      if (all.length > 1 && all[all.length - 1] === '') all.pop();
      const w = String(all.length).length;
      text = all.map((l, i) => `${String(i + 1).padStart(w)}  ${l}`.trimEnd()).join('\n');
    }
    return { data: { name: doc.name, guid: doc.guid, length: doc.text.length, text: doc.text, turns: doc.turns, cues: doc.cues }, text };
  },
};

export const docCase: CommandSpec = {
  name: 'doc case',
  group: GROUP,
  args: ['PROJECT', 'NAME', 'CASE'],
  summary: 'Assign a document (or one speaker in it) to a case',
  details: `The case is created if it is new. With --speaker only that speaker's turns belong to the
case (e.g. the participant, not the interviewer). Without --speaker, CASE "" removes the document's case.`,
  options: { speaker: { type: 'string', value: 'S', help: "assign only this speaker's turns" } },
  calls: ['documents.list', 'documents.setCase'],
  async run(ctx, { positionals, values }) {
    const [project, name, caseName] = positionals as [string, string, string];
    const speaker = str(values, 'speaker');
    if (speaker !== undefined && !caseName.trim()) throw new UsageError('CASE cannot be empty with --speaker', 'doc case');
    const door = await ctx.door(project);
    const document = await documentGuid(door, name);
    if (speaker !== undefined) {
      await door.call('documents.setCase', { document, caseName, speaker });
      return { data: { document: name, speaker, case: caseName }, text: `${speaker} in "${name}" now belongs to case "${caseName}"` };
    }
    await door.call('documents.setCase', { document, caseName: caseName.trim() ? caseName : null });
    return {
      data: { document: name, case: caseName.trim() || null },
      text: caseName.trim() ? `"${name}" now belongs to case "${caseName}"` : `"${name}" no longer belongs to a case`,
    };
  },
};
