/**
 * The contract calls that need no open project (a statistic over a table the caller hands in),
 * for callers with no project file: the CLI's `stats`. Arguments are checked against the
 * contract as in every door; a refusal throws a MarginaliaError.
 */
import type { ApiArgs, ApiResult } from '../../shared/api/contract.js';
import { parseArgs } from '../../shared/api/validate.js';
import type { Handler } from './handler-types.js';
import { tableStats } from './handlers/analysis.js';
import { importProjectFromPath } from './handlers/refi-import.js';

export type ProjectFreeMethod = 'agreement.stats' | 'refi.importProject';
const PROJECT_FREE: { [M in ProjectFreeMethod]: Handler<M> } = { 'agreement.stats': tableStats, 'refi.importProject': importProjectFromPath };

export async function callWithoutProject<M extends ProjectFreeMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return (PROJECT_FREE[method] as Handler<M>)(parseArgs(method, args));
}
