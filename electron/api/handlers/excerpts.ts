/** Handlers for the methods in shared/api/methods/excerpts.ts. */
import type { excerptMethods } from '../../../shared/api/methods/excerpts.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type ExcerptMethod = keyof typeof excerptMethods;

export function excerptHandlers(session: Session): { [M in ExcerptMethod]: Handler<M> } {
  void session;
  return {};
}
