/**
 * --coders A,B [--codes PATH,...] [--docs NAME,...] [--name NAME]: the two coders compared and
 * what to compare, as the GUIDs the agreement and consensus calls take (names resolved once,
 * with "did you mean" for near misses).
 */
import type { ProjectDoor } from '../api/door.js';
import { requireStr, str, UsageError, type Values } from './command.js';
import { codeGuids, coderGuids, documentGuids } from './resolve.js';

export interface PairNames {
  coders: [string, string];
  codes?: string[];
  documents?: string[];
}

export interface PairGuids {
  coders: [string, string];
  codes?: string[];
  documents?: string[];
}

const splitList = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const PAIR_OPTIONS = {
  coders: { type: 'string', value: 'A,B', help: 'the two coders (A first, B second)' },
  codes: { type: 'string', value: 'PATH,...', help: 'only these codes (default: every code either coder used)' },
  docs: { type: 'string', value: 'NAME,...', help: 'only these documents (default: the documents both coders coded)' },
} as const;

/** The names as typed; a usage error (before any file is opened) unless there are exactly two coders. */
export function pairNames(values: Values, command: string): PairNames {
  const coders = splitList(requireStr(values, 'coders', command)) ?? [];
  if (coders.length !== 2) throw new UsageError(`--coders needs exactly two names, like --coders Alice,Bob (got ${coders.length})`, command);
  const codes = splitList(str(values, 'codes'));
  const documents = splitList(str(values, 'docs'));
  return { coders: [coders[0]!, coders[1]!], ...(codes?.length && { codes }), ...(documents?.length && { documents }) };
}

export async function pairGuids(door: ProjectDoor, names: PairNames): Promise<PairGuids> {
  const [a, b] = await coderGuids(door, names.coders);
  return {
    coders: [a!, b!],
    ...(names.codes && { codes: await codeGuids(door, names.codes) }),
    ...(names.documents && { documents: await documentGuids(door, names.documents) }),
  };
}

/** --name NAME of the consensus coder, if given. */
export function consensusName(values: Values): { name?: string } {
  const name = str(values, 'name')?.trim();
  return name ? { name } : {};
}
