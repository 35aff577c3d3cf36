/**
 * The shape of the handler table: one function per contract method, taking its validated
 * arguments and returning its result. Its own file, so dispatch.ts (which calls handlers) and
 * handlers.ts (which builds them) need not import each other.
 */
import type { ApiMethod, ApiParsedArgs, ApiResult } from '../../shared/api/contract.js';

export type Handler<M extends ApiMethod> = (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
export type Handlers = { [M in ApiMethod]: Handler<M> };
