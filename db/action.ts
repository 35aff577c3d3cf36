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
      prepared(
        project.db,
        'INSERT INTO events (batch, at, actor, action, entity, entity_guid, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(batch, at, actor, e.action, e.entity, e.entityGuid ?? null, json(e.before), json(e.after));
    },
  };
  // better-sqlite3 transactions are synchronous: nothing inside may await.
  return project.sqlite.transaction(() => fn(action))();
}
