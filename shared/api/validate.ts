/**
 * Checking a call's arguments at the boundary (HTTP bridge, Electron IPC). A bad argument
 * becomes one `invalid_input` line naming the method and the field, never a zod dump.
 */
import type { z } from 'zod';
import { fail } from '../errors.js';
import { contract, type ApiMethod, type ApiParsedArgs } from './contract.js';

/** One readable line for the first problem zod found. */
export function describeIssue(method: string, issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return `${method}: the arguments are not valid`;
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${issue.path.join('.')}` : '';
    return `${method}: unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}`;
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') return `${method}: the arguments must be an object`;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the arguments';
  return `${method}: ${where} ${issue.message}`.replace(/\s+/g, ' ');
}

const built = new Map<ApiMethod, z.ZodType>();

/** A method's argument schema, built on first use and kept. */
export function argsSchema(method: ApiMethod): z.ZodType {
  let schema = built.get(method);
  if (!schema) built.set(method, (schema = contract[method].args()));
  return schema;
}

/** The validated arguments of a call (no arguments counts as `{}`), or a MarginaliaError. */
export function parseArgs<M extends ApiMethod>(method: M, raw: unknown): ApiParsedArgs<M> {
  const r = argsSchema(method).safeParse(raw ?? {});
  if (r.success) return r.data as ApiParsedArgs<M>;
  return fail('invalid_input', describeIssue(method, r.error.issues[0]));
}
