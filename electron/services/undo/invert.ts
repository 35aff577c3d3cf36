/**
 * Undoing one batch: the inverse of each of its events, newest first, inside ONE new action.
 * Every inverse logs an ordinary event, so the new batch can itself be inverted (that is redo).
 * A check that fails anywhere refuses the whole undo and the transaction leaves nothing behind.
 */
import { runAction } from '../../../db/action.js';
import type { Db } from '../../../db/open.js';
import { eventsOfBatch } from '../../../db/queries/events.js';
import { fail, MarginaliaError } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import { codeInverses } from './codes.js';
import { codingInverses } from './codings.js';
import { consensusInverses } from './consensus.js';
import { consensusLifecycleInverses } from './consensus-lifecycle.js';
import { parseEvent, type Inverse, type LoggedEvent, type UndoContext } from './context.js';
import { documentInverses } from './documents.js';
import { batchLabel } from './labels.js';
import { mergeIsReversible, wholeBatchInverses } from './project-merge.js';
import { rowInverses } from './rows.js';
import { transcriptEditInverses } from './transcript-edit.js';

/**
 * Every undoable kind of event and its inverse. A new kind of change becomes undoable by adding
 * its inverses here (one spread per file); a change with no entry clears the history instead.
 */
const INVERSES: Record<string, Inverse> = {
  ...codingInverses,
  ...codeInverses,
  ...documentInverses,
  ...consensusInverses,
  ...consensusLifecycleInverses,
  ...rowInverses,
  ...transcriptEditInverses,
};

/** Marks an undo/redo batch (or a dropped history entry) in the audit trail; it changes nothing, so it needs no inverse. */
const isMarker = (e: Pick<LoggedEvent, 'action'>) => e.action.startsWith('history.');

/** The event whose inverse undoes its whole batch (a project merge), if the batch has one. */
function wholeBatch(events: LoggedEvent[]): LoggedEvent | undefined {
  return events.find((e) => Object.hasOwn(wholeBatchInverses, e.action));
}

export function batchEvents(db: Db, batch: string): LoggedEvent[] {
  return eventsOfBatch(db, batch).map(parseEvent);
}

/** The first kind of change in the batch that undo does not know how to reverse, if any. */
export function notInvertible(events: Pick<LoggedEvent, 'action' | 'after'>[]): string | null {
  const whole = events.find((e) => Object.hasOwn(wholeBatchInverses, e.action));
  if (whole) return whole.action === 'merge.project' && !mergeIsReversible(whole.after) ? whole.action : null;
  for (const e of events) if (!isMarker(e) && !Object.hasOwn(INVERSES, e.action)) return e.action;
  return null;
}

export interface Inverted {
  /** The new batch (the undo itself), which redo inverts in turn. */
  batch: string;
  label: string;
  /** Kinds of item the change touched (document, code, coding, memo, coder, case), for the UI to refresh. */
  entities: string[];
}

export function describeBatch(db: Db, batch: string): { label: string; entities: string[]; blocker: string | null } {
  const events = batchEvents(db, batch);
  return { label: batchLabel(db, events), entities: entitiesOf(events), blocker: notInvertible(events) };
}

const entitiesOf = (events: LoggedEvent[]) => [...new Set(events.filter((e) => !isMarker(e)).map((e) => e.entity))].sort();

export function invertBatch(session: Session, batch: string, label: string, kind: 'undo' | 'redo'): Inverted {
  return runAction(session.project, session.actor, (action) => {
    const events = batchEvents(action.db, batch);
    if (events.length === 0) fail('not_found', `cannot ${kind} "${label}": its changes are not in this project's log`);
    const blocker = notInvertible(events);
    if (blocker) fail('conflict', `cannot ${kind} "${label}": a ${blocker} change cannot be undone`);
    action.log({ action: `history.${kind}`, entity: 'batch', entityGuid: null, after: { batch, label } });
    const ctx: UndoContext = { action, label, kind, goneMemos: new Set() };
    try {
      const whole = wholeBatch(events);
      if (whole) wholeBatchInverses[whole.action]!(ctx, whole);
      else for (const e of [...events].reverse()) if (!isMarker(e)) INVERSES[e.action]!(ctx, e);
    } catch (err) {
      if (err instanceof MarginaliaError) throw err;
      // A constraint we did not foresee: still refuse cleanly (the transaction rolls back).
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      fail('conflict', `cannot ${kind} "${label}": the project has changed since (${why}); nothing was changed`);
    }
    return { batch: action.batch, label, entities: entitiesOf(events) };
  });
}
