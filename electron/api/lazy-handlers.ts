/**
 * A feature's handlers, loaded on the first call of any of its methods. The CLI starts a fresh
 * process per command, so a command pays only for the services it uses (not, say, the DOCX
 * writer's library when it lists codes). The bundle keeps every module; import() here only
 * delays running a module's top level until it is needed.
 */
import type { ApiMethod } from '../../shared/api/contract.js';
import type { Session } from '../services/session.js';
import type { Handler } from './handler-types.js';

type Group<K extends ApiMethod> = { [M in K]: Handler<M> };

export function lazyGroup<K extends ApiMethod>(session: Session, methods: readonly K[], load: () => Promise<(session: Session) => Group<K>>): Group<K> {
  let group: Promise<Group<K>> | undefined;
  const out: Partial<Record<K, (args: never) => Promise<unknown>>> = {};
  for (const m of methods) {
    out[m] = async (args) => {
      group ??= load().then((make) => make(session));
      return (await group)[m](args);
    };
  }
  return out as unknown as Group<K>;
}

/** The keys of a feature's method list, typed. */
export const methodsOf = <T extends Partial<Record<ApiMethod, unknown>>>(list: T) => Object.keys(list) as (keyof T & ApiMethod)[];
