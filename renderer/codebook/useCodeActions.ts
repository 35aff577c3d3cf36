/**
 * Every code book change the panel makes, each one API call through `run` (errors go to the
 * banner) followed by `changed()` so the rest of the workspace re-reads. Each resolves true
 * when the change was made.
 */
import { useMemo } from 'react';
import type { CodeImpact } from '../../shared/api/types.js';
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

export interface CodeActions {
  create(parent: string | null, name: string): Promise<boolean>;
  update(code: string, patch: CodeFieldsPatch): Promise<boolean>;
  move(code: string, to: Placement): Promise<boolean>;
  merge(source: string, target: string): Promise<boolean>;
  impact(code: string): Promise<CodeImpact | undefined>;
  remove(code: string): Promise<boolean>;
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
      create: (parent, name) => run(api['codebook.create']({ parent, name })).then(done(`Created code “${name}”`)),
      update: (code, patch) => run(api['codebook.update']({ code, ...patch })).then(done(patch.name ? `Renamed to “${patch.name}”` : 'Code saved')),
      move: (code, to) =>
        run(api['codebook.move']({ code, parent: to.parent, ...(to.position === undefined ? {} : { position: to.position }) })).then(
          done(`Moved “${code}” ${to.parent ? `under “${to.parent}”` : 'to the top level'}`),
        ),
      merge: (source, target) => run(api['codebook.merge']({ source, target })).then(done(`Merged “${source}” into “${target}”`)),
      impact: (code) => run(api['codebook.deletionImpact']({ code })),
      remove: (code) => run(api['codebook.delete']({ code })).then(done(`Deleted “${code}”`)),
    };
  }, [api, run, changed, notify]);
}
