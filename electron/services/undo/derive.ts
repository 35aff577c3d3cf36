/**
 * The undo and redo lists, rebuilt from the project's append-only event log, so they survive
 * closing the app and are the same in the CLI and the workspace. The log already holds, in the
 * same transaction as each change, everything its inverse needs (the before/after of each event),
 * and each undo or redo is itself a batch marked `history.undo` / `history.redo`. Reading the
 * actor's batches newest first:
 *   - an undo batch went onto the redo list and took one entry off the undo list;
 *   - a redo batch went onto the undo list and took one entry off the redo list;
 *   - `history.drop` took an entry that can never be reversed off one list;
 *   - any other change went onto the undo list and emptied the redo list;
 *   - a change with no inverse (blind coding, attribute import…) emptied both: reading stops.
 * Only the actor's own batches count (another coder's change is not yours to undo), and only
 * their last `limit` changes can be reached.
 */
import type Database from 'better-sqlite3';
import { notInvertible } from './invert.js';

export interface Lists {
  /** Batch ids, top (newest) first. */
  undo: string[];
  redo: string[];
}

interface Row {
  batch: string;
  action: string;
  after: string | null;
}

type Kind = 'undo' | 'redo' | 'drop-undo' | 'drop-redo' | 'change' | 'blocker' | 'none';

function classify(rows: Row[]): Kind {
  const parsed = rows.map((r) => ({ action: r.action, after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>) }));
  for (const e of parsed) {
    if (e.action === 'history.undo') return 'undo';
    if (e.action === 'history.redo') return 'redo';
    if (e.action === 'history.drop') return e.after?.kind === 'redo' ? 'drop-redo' : 'drop-undo';
  }
  const changes = parsed.filter((e) => !e.action.startsWith('history.'));
  if (changes.length === 0) return 'none';
  return notInvertible(changes) ? 'blocker' : 'change';
}

/** The actor's batches, newest first; each is then read whole (a nested action's events interleave with another's). */
const SCAN = 'SELECT batch FROM events WHERE actor = ? ORDER BY id DESC';
/** Only the afters a classification reads (markers and merges) are fetched. */
const BATCH = `SELECT batch, action, CASE WHEN action LIKE 'history.%' OR action = 'merge.project' THEN after END AS after
  FROM events WHERE batch = ? ORDER BY id`;

export function deriveLists(sqlite: Database.Database, actor: string, limit: number): Lists {
  const undo: string[] = [];
  const redo: string[] = [];
  let owedUndo = 0; // entries later undos (or drops) took off the undo list
  let owedRedo = 0; // entries later redos (or drops) took off the redo list
  let redoOpen = true; // no ordinary change seen yet: the redo list is still being read
  let changes = 0;
  const seen = new Set<string>();

  /** Returns false when reading can stop. */
  const take = (batch: string, kind: Kind): boolean => {
    switch (kind) {
      case 'undo':
        if (redoOpen) {
          if (owedRedo > 0) owedRedo -= 1;
          else redo.push(batch);
        }
        owedUndo += 1;
        break;
      case 'redo':
        if (redoOpen) owedRedo += 1;
        if (owedUndo > 0) owedUndo -= 1;
        else undo.push(batch);
        break;
      case 'drop-undo':
        owedUndo += 1;
        break;
      case 'drop-redo':
        if (redoOpen) owedRedo += 1;
        break;
      case 'change':
        redoOpen = false;
        changes += 1;
        if (changes > limit) return false;
        if (owedUndo > 0) owedUndo -= 1;
        else undo.push(batch);
        break;
      case 'blocker':
        return false;
      case 'none':
        break;
    }
    return !(undo.length >= limit && (!redoOpen || redo.length >= limit));
  };

  const rowsOf = sqlite.prepare(BATCH);
  for (const { batch } of sqlite.prepare(SCAN).iterate(actor) as Iterable<{ batch: string }>) {
    if (seen.has(batch)) continue;
    seen.add(batch);
    if (!take(batch, classify(rowsOf.all(batch) as Row[]))) break;
  }
  return { undo, redo: redo.slice(0, limit) };
}
