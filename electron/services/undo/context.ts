/**
 * What every inverse works with: the logged event (parsed), the action it writes into, and a
 * note of the memos that the undo itself has already taken away with their codings or codes.
 */
import type { Action } from '../../../db/action.js';
import type { EventRow } from '../../../db/queries/events.js';
import { fail } from '../../../shared/errors.js';

/** A logged before/after object as parsed from the log: JSON, shaped per action. */
export type Logged = Record<string, unknown>;

/**
 * A logged object read as the shape its action wrote. Only this program's services write the log,
 * each action with one shape, so an inverse names the shape it reads rather than testing each field.
 */
export function shaped<T extends object>(logged: Logged | null): T {
  return logged as T;
}

export interface LoggedEvent {
  id: number;
  action: string;
  entity: string;
  entityGuid: string | null;
  before: Logged | null;
  after: Logged | null;
}

export interface UndoContext {
  action: Action;
  /** What the batch being undone was called, and whether this is an undo or a redo, for messages. */
  label: string;
  kind: 'undo' | 'redo';
  /** GUIDs of memos deleted as part of this undo (with their coding or code): their own events are then moot. */
  goneMemos: Set<string>;
}

export type Inverse = (ctx: UndoContext, e: LoggedEvent) => void;

export function parseEvent(row: EventRow): LoggedEvent {
  const parse = (s: string | null): Logged | null => (s === null ? null : (JSON.parse(s) as Logged));
  return { id: row.id, action: row.action, entity: row.entity, entityGuid: row.entityGuid, before: parse(row.before), after: parse(row.after) };
}

/** Refuses the whole undo (the transaction rolls back, nothing is changed). */
export function conflict(ctx: UndoContext, why: string): never {
  return fail('conflict', `cannot ${ctx.kind} "${ctx.label}": ${why}; nothing was changed`);
}

export function guidOf(ctx: UndoContext, e: LoggedEvent): string {
  if (!e.entityGuid) conflict(ctx, `the log entry for ${e.action} names no item`);
  return e.entityGuid;
}

/** Memo bodies compare as writeMemo stores them (line ends normalised, blank means none). */
export function sameMemo(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) => {
    const t = (s ?? '').replace(/\r\n?/g, '\n');
    return t.trim() ? t : '';
  };
  return norm(a) === norm(b);
}
