/**
 * Undo and redo for a session, built on the append-only event log: the history is two stacks
 * of batch ids. Undo inverts the top batch in one new action (see invert.ts) and puts that
 * new batch on the redo stack; redo inverts it back. Any new change clears the redo stack. A
 * change undo cannot reverse (a project merge, blind coding, attribute import…) clears the whole
 * history, since older changes cannot safely be undone past it.
 */
import { onAction } from '../../../db/action.js';
import type { HistoryState, HistoryStep } from '../../../shared/api/types.js';
import { MarginaliaError } from '../../../shared/errors.js';
import { describeBatch, invertBatch } from './invert.js';
import type { Session } from '../session.js';

export type { HistoryState, HistoryStep };

interface Entry {
  batch: string;
  label: string;
}

/** Old entries fall off the bottom; the log keeps everything regardless. */
const MAX_ENTRIES = 500;

class History {
  private readonly undoStack: Entry[] = [];
  private redoStack: Entry[] = [];
  private replaying = false;

  constructor(private readonly session: Session) {
    onAction(session.project, (batch) => this.record(batch));
  }

  private record(batch: string): void {
    if (this.replaying) return;
    const d = describeBatch(this.session.project.db, batch);
    this.redoStack = [];
    if (d.blocker) {
      this.undoStack.length = 0;
      return;
    }
    this.undoStack.push({ batch, label: d.label });
    if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
  }

  state(): HistoryState {
    const u = this.undoStack.at(-1);
    const r = this.redoStack.at(-1);
    return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
  }

  step(kind: 'undo' | 'redo'): HistoryStep {
    const from = kind === 'undo' ? this.undoStack : this.redoStack;
    const to = kind === 'undo' ? this.redoStack : this.undoStack;
    const entry = from.at(-1);
    if (!entry) return { label: null, entities: [], state: this.state() };
    this.replaying = true;
    try {
      const done = invertBatch(this.session, entry.batch, entry.label, kind);
      from.pop();
      to.push({ batch: done.batch, label: entry.label });
      return { label: entry.label, entities: done.entities, state: this.state() };
    } catch (err) {
      // A batch that can no longer be reversed never will be: take it off so older ones stay reachable.
      if (err instanceof MarginaliaError && (err.code === 'conflict' || err.code === 'not_found')) {
        from.pop();
        throw new MarginaliaError(err.code, `${err.message} (it has been taken off the ${kind} list)`);
      }
      throw err;
    } finally {
      this.replaying = false;
    }
  }
}

const histories = new WeakMap<Session, History>();

/** The session's history, recording from the first call on: call it when the session opens. */
export function historyOf(session: Session): History {
  let h = histories.get(session);
  if (!h) {
    h = new History(session);
    histories.set(session, h);
  }
  return h;
}

export const undo = (session: Session): HistoryStep => historyOf(session).step('undo');
export const redo = (session: Session): HistoryStep => historyOf(session).step('redo');
export const historyState = (session: Session): HistoryState => historyOf(session).state();
