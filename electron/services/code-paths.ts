/**
 * Creating a code together with the parents it lacks (`codes add … --parents`), as one action:
 * one transaction, one undo step, so a typo in a parent name is undone with the code.
 */
import { runAction } from '../../db/action.js';
import { childByName } from '../../db/queries/codes.js';
import { fail } from '../../shared/errors.js';
import type { CodeRecord } from '../../shared/types.js';
import { insertNewCode, type CodeFields } from './codebook.js';
import { codeIndexOf } from './code-index.js';
import { requireCodeByGuid } from './lookup.js';
import type { Session } from './session.js';

/**
 * `names` as a chain under `parentGuid` (null: the top level): each name but the last is reused
 * when a code of that name is there already and made otherwise; the last must be new and takes
 * `fields`. Returns the new code and the paths of every code made, parents first.
 */
export function createCodePath(session: Session, parentGuid: string | null, names: string[], fields: CodeFields = {}): { code: CodeRecord; created: string[] } {
  if (names.length === 0) fail('invalid_input', 'no code name given');
  return runAction(session.project, session.actor, (action) => {
    let parentId = parentGuid === null ? null : requireCodeByGuid(action.db, parentGuid).id;
    const madeIds: number[] = [];
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      const existing = last ? undefined : childByName(action.db, parentId, name.trim());
      const id = existing ? existing.id : insertNewCode(action, parentId, name, last ? fields : {}).id;
      if (!existing) madeIds.push(id);
      parentId = id;
    });
    const index = codeIndexOf(action.db);
    return { code: index.byId.get(parentId!)!, created: madeIds.map((id) => index.byId.get(id)!.path) };
  });
}
