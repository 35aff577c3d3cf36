/**
 * Every code book change the panel makes, each one API call through `run` (errors go to the
 * banner) followed by `changed()` so the rest of the workspace re-reads. Each resolves true
 * when the change was made. Codes go to the API by GUID; messages name them by path.
 */
import { useMemo } from 'react';
import type { CodeImpact } from '../../shared/api/types.js';
import type { CodeRecord } from '../../shared/types.js';
import { useWorkspace } from '../workspace/context.js';
import type { Placement } from './tree.js';

export interface CodeFieldsPatch {
  name?: string;
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

/** A code as the actions need it: its GUID for the call, its path for the message. */
export type CodeRef = Pick<CodeRecord, 'guid' | 'path'>;

export interface CodeActions {
  /** Resolves the new code's GUID, or null when it was not created. */
  create(parent: CodeRef | null, name: string): Promise<string | null>;
  update(code: CodeRef, patch: CodeFieldsPatch): Promise<boolean>;
  /** `parent`: the code named by `to.parent` (for the message), null at the top level. */
  move(code: CodeRef, to: Placement, parent: CodeRef | null): Promise<boolean>;
  merge(source: CodeRef, target: CodeRef): Promise<boolean>;
  impact(code: CodeRef): Promise<CodeImpact | undefined>;
  remove(code: CodeRef): Promise<boolean>;
}

export function useCodeActions(): CodeActions {
  const { api, run, changed, notify } = useWorkspace();
  return useMemo(() => {
    const done = (message: string) => (r: unknown) => {
      if (r === undefined) return false;
      changed();
      notify(message);
      return true;
    };
    return {
      create: async (parent, name) => {
        const made = await run(api['codebook.create']({ parent: parent?.guid ?? null, name }));
        return done(`Created code “${name}”`)(made) ? (made?.guid ?? null) : null;
      },
      update: (code, patch) => run(api['codebook.update']({ code: code.guid, ...patch })).then(done(patch.name ? `Renamed to “${patch.name}”` : 'Code saved')),
      move: (code, to, parent) =>
        run(api['codebook.move']({ code: code.guid, parent: to.parent, ...(to.position === undefined ? {} : { position: to.position }) })).then(
          done(`Moved “${code.path}” ${parent ? `under “${parent.path}”` : 'to the top level'}`),
        ),
      merge: (source, target) =>
        run(api['codebook.merge']({ source: source.guid, target: target.guid })).then(done(`Merged “${source.path}” into “${target.path}”`)),
      impact: (code) => run(api['codebook.deletionImpact']({ code: code.guid })),
      remove: (code) => run(api['codebook.delete']({ code: code.guid })).then(done(`Deleted “${code.path}”`)),
    };
  }, [api, run, changed, notify]);
}
