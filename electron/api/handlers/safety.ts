/** Handlers for the methods in shared/api/methods/safety.ts. */
import type { safetyMethods } from '../../../shared/api/methods/safety.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type SafetyMethod = keyof typeof safetyMethods;

export function safetyHandlers(session: Session): { [M in SafetyMethod]: Handler<M> } {
  void session;
  return {};
}
