/** codes [add|rename|color|edit|move|merge|delete]: the code book tree. */
import type { CodeFields } from '../../services/codebook.js';

const codebookService = () => import('../../services/codebook.js');
import { CliError, flag, optionalInt, str, UsageError, type CommandSpec, type Values } from '../command.js';
import { oneLine, plural, table, truncate } from '../format.js';

const GROUP = 'Code book';
const PATH_HELP = 'A code PATH names its parents with "/", e.g. "Rapport/Information flow" (case-insensitive).';

const fieldOptions = {
  color: { type: 'string', value: 'C', help: 'colour as #rrggbb' },
  definition: { type: 'string', value: 'T', help: 'what the code means' },
  inclusion: { type: 'string', value: 'T', help: 'when to apply it' },
  exclusion: { type: 'string', value: 'T', help: 'when not to apply it (and what to use instead)' },
  example: { type: 'string', value: 'T', help: 'a typical quote' },
} as const;

function fieldsOf(values: Values): CodeFields {
  const out: CodeFields = {};
  for (const k of ['color', 'definition', 'inclusion', 'exclusion', 'example'] as const) {
    const v = str(values, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export const codes: CommandSpec = {
  name: 'codes',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List the code book as a tree with coding counts, or --find a code',
  details: `CODINGS counts codings of the code itself; TOTAL adds those of its sub-codes.
--find searches names, paths and definitions fuzzily (typos are fine).`,
  options: { find: { type: 'string', value: 'TEXT', help: 'fuzzy find codes matching TEXT' } },
  async run(ctx, { positionals, values }) {
    const session = await ctx.open(positionals[0]!);
    const find = str(values, 'find');
    if (find !== undefined) {
      const { findCodes } = await import('../../services/search.js');
      const found = findCodes(session, find);
      if (found.length === 0) return { data: found, text: `No code matches "${find}"` };
      return { data: found, text: table(['CODE', 'DEFINITION'], found.map((c) => [c.path, truncate(oneLine(c.definition), 80)])) };
    }
    const { codebook } = await codebookService();
    const { codeCounts } = await import('../../services/counts.js');
    const list = codebook(session);
    const counts = codeCounts(session);
    const rows = list.map((c) => {
      const { own: mine, total } = counts.get(c.path) ?? { own: 0, total: 0 };
      return { ...c, codings: mine, total };
    });
    if (rows.length === 0) return { data: rows, text: 'The code book is empty (add a code with: marginalia codes add PROJECT PATH)' };
    const depth = (path: string) => path.split('/').length - 1;
    return {
      data: rows,
      text: table(
        ['CODE', 'CODINGS', 'TOTAL', 'COLOUR'],
        rows.map((c) => [`${'  '.repeat(depth(c.path))}${c.name}`, c.codings, c.total, c.color]),
      ),
    };
  },
};

export const codesAdd: CommandSpec = {
  name: 'codes add',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  summary: 'Add a code; its parent is every segment of PATH but the last',
  details: `${PATH_HELP} The parent must exist already.`,
  options: fieldOptions,
  async run(ctx, { positionals, values }) {
    const [project, path] = positionals as [string, string];
    const parts = path.split('/').map((s) => s.trim());
    const name = parts.pop() ?? '';
    if (parts.some((p) => p === '')) throw new UsageError(`code path "${path}" has an empty segment`, 'codes add');
    const parent = parts.length ? parts.join('/') : null;
    const { createCode } = await codebookService();
    const code = createCode(await ctx.open(project), parent, name, fieldsOf(values));
    return { data: code, text: `Added code ${code.path} (${code.color})` };
  },
};

export const codesRename: CommandSpec = {
  name: 'codes rename',
  group: GROUP,
  args: ['PROJECT', 'PATH', 'NEWNAME'],
  summary: 'Rename a code (its codings and sub-codes stay with it)',
  details: PATH_HELP,
  async run(ctx, { positionals }) {
    const [project, path, name] = positionals as [string, string, string];
    const { renameCode } = await codebookService();
    renameCode(await ctx.open(project), path, name);
    return { data: { path, name: name.trim() }, text: `Renamed ${path} to "${name.trim()}"` };
  },
};

export const codesColor: CommandSpec = {
  name: 'codes color',
  group: GROUP,
  args: ['PROJECT', 'PATH', 'COLOR'],
  summary: 'Change the colour of a code (#rrggbb)',
  details: PATH_HELP,
  async run(ctx, { positionals }) {
    const [project, path, color] = positionals as [string, string, string];
    const { recolorCode } = await codebookService();
    recolorCode(await ctx.open(project), path, color);
    return { data: { path, color }, text: `${path} is now ${color}` };
  },
};

export const codesEdit: CommandSpec = {
  name: 'codes edit',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  summary: "Change a code's definition, inclusion, exclusion, example or colour",
  details: `${PATH_HELP} Give only the fields to change; "" empties a field.`,
  options: fieldOptions,
  async run(ctx, { positionals, values }) {
    const [project, path] = positionals as [string, string];
    const f = fieldsOf(values);
    if (Object.keys(f).length === 0) throw new UsageError('nothing to change: give at least one of --definition, --inclusion, --exclusion, --example, --color', 'codes edit');
    const { updateCodeFields } = await codebookService();
    updateCodeFields(await ctx.open(project), path, f);
    return { data: { path, ...f }, text: `Updated ${path}: ${Object.keys(f).join(', ')}` };
  },
};

export const codesMove: CommandSpec = {
  name: 'codes move',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  usage: '--to PARENT_PATH|--top [--position N]',
  summary: 'Move a code (with its sub-codes) under another code or to the top level',
  details: `${PATH_HELP} Exactly one of --to and --top is required.`,
  options: {
    to: { type: 'string', value: 'PARENT_PATH', help: 'the new parent' },
    top: { type: 'boolean', help: 'move to the top level' },
    position: { type: 'string', value: 'N', help: 'place it Nth among its new siblings (1 = first; default: last)' },
  },
  async run(ctx, { positionals, values }) {
    const [project, path] = positionals as [string, string];
    const to = str(values, 'to');
    const top = flag(values, 'top');
    if ((to === undefined) === !top) throw new UsageError('give exactly one of --to PARENT_PATH and --top', 'codes move');
    const position = optionalInt(values, 'position', 'codes move', 1);
    const { moveCode } = await codebookService();
    moveCode(await ctx.open(project), path, top ? null : to!, position === undefined ? undefined : position - 1);
    const where = top ? 'the top level' : to!;
    return { data: { path, parent: top ? null : to, position: position ?? null }, text: `Moved ${path} to ${where}${position ? ` at position ${position}` : ''}` };
  },
};

export const codesMerge: CommandSpec = {
  name: 'codes merge',
  group: GROUP,
  args: ['PROJECT', 'SOURCE', 'TARGET'],
  summary: 'Merge code SOURCE into TARGET (codings, sub-codes and memo move; SOURCE goes)',
  details: `${PATH_HELP} Overlapping or touching codings by the same coder collapse into one.`,
  async run(ctx, { positionals }) {
    const [project, source, target] = positionals as [string, string, string];
    const { mergeCode } = await codebookService();
    const r = mergeCode(await ctx.open(project), source, target);
    return {
      data: { source, target, ...r },
      text: `Merged ${source} into ${target}: ${plural(r.moved, 'coding')} moved${r.collapsed ? `, ${r.collapsed} joined with overlapping codings` : ''}`,
    };
  },
};

export const codesDelete: CommandSpec = {
  name: 'codes delete',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  summary: 'Delete a code, its sub-codes and their codings (asks for --yes)',
  details: `${PATH_HELP} Without --yes, says what would be deleted and changes nothing (exit status 1).`,
  options: { yes: { type: 'boolean', help: 'really delete' } },
  async run(ctx, { positionals, values }) {
    const [project, path] = positionals as [string, string];
    const session = await ctx.open(project);
    const { codeDeletionImpact, deleteCode } = await codebookService();
    if (!flag(values, 'yes')) {
      const i = codeDeletionImpact(session, path);
      throw new CliError(
        'confirmation_required',
        `deleting ${i.code} would also delete ${plural(i.subcodes, 'sub-code')} and ${plural(i.codings, 'coding')}; nothing deleted (add --yes to delete)`,
        i,
      );
    }
    const r = deleteCode(session, path);
    return { data: r, text: `Deleted ${r.code}, ${plural(r.subcodes, 'sub-code')} and ${plural(r.codings, 'coding')}` };
  },
};
