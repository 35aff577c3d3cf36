/**
 * One user action = one transaction = one event batch. Every change goes through
 * `runAction`, so the project is either fully changed and logged, or exactly as it was.
 */
import { newGuid, nowIso } from '../shared/ids.js';
import type { Db, Project } from './open.js';
import { events } from './schema.js';

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

export function runAction<T>(project: Project, actor: string, fn: (action: Action) => T): T {
  const batch = newGuid();
  const at = nowIso();
  const action: Action = {
    project,
    db: project.db,
    actor,
    batch,
    at,
    log(e) {
      project.db
        .insert(events)
        .values({
          batch,
          at,
          actor,
          action: e.action,
          entity: e.entity,
          entityGuid: e.entityGuid ?? null,
          before: json(e.before),
          after: json(e.after),
        })
        .run();
    },
  };
  // better-sqlite3 transactions are synchronous: nothing inside may await.
  return project.sqlite.transaction(() => fn(action))();
}
