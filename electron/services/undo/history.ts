/**
 * Undo and redo, kept in the project file: the lists are read back from the event log (see
 * derive.ts), so they survive closing the app and are shared by the workspace and the CLI for the
 * same actor. Undo inverts the top batch in one new action (see invert.ts); redo inverts that
 * undo. A batch that can no longer be reversed is taken off its list by a logged `history.drop`.
 */
import type { HistoryState, HistoryStep } from '../../../shared/api/types.js';
import { runAction } from '../../../db/action.js';
import { MarginaliaError } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import { deriveLists, type Lists } from './derive.js';
import { describeBatch, invertBatch } from './invert.js';

export type { HistoryState, HistoryStep };

/** How many of an actor's changes undo can reach back, unless MARGINALIA_UNDO_LIMIT says otherwise. */
export const DEFAULT_UNDO_LIMIT = 200;

export function undoLimit(): number {
  const n = Number(process.env.MARGINALIA_UNDO_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_UNDO_LIMIT;
}

interface Cached {
  lastEvent: number;
  limit: number;
  lists: Lists;
  labels: Map<string, string>;
}

const cache = new WeakMap<Session, Cached>();

function lastEventId(session: Session): number {
  return (session.project.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM events').get() as { n: number }).n;
}

/** The lists as the log says now; re-read only when the log has grown. */
function lists(session: Session): Cached {
  const lastEvent = lastEventId(session);
  const limit = undoLimit();
  const hit = cache.get(session);
  if (hit && hit.lastEvent === lastEvent && hit.limit === limit) return hit;
  const fresh = { lastEvent, limit, lists: deriveLists(session.project.sqlite, session.actor, limit), labels: new Map<string, string>() };
  cache.set(session, fresh);
  return fresh;
}

function label(c: Cached, session: Session, batch: string | undefined): string | null {
  if (batch === undefined) return null;
  let l = c.labels.get(batch);
  if (l === undefined) {
    l = describeBatch(session.project.db, batch).label;
    c.labels.set(batch, l);
  }
  return l;
}

export function historyState(session: Session): HistoryState {
  const c = lists(session);
  const u = c.lists.undo[0];
  const r = c.lists.redo[0];
  return { canUndo: u !== undefined, canRedo: r !== undefined, undoLabel: label(c, session, u), redoLabel: label(c, session, r) };
}

function step(session: Session, kind: 'undo' | 'redo'): HistoryStep {
  const c = lists(session);
  const batch = c.lists[kind][0];
  const l = label(c, session, batch);
  if (batch === undefined || l === null) return { label: null, entities: [], state: historyState(session) };
  try {
    const done = invertBatch(session, batch, l, kind);
    return { label: l, entities: done.entities, state: historyState(session) };
  } catch (err) {
    // A batch that can no longer be reversed never will be: take it off so older ones stay reachable.
    if (err instanceof MarginaliaError && (err.code === 'conflict' || err.code === 'not_found')) {
      runAction(session.project, session.actor, (action) =>
        action.log({ action: 'history.drop', entity: 'batch', entityGuid: null, after: { batch, kind, label: l, why: err.message } }),
      );
      throw new MarginaliaError(err.code, `${err.message} (it has been taken off the ${kind} list)`);
    }
    throw err;
  }
}

export const undo = (session: Session): HistoryStep => step(session, 'undo');
export const redo = (session: Session): HistoryStep => step(session, 'redo');

/** Kept for callers that "start" the history when a session opens: it lives in the file now, so this only reads it. */
export function historyOf(session: Session): { state(): HistoryState } {
  return { state: () => historyState(session) };
}
