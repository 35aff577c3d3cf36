/** Handlers for the methods in shared/api/methods/refi.ts. */
import type { refiMethods } from '../../../shared/api/methods/refi.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type RefiMethod = keyof typeof refiMethods;

export function refiHandlers(session: Session): { [M in RefiMethod]: Handler<M> } {
  void session;
  return {};
}
