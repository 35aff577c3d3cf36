/** codes [add|rename|color|edit|move|merge|delete]: the code book tree. */
import type { ProjectDoor } from '../../api/door.js';
import { MarginaliaError } from '../../../shared/errors.js';
import { CliError, flag, optionalInt, str, UsageError, type CommandSpec, type Values } from '../command.js';
import { oneLine, plural, table, truncate } from '../format.js';
import { matchCode } from '../name-match.js';
import { codeList, findCode } from '../resolve.js';

const GROUP = 'Code book';
const PATH_HELP = `A code PATH names its parents with "/", e.g. "Dynamic security/Rapport/Information flow"
(case-insensitive); the top-level parents may be left out when only one code ends that way,
e.g. "Rapport/Information flow".`;

const fieldOptions = {
  color: { type: 'string', value: 'C', help: 'colour as #rrggbb' },
  definition: { type: 'string', value: 'T', help: 'what the code means' },
  inclusion: { type: 'string', value: 'T', help: 'when to apply it' },
  exclusion: { type: 'string', value: 'T', help: 'when not to apply it (and what to use instead)' },
  example: { type: 'string', value: 'T', help: 'a typical quote' },
} as const;

type CodeFields = { color?: string; definition?: string; inclusion?: string; exclusion?: string; example?: string };

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
  calls: ['codebook.list', 'codebook.find'],
  async run(ctx, { positionals, values }) {
    const door = await ctx.door(positionals[0]!);
    const find = str(values, 'find');
    if (find !== undefined) {
      const found = await door.call('codebook.find', { query: find });
      if (found.length === 0) return { data: found, text: `No code matches "${find}"` };
      return {
        data: found,
        text: table(
          ['CODE', 'DEFINITION'],
          found.map((c) => [c.path, truncate(oneLine(c.definition), 80)]),
        ),
      };
    }
    const rows = (await door.call('codebook.list')).map(({ own, total, ...c }) => ({ ...c, codings: own, total }));
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

/**
 * Where `codes add --parents` starts: the longest leading part of `parents` that names a code
 * (as any code path is named, top-level parents optional), and the names below it to create.
 */
async function existingBase(door: ProjectDoor, parents: string[]): Promise<{ parent: string | null; missing: string[] }> {
  const codes = (await codeList(door)).map((c) => ({ ...c, name: c.path }));
  for (let k = parents.length; k > 0; k--) {
    const m = matchCode(codes, parents.slice(0, k).join('/'));
    if (m.found) return { parent: m.found.guid, missing: parents.slice(k) };
    // Several codes end this way: say so rather than create a look-alike beside them.
    if ('ambiguous' in m && m.ambiguous) await findCode(door, parents.slice(0, k).join('/'));
  }
  return { parent: null, missing: parents };
}

export const codesAdd: CommandSpec = {
  name: 'codes add',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  summary: 'Add a code; its parent is every segment of PATH but the last',
  details: `${PATH_HELP} The parent must exist already, unless --parents is given: then the
parents that are missing are created too (in one step, undone together).`,
  options: { ...fieldOptions, parents: { type: 'boolean', help: 'create missing parents (the options apply to the new code only)' } },
  calls: ['codebook.list', 'codebook.create', 'codebook.createPath'],
  async run(ctx, { positionals, values }) {
    const [project, path] = positionals as [string, string];
    const parts = path.split('/').map((s) => s.trim());
    const name = parts.pop() ?? '';
    if (parts.some((p) => p === '')) throw new UsageError(`code path "${path}" has an empty segment`, 'codes add');
    const door = await ctx.door(project);
    if (flag(values, 'parents')) {
      const { parent, missing } = await existingBase(door, parts);
      const { code, created } = await door.call('codebook.createPath', { parent, names: [...missing, name], ...fieldsOf(values) });
      const made = created.filter((p) => p !== code.path);
      return {
        data: { ...code, created },
        text: `Added code ${code.path} (${code.color})${made.length ? `, with new ${made.length === 1 ? 'parent' : 'parents'} ${made.join(', ')}` : ''}`,
      };
    }
    let parent: string | null = null;
    if (parts.length) {
      try {
        parent = (await findCode(door, parts.join('/'))).guid;
      } catch (err) {
        if (err instanceof MarginaliaError && err.code === 'not_found' && !err.message.includes('did you mean')) {
          throw new MarginaliaError('not_found', `${err.message} (add --parents to create it)`);
        }
        throw err;
      }
    }
    const code = await door.call('codebook.create', { parent, name, ...fieldsOf(values) });
    return { data: code, text: `Added code ${code.path} (${code.color})` };
  },
};

export const codesRename: CommandSpec = {
  name: 'codes rename',
  group: GROUP,
  args: ['PROJECT', 'PATH', 'NEWNAME'],
  summary: 'Rename a code (its codings and sub-codes stay with it)',
  details: PATH_HELP,
  calls: ['codebook.list', 'codebook.update'],
  async run(ctx, { positionals }) {
    const [project, typed, name] = positionals as [string, string, string];
    const door = await ctx.door(project);
    const code = await findCode(door, typed);
    await door.call('codebook.update', { code: code.guid, name });
    return { data: { path: code.path, name: name.trim() }, text: `Renamed ${code.path} to "${name.trim()}"` };
  },
};

export const codesColor: CommandSpec = {
  name: 'codes color',
  group: GROUP,
  args: ['PROJECT', 'PATH', 'COLOR'],
  summary: 'Change the colour of a code (#rrggbb)',
  details: PATH_HELP,
  calls: ['codebook.list', 'codebook.update'],
  async run(ctx, { positionals }) {
    const [project, typed, color] = positionals as [string, string, string];
    const door = await ctx.door(project);
    const code = await findCode(door, typed);
    await door.call('codebook.update', { code: code.guid, color });
    return { data: { path: code.path, color }, text: `${code.path} is now ${color}` };
  },
};

export const codesEdit: CommandSpec = {
  name: 'codes edit',
  group: GROUP,
  args: ['PROJECT', 'PATH'],
  summary: "Change a code's definition, inclusion, exclusion, example or colour",
  details: `${PATH_HELP} Give only the fields to change; "" empties a field.`,
  options: fieldOptions,
  calls: ['codebook.list', 'codebook.update'],
  async run(ctx, { positionals, values }) {
    const [project, typed] = positionals as [string, string];
    const f = fieldsOf(values);
    if (Object.keys(f).length === 0)
      throw new UsageError('nothing to change: give at least one of --definition, --inclusion, --exclusion, --example, --color', 'codes edit');
    const door = await ctx.door(project);
    const code = await findCode(door, typed);
    await door.call('codebook.update', { code: code.guid, ...f });
    return { data: { path: code.path, ...f }, text: `Updated ${code.path}: ${Object.keys(f).join(', ')}` };
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
  calls: ['codebook.list', 'codebook.move'],
  async run(ctx, { positionals, values }) {
    const [project, typed] = positionals as [string, string];
    const to = str(values, 'to');
    const top = flag(values, 'top');
    if ((to === undefined) === !top) throw new UsageError('give exactly one of --to PARENT_PATH and --top', 'codes move');
    const position = optionalInt(values, 'position', 'codes move', 1);
    const door = await ctx.door(project);
    const code = await findCode(door, typed);
    const parent = top ? null : await findCode(door, to!);
    await door.call('codebook.move', { code: code.guid, parent: parent?.guid ?? null, ...(position !== undefined && { position: position - 1 }) });
    const where = parent ? parent.path : 'the top level';
    return {
      data: { path: code.path, parent: parent?.path ?? null, position: position ?? null },
      text: `Moved ${code.path} to ${where}${position ? ` at position ${position}` : ''}`,
    };
  },
};

export const codesMerge: CommandSpec = {
  name: 'codes merge',
  group: GROUP,
  args: ['PROJECT', 'SOURCE', 'TARGET'],
  summary: 'Merge code SOURCE into TARGET (codings, sub-codes and memo move; SOURCE goes)',
  details: `${PATH_HELP} Overlapping or touching codings by the same coder collapse into one.`,
  calls: ['codebook.list', 'codebook.merge'],
  async run(ctx, { positionals }) {
    const [project, typedSource, typedTarget] = positionals as [string, string, string];
    const door = await ctx.door(project);
    const source = await findCode(door, typedSource);
    const target = await findCode(door, typedTarget);
    const r = await door.call('codebook.merge', { source: source.guid, target: target.guid });
    return {
      data: { source: source.path, target: target.path, ...r },
      text: `Merged ${source.path} into ${target.path}: ${plural(r.moved, 'coding')} moved${r.collapsed ? `, ${r.collapsed} joined with overlapping codings` : ''}`,
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
  calls: ['codebook.list', 'codebook.deletionImpact', 'codebook.delete'],
  async run(ctx, { positionals, values }) {
    const [project, typed] = positionals as [string, string];
    const door = await ctx.door(project);
    const code = (await findCode(door, typed)).guid;
    if (!flag(values, 'yes')) {
      const i = await door.call('codebook.deletionImpact', { code });
      throw new CliError(
        'confirmation_required',
        `deleting ${i.code} would also delete ${plural(i.subcodes, 'sub-code')} and ${plural(i.codings, 'coding')}; nothing deleted (add --yes to delete)`,
        i,
      );
    }
    const r = await door.call('codebook.delete', { code });
    return { data: r, text: `Deleted ${r.code}, ${plural(r.subcodes, 'sub-code')} and ${plural(r.codings, 'coding')}` };
  },
};
