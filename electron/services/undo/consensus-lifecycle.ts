/**
 * Inverses of starting and finishing a consensus. Starting creates the consensus coder (its own
 * coder.create event), marks it in project_meta as the consensus of a pair, and places the agreed
 * codings (their own events); undoing the batch takes all three back. Finishing records a time in
 * project_meta: undo puts back the time before it (none, or an earlier finish).
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { getMeta, setMeta } from '../../../db/queries/meta.js';
import { coderByGuid } from '../../../db/queries/coders.js';
import { events, projectMeta } from '../../../db/schema.js';
import type { Db } from '../../../db/open.js';
import { conflict, guidOf, shaped, type Inverse, type UndoContext } from './context.js';

const pairKey = (coders: unknown) => (Array.isArray(coders) ? coders.join('+') : '');
const startKey = (guid: string) => `consensus:${guid}`;
const finishKey = (guid: string) => `consensus-finished:${guid}`;

function setOrClear(db: Db, key: string, value: string | null): void {
  if (value === null) db.delete(projectMeta).where(eq(projectMeta.key, key)).run();
  else setMeta(db, key, value);
}

interface Started {
  consensus: string;
  coders: string[];
}

/** consensus.start → the coder is no longer marked as a consensus (its coder.create event removes it). */
const undoStart: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const guid = guidOf(ctx, e);
  const after = shaped<Started>(e.after ?? {});
  if (getMeta(db, startKey(guid)) !== pairKey(after.coders)) conflict(ctx, `"${after.consensus}" is no longer the consensus it started`);
  if (getMeta(db, finishKey(guid)) !== undefined) conflict(ctx, `"${after.consensus}" has been finished since`);
  setOrClear(db, startKey(guid), null);
  ctx.action.log({ action: 'consensus.unstart', entity: 'coder', entityGuid: guid, before: after });
};

/** consensus.unstart → marked as the consensus of its pair again (its coder came back first). */
const undoUnstart: Inverse = (ctx, e) => {
  const { db } = ctx.action;
  const guid = guidOf(ctx, e);
  const before = shaped<Started>(e.before ?? {});
  if (!coderByGuid(db, guid)) conflict(ctx, `the coder "${before.consensus}" is not in the project`);
  if (getMeta(db, startKey(guid)) !== undefined) conflict(ctx, `"${before.consensus}" is a consensus already`);
  setMeta(db, startKey(guid), pairKey(before.coders));
  ctx.action.log({ action: 'consensus.start', entity: 'coder', entityGuid: guid, after: before });
};

/** The finish time a consensus had just after event `id` (null: not finished), read from the log. */
function finishedAfter(ctx: UndoContext, guid: string, id: number, inclusive: boolean): string | null {
  const { db } = ctx.action;
  const row = db
    .select({ id: events.id, at: events.at, action: events.action, after: events.after })
    .from(events)
    .where(and(eq(events.entityGuid, guid), inArray(events.action, ['consensus.finish', 'consensus.finished-at']), lt(events.id, inclusive ? id + 1 : id)))
    .orderBy(desc(events.id))
    .limit(1)
    .get();
  if (!row) return null;
  if (row.action === 'consensus.finish') return row.at;
  return (JSON.parse(row.after ?? '{}') as { finishedAt?: string | null }).finishedAt ?? null;
}

function moveFinish(ctx: UndoContext, guid: string, from: string | null, to: string | null): void {
  const { db } = ctx.action;
  if ((getMeta(db, finishKey(guid)) ?? null) !== from) conflict(ctx, 'the consensus has been finished again since');
  setOrClear(db, finishKey(guid), to);
  ctx.action.log({ action: 'consensus.finished-at', entity: 'coder', entityGuid: guid, before: { finishedAt: from }, after: { finishedAt: to } });
}

/** consensus.finish → the finish time before it. */
const undoFinish: Inverse = (ctx, e) => {
  const guid = guidOf(ctx, e);
  moveFinish(ctx, guid, finishedAfter(ctx, guid, e.id, true), finishedAfter(ctx, guid, e.id, false));
};

/** consensus.finished-at (an undone or redone finish) → the time it replaced. */
const undoFinishedAt: Inverse = (ctx, e) => {
  const v = shaped<{ finishedAt: string | null }>;
  moveFinish(ctx, guidOf(ctx, e), v(e.after ?? {}).finishedAt ?? null, v(e.before ?? {}).finishedAt ?? null);
};

export const consensusLifecycleInverses: Record<string, Inverse> = {
  'consensus.start': undoStart,
  'consensus.unstart': undoUnstart,
  'consensus.finish': undoFinish,
  'consensus.finished-at': undoFinishedAt,
};
