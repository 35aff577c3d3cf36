/** Handlers for the methods in shared/api/methods/refi-import.ts. */
import type { refiImportMethods } from '../../../shared/api/methods/refi-import.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type RefiImportMethod = keyof typeof refiImportMethods;

export function refiImportHandlers(session: Session): { [M in RefiImportMethod]: Handler<M> } {
  void session;
  return {};
}
