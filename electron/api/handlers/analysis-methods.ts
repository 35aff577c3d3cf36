/** The methods handlers/analysis.ts answers, as a list: handlers.ts routes them there without loading it. */
import type { AnalysisMethod } from './analysis.js';

export const ANALYSIS_METHODS = [
  'agreement.report',
  'agreement.stats',
  'agreement.disagreements',
  'consensus.start',
  'consensus.decide',
  'consensus.status',
  'consensus.finish',
  'project.mergeCoderProject',
  'project.log',
] as const satisfies readonly AnalysisMethod[];
