/** log: the recent history of a project from its append-only event log. */
import type { EventRow } from '../../../db/queries/events.js';
import { optionalInt, type CommandSpec } from '../command.js';
import { table, truncate } from '../format.js';

/** A readable label for the entity an event touched: its name or path when the event carries one. */
function label(e: EventRow): string {
  for (const raw of [e.after, e.before]) {
    if (!raw) continue;
    try {
      const v = JSON.parse(raw) as Record<string, unknown>;
      for (const k of ['path', 'name', 'document', 'case']) if (typeof v[k] === 'string' && v[k]) return truncate(String(v[k]), 50);
    } catch {
      // Not JSON: fall through to the GUID.
    }
  }
  return e.entityGuid ? e.entityGuid.slice(0, 8) : '';
}

export const log: CommandSpec = {
  name: 'log',
  group: 'Projects',
  args: ['PROJECT'],
  summary: 'Show recent changes: time, actor, action, entity (newest first)',
  details: 'Every change is logged with who made it (--as NAME, or your OS user name).',
  options: { limit: { type: 'string', value: 'N', help: 'how many events (default 20)' } },
  async run(ctx, { positionals, values }) {
    const limit = optionalInt(values, 'limit', 'log', 1) ?? 20;
    // Read-only: the event log has no service of its own, only this query.
    const { db } = (await ctx.open(positionals[0]!)).project;
    const { countEvents, recentEvents } = await import('../../../db/queries/events.js');
    const rows = recentEvents(db, limit);
    const total = countEvents(db);
    const data = rows.map((e) => ({
      id: e.id,
      batch: e.batch,
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityGuid: e.entityGuid,
      label: label(e),
    }));
    if (rows.length === 0) return { data, text: 'No events' };
    return {
      data,
      text: `${table(['TIME', 'ACTOR', 'ACTION', 'ENTITY'], data.map((e) => [e.at, e.actor, e.action, `${e.entity} ${e.label}`.trim()]))}\n(${rows.length} of ${total} events)`,
    };
  },
};
