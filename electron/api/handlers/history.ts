/** Handlers for the methods in shared/api/methods/history.ts. */
import type { historyMethods } from '../../../shared/api/methods/history.js';
import type { Session } from '../../services/session.js';
import { audit, auditExport } from '../../services/undo/audit.js';
import type { Handler } from '../handler-types.js';

export type HistoryMethod = keyof typeof historyMethods;

export function historyHandlers(session: Session): { [M in HistoryMethod]: Handler<M> } {
  return {
    'project.audit': (args) => audit(session, args),
    'project.auditExport': (args) => auditExport(session, args),
  };
}
