/** coders [add]: the people who apply codes. */
import type { CommandSpec } from '../command.js';
import { table } from '../format.js';

const GROUP = 'Coding';

export const coders: CommandSpec = {
  name: 'coders',
  group: GROUP,
  args: ['PROJECT'],
  summary: 'List coders with how many codings and documents each has',
  calls: ['coders.list'],
  async run(ctx, { positionals }) {
    const rows = (await (await ctx.door(positionals[0]!)).call('coders.list')).map(({ name, codings, documents }) => ({ name, codings, documents }));
    if (rows.length === 0) return { data: rows, text: 'No coders yet (add one with: marginalia coders add PROJECT NAME)' };
    return {
      data: rows,
      text: table(
        ['CODER', 'CODINGS', 'DOCUMENTS'],
        rows.map((r) => [r.name, r.codings, r.documents]),
      ),
    };
  },
};

export const codersAdd: CommandSpec = {
  name: 'coders add',
  group: GROUP,
  args: ['PROJECT', 'NAME'],
  summary: 'Add a coder',
  calls: ['coders.add'],
  async run(ctx, { positionals }) {
    const [project, name] = positionals as [string, string];
    const c = await (await ctx.door(project)).call('coders.add', { name });
    return { data: c, text: `Added coder "${c.name}"` };
  },
};
