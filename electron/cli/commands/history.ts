/** undo, redo, audit: the project's history, the same one the workspace's Undo/Redo buttons use. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { flag, optionalInt, str, UsageError, type CommandSpec, type Context, type Outcome } from '../command.js';
import { table, truncate } from '../format.js';
import { documentGuid } from '../resolve.js';

const GROUP = 'History';

const DETAILS =
  'The history is kept in the project file, per person (--as NAME, or your OS user name): the same\n' +
  "list as the workspace's Undo/Redo buttons, across restarts. The last 200 changes can be undone\n" +
  '(MARGINALIA_UNDO_LIMIT=N changes that). If the item was changed since, the step is refused with\n' +
  'one line, nothing changes, and that step is taken off the list.';

async function step(ctx: Context, path: string, kind: 'undo' | 'redo'): Promise<Outcome> {
  const door = await ctx.door(path);
  const done = kind === 'undo' ? await door.call('history.undo') : await door.call('history.redo');
  if (done.label === null) return { data: done, text: `Nothing to ${kind}` };
  const next = kind === 'undo' ? done.state.undoLabel : done.state.redoLabel;
  return { data: done, text: `${kind === 'undo' ? 'Undid' : 'Redid'}: ${done.label}${next ? `\n(next ${kind}: ${next})` : ''}` };
}

export const undo: CommandSpec = {
  name: 'undo',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Undo your last change (even one made in an earlier session or in the workspace)',
  details: DETAILS,
  calls: ['history.undo'],
  run: (ctx, { positionals }) => step(ctx, positionals[0]!, 'undo'),
};

export const redo: CommandSpec = {
  name: 'redo',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'Redo the change you last undid',
  details: DETAILS,
  calls: ['history.redo'],
  run: (ctx, { positionals }) => step(ctx, positionals[0]!, 'redo'),
};

export const audit: CommandSpec = {
  name: 'audit',
  group: GROUP,
  args: ['PROJECT'],
  usage: '[--coder NAME] [--document NAME] [--limit N] [--csv [--out FILE]]',
  summary: 'Who changed what and when (newest first), filtered by person and document; CSV for a spreadsheet',
  details:
    '--coder NAME matches who made the change as the log records it (--as NAME, or the OS user name).\n' +
    '--document NAME keeps the changes to that document, its codings, memo and consensus decisions.\n' +
    '--csv prints every matching change as RFC 4180 CSV (UTF-8 with a byte-order mark, CRLF line ends);\n' +
    'with --out FILE it is written to FILE instead.',
  calls: ['project.audit', 'project.auditExport', 'documents.list'],
  options: {
    coder: { type: 'string', value: 'NAME', help: 'only changes made by NAME' },
    document: { type: 'string', value: 'NAME', help: 'only changes to this document' },
    limit: { type: 'string', value: 'N', help: 'how many changes to list (default 50; --csv has them all)' },
    csv: { type: 'boolean', help: 'print (or with --out, write) CSV' },
    out: { type: 'string', value: 'FILE', help: 'with --csv: the file to write' },
  },
  async run(ctx, { positionals, values }) {
    const c = 'audit';
    const csv = flag(values, 'csv');
    const out = str(values, 'out');
    if (out !== undefined && !csv) throw new UsageError('--out goes with --csv', c);
    const limit = optionalInt(values, 'limit', c, 1);
    if (limit !== undefined && csv) throw new UsageError('--csv has every matching change: leave out --limit', c);
    if (limit !== undefined && limit > 10_000) throw new UsageError('--limit is at most 10000', c);
    const door = await ctx.door(positionals[0]!);
    const coder = str(values, 'coder');
    const docName = str(values, 'document');
    const filters = { ...(coder !== undefined && { actor: coder }), ...(docName !== undefined && { document: await documentGuid(door, docName) }) };
    if (csv) {
      const file = await door.call('project.auditExport', filters);
      const text = Buffer.from(file.base64, 'base64').toString('utf8');
      if (out === undefined) return { data: { ...file, csv: text }, text: text.replace(/\r\n$/, '') };
      writeFileSync(out, Buffer.from(file.base64, 'base64'));
      return { data: { file: out, rows: file.rows }, text: `Wrote ${file.rows} changes to ${basename(out)}` };
    }
    const view = await door.call('project.audit', { ...filters, limit: limit ?? 50 });
    if (view.entries.length === 0) return { data: view, text: 'No changes match' };
    return {
      data: view,
      text: `${table(
        ['TIME', 'WHO', 'DOCUMENT', 'WHAT'],
        view.entries.map((e) => [e.at.replace('T', ' ').slice(0, 19), e.actor, truncate(e.document ?? '', 30), truncate(e.summary, 70)]),
      )}\n(${view.entries.length} of ${view.total} changes)`,
    };
  },
};
