/** Handlers for the methods in shared/api/methods/analysis.ts: frequencies, co-occurrence, cross-tabs and the passages behind them. */
import type { analysisMethods } from '../../../shared/api/methods/analysis.js';
import { analysisOptions } from '../../services/analysis/options.js';
import { cooccurrence } from '../../services/analysis/cooccurrence.js';
import { crosstab } from '../../services/analysis/crosstab.js';
import { frequencies } from '../../services/analysis/frequencies.js';
import { passages } from '../../services/analysis/passages.js';
import type { Session } from '../../services/session.js';
import type { Handler } from '../handler-types.js';

export type AnalysisViewsMethod = keyof typeof analysisMethods;

export function analysisViewsHandlers(session: Session): { [M in AnalysisViewsMethod]: Handler<M> } {
  return {
    'analysis.options': () => analysisOptions(session),
    'analysis.frequencies': (scope) => frequencies(session, scope),
    'analysis.cooccurrence': ({ mode, distance, ...scope }) =>
      cooccurrence(session, scope, { ...(mode && { mode }), ...(distance !== undefined && { distance }) }),
    'analysis.crosstab': ({ attribute, ...scope }) => crosstab(session, scope, attribute),
    'analysis.passages': ({ cell, limit, ...scope }) => passages(session, scope, cell, limit ?? 200),
  };
}
