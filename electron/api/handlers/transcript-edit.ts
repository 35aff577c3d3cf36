/** Handlers for the methods in shared/api/methods/transcript-edit.ts. */
import type { transcriptEditMethods } from '../../../shared/api/methods/transcript-edit.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type TranscriptEditMethod = keyof typeof transcriptEditMethods;

export function transcriptEditHandlers(session: Session): { [M in TranscriptEditMethod]: Handler<M> } {
  void session;
  return {};
}
