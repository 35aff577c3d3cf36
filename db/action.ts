/**
 * One user action = one transaction = one event batch. Every change goes through
 * `runAction`, so the project is either fully changed and logged, or exactly as it was.
 */
import { newGuid, nowIso } from '../shared/ids.js';
import type { Db, Project } from './open.js';
import { prepared } from './prepared.js';

export interface EventInput {
  action: string;
  entity: string;
  entityGuid?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface Action {
  project: Project;
  db: Db;
  actor: string;
  batch: string;
  at: string;
  log(event: EventInput): void;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

export type ActionListener = (batch: string) => void;

const listeners = new WeakMap<Project, Set<ActionListener>>();

/**
 * Calls `fn` with the batch id of every action on `project` that committed at least one event
 * (the undo history uses this to learn what the session changed). Returns an unsubscribe.
 */
export function onAction(project: Project, fn: ActionListener): () => void {
  let set = listeners.get(project);
  if (!set) {
    set = new Set();
    listeners.set(project, set);
  }
  set.add(fn);
  return () => set.delete(fn);
}

export function runAction<T>(project: Project, actor: string, fn: (action: Action) => T): T {
  const batch = newGuid();
  const at = nowIso();
  let logged = 0;
  const action: Action = {
    project,
    db: project.db,
    actor,
    batch,
    at,
    log(e) {
      logged += 1;
      prepared(project.db, 'INSERT INTO events (batch, at, actor, action, entity, entity_guid, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        batch,
        at,
        actor,
        e.action,
        e.entity,
        e.entityGuid ?? null,
        json(e.before),
        json(e.after),
      );
    },
  };
  // better-sqlite3 transactions are synchronous: nothing inside may await.
  const result = project.sqlite.transaction(() => fn(action))();
  // Only after the commit, and only when something was recorded (an action nested inside another's
  // transaction is not reported on its own: its events commit with the outer one).
  if (logged > 0 && !project.sqlite.inTransaction) {
    for (const l of listeners.get(project) ?? []) {
      try {
        l(batch);
      } catch (err) {
        // The change is committed; a listener's failure must not make it look refused.
        console.error('marginalia: action listener failed:', err);
      }
    }
  }
  return result;
}
