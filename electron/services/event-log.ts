/** Reading the project's append-only event log: who changed what, newest first. */
import { countEvents, recentEvents, type EventRow } from '../../db/queries/events.js';
import type { ProjectLogView } from '../../shared/api/types.js';
import type { Session } from './session.js';

/** The entity an event touched, by its name or path when the event carries one. */
function label(e: EventRow): string {
  for (const raw of [e.after, e.before]) {
    if (!raw) continue;
    try {
      const v = JSON.parse(raw) as Record<string, unknown>;
      for (const k of ['path', 'name', 'document', 'case']) if (typeof v[k] === 'string' && v[k]) return v[k];
    } catch {
      // Not JSON: fall through to the GUID.
    }
  }
  return e.entityGuid ? e.entityGuid.slice(0, 8) : '';
}

export function projectLog(session: Session, limit: number): ProjectLogView {
  const { db } = session.project;
  const events = recentEvents(db, limit).map((e) => ({
    id: e.id,
    batch: e.batch,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityGuid: e.entityGuid,
    label: label(e),
  }));
  return { events, total: countEvents(db) };
}
