/** Handlers for the methods in shared/api/methods/analysis.ts. */
import type { analysisMethods } from '../../../shared/api/methods/analysis.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type AnalysisViewsMethod = keyof typeof analysisMethods;

export function analysisViewsHandlers(session: Session): { [M in AnalysisViewsMethod]: Handler<M> } {
  void session;
  return {};
}
