/** log: the recent history of a project from its append-only event log. */
import { optionalInt, type CommandSpec } from '../command.js';
import { table, truncate } from '../format.js';

export const log: CommandSpec = {
  name: 'log',
  group: 'Projects',
  args: ['PROJECT'],
  summary: 'Show recent changes: time, actor, action, entity (newest first)',
  details: 'Every change is logged with who made it (--as NAME, or your OS user name).',
  options: { limit: { type: 'string', value: 'N', help: 'how many events (default 20)' } },
  calls: ['project.log'],
  async run(ctx, { positionals, values }) {
    const limit = optionalInt(values, 'limit', 'log', 1) ?? 20;
    const { events, total } = await (await ctx.door(positionals[0]!)).call('project.log', { limit });
    const data = events.map((e) => ({ ...e, label: truncate(e.label, 50) }));
    if (data.length === 0) return { data, text: 'No events' };
    return {
      data,
      text: `${table(
        ['TIME', 'ACTOR', 'ACTION', 'ENTITY'],
        data.map((e) => [e.at, e.actor, e.action, `${e.entity} ${e.label}`.trim()]),
      )}\n(${data.length} of ${total} events)`,
    };
  },
};
