/**
 * The contract calls that need no open project (a statistic over a table the caller hands in),
 * for callers with no project file: the CLI's `stats`. Arguments are checked against the
 * contract as in every door; a refusal throws a MarginaliaError.
 */
import type { ApiArgs, ApiResult } from '../../shared/api/contract.js';
import { parseArgs } from '../../shared/api/validate.js';
import { tableStats } from './handlers/analysis.js';

const PROJECT_FREE = { 'agreement.stats': tableStats } as const;
export type ProjectFreeMethod = keyof typeof PROJECT_FREE;

export async function callWithoutProject<M extends ProjectFreeMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return PROJECT_FREE[method](parseArgs(method, args));
}
