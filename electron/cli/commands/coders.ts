/** coders [add]: the people who apply codes. */
import type { CommandSpec } from '../command.js';
import { table } from '../format.js';

const GROUP = 'Coding';

export const coders: CommandSpec = {
  name: 'coders',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List coders with how many codings and documents each has',
  async run(ctx, { positionals }) {
    const session = await ctx.open(positionals[0]!);
    const { coderCounts } = await import('../../services/counts.js');
    const rows = coderCounts(session).map(({ name, codings, documents }) => ({ name, codings, documents }));
    if (rows.length === 0) return { data: rows, text: 'No coders yet (add one with: marginalia coders add PROJECT NAME)' };
    return { data: rows, text: table(['CODER', 'CODINGS', 'DOCUMENTS'], rows.map((r) => [r.name, r.codings, r.documents])) };
  },
};

export const codersAdd: CommandSpec = {
  name: 'coders add',
  group: GROUP,
  args: ['PROJECT', 'NAME'],
  summary: 'Add a coder',
  async run(ctx, { positionals }) {
    const [project, name] = positionals as [string, string];
    const { addCoder } = await import('../../services/codings.js');
    const c = addCoder(await ctx.open(project), name);
    return { data: c, text: `Added coder "${c.name}"` };
  },
};
