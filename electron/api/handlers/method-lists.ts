/** Which methods the handler files with no method list of their own answer: handlers.ts routes calls there without loading them. */
import type { AnalysisMethod } from './analysis.js';
import type { ExchangeMethod } from './exchange.js';

/** handlers/analysis.ts: agreement, consensus, coder-project merge, the log. */

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

/** The methods handlers/exchange.ts answers (files in and out, for the CLI and the Electron menu). */
export const EXCHANGE_METHODS = [
  'documents.importFiles',
  'documents.setCase',
  'codebook.createPath',
  'codebook.export',
  'codebook.import',
  'codings.import',
  'codings.export',
  'cases.importAttributes',
] as const satisfies readonly ExchangeMethod[];
