/**
 * Names and paths typed on the command line → the GUIDs the API takes. Each command resolves
 * once, through the contract's list methods (one call per kind and door, remembered), and a
 * name that matches nothing fails with one line, offering near misses (name-match.ts).
 */
import type { ApiResult } from '../../shared/api/contract.js';
import { fail } from '../../shared/errors.js';
import type { ProjectDoor } from '../api/door.js';
import { didYouMean, matchCode, matchCoder, matchDocument, type Match, type Named } from './name-match.js';

export type DocumentItem = ApiResult<'documents.list'>[number];
export type CodeItem = ApiResult<'codebook.list'>[number];
export type CoderItem = ApiResult<'coders.list'>[number];
export type CaseItem = ApiResult<'cases.list'>['cases'][number];

interface Lists {
  documents?: Promise<DocumentItem[]>;
  codes?: Promise<CodeItem[]>;
  coders?: Promise<CoderItem[]>;
  cases?: Promise<CaseItem[]>;
}

const cache = new WeakMap<ProjectDoor, Lists>();

function lists(door: ProjectDoor): Lists {
  let l = cache.get(door);
  if (!l) cache.set(door, (l = {}));
  return l;
}

/** Call after a command changed documents, codes or coders and resolves again on the same door. */
export function forgetNames(door: ProjectDoor): void {
  cache.delete(door);
}

export function documentList(door: ProjectDoor): Promise<DocumentItem[]> {
  const l = lists(door);
  return (l.documents ??= door.call('documents.list'));
}

export function codeList(door: ProjectDoor): Promise<CodeItem[]> {
  const l = lists(door);
  return (l.codes ??= door.call('codebook.list'));
}

export function coderList(door: ProjectDoor): Promise<CoderItem[]> {
  const l = lists(door);
  return (l.coders ??= door.call('coders.list'));
}

export function caseList(door: ProjectDoor): Promise<CaseItem[]> {
  const l = lists(door);
  return (l.cases ??= door.call('cases.list').then((r) => r.cases));
}

function suggest<T extends Named>(m: Match<T>): string {
  const s = 'suggestions' in m ? didYouMean(m.suggestions.map((x) => x.name)) : '';
  return s ? `; ${s}` : '';
}

export async function findDocument(door: ProjectDoor, name: string): Promise<DocumentItem> {
  const m = matchDocument(await documentList(door), name);
  if (m.found) return m.found;
  return fail('not_found', `document "${name}" is not in this project${suggest(m)}`);
}

export async function findCode(door: ProjectDoor, path: string): Promise<CodeItem> {
  const items = (await codeList(door)).map((c) => ({ ...c, name: c.path, leaf: c.name }));
  const m = matchCode(items, path);
  if (m.found) {
    const { leaf, ...code } = m.found;
    return { ...code, name: leaf };
  }
  if (m.ambiguous) return fail('not_found', `code "${path}" could be any of several codes${suggest(m)}`);
  return fail('not_found', `code "${path}" is not in the code book${suggest(m)}`);
}

export async function findCoder(door: ProjectDoor, name: string): Promise<CoderItem> {
  const m = matchCoder(await coderList(door), name);
  if (m.found) return m.found;
  const near = suggest(m);
  return fail('not_found', `coder "${name}" is not in this project${near || ` (add it with: marginalia coders add PROJECT "${name}")`}`);
}

/** Case names match as coder names do: any case, near misses offered. */
export async function findCase(door: ProjectDoor, name: string): Promise<CaseItem> {
  const m = matchCoder(await caseList(door), name);
  if (m.found) return m.found;
  return fail('not_found', `case "${name}" is not in this project${suggest(m)}`);
}

export const caseGuid = async (door: ProjectDoor, name: string): Promise<string> => (await findCase(door, name)).guid;
export const documentGuid = async (door: ProjectDoor, name: string): Promise<string> => (await findDocument(door, name)).guid;
export const codeGuid = async (door: ProjectDoor, path: string): Promise<string> => (await findCode(door, path)).guid;
export const coderGuid = async (door: ProjectDoor, name: string): Promise<string> => (await findCoder(door, name)).guid;

/** In order; the first name that matches nothing fails the whole list. */
async function each<T>(names: readonly string[], one: (n: string) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const n of names) out.push(await one(n));
  return out;
}

export const documentGuids = (door: ProjectDoor, names: readonly string[]) => each(names, (n) => documentGuid(door, n));
export const codeGuids = (door: ProjectDoor, paths: readonly string[]) => each(paths, (p) => codeGuid(door, p));
export const coderGuids = (door: ProjectDoor, names: readonly string[]) => each(names, (n) => coderGuid(door, n));
