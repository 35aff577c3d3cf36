/** Short names for what a batch did, shown as "Undo …" / "Redo …" in the UI. */
import { codeById } from '../../../db/queries/codes.js';
import { documentByGuid } from '../../../db/queries/documents.js';
import type { Db } from '../../../db/open.js';
import type { LoggedEvent } from './context.js';

const documentByGuidName = (db: Db, guid: string | null) => (guid ? documentByGuid(db, guid)?.name : undefined);

const quoted = (s: unknown) => (typeof s === 'string' && s ? ` "${s}"` : '');

function codeName(db: Db, id: unknown): string {
  return typeof id === 'number' ? quoted(codeById(db, id)?.name) : '';
}

/** Named after the batch's last event: services log the main change last (after memos, merges, cases). */
export function batchLabel(db: Db, events: LoggedEvent[]): string {
  // An undo or redo is named after the change it undid or redid.
  const marker = events.find((e) => e.action === 'history.undo' || e.action === 'history.redo');
  if (typeof marker?.after?.label === 'string') return marker.after.label;
  const merge = events.find((e) => e.action === 'merge.project');
  if (merge) return `merge${quoted(merge.after?.from)}`;
  const start = events.find((e) => e.action === 'consensus.start');
  if (start) return `start the consensus${quoted(start.after?.consensus)}`;
  const finish = events.find((e) => e.action === 'consensus.finish');
  if (finish) return `finish the consensus${quoted(finish.after?.consensus)}`;
  // A decision's batch ends with the consensus codings it rebuilt: name it after the decision.
  const decision = events.find((e) => e.action === 'consensus.decide' || e.action === 'consensus.redecide' || e.action === 'consensus.undecide');
  if (decision) return `decide a disagreement (${String((decision.after ?? decision.before ?? {}).decision ?? '')})`;
  const main = [...events].reverse().find((e) => !e.action.startsWith('history.'));
  if (!main) return 'change';
  const b = main.before ?? {};
  const a = main.after ?? {};
  const count = (action: string) => events.filter((e) => e.action === action).length;
  switch (main.action) {
    case 'coding.apply':
    case 'coding.merge':
      return `apply code${codeName(db, a.codeId)}`;
    case 'coding.update':
      return b.codeId !== a.codeId ? `recode to${codeName(db, a.codeId)}` : 'resize coding';
    case 'coding.remove':
    case 'coding.merge-away':
      return count('coding.remove') > 1 ? `remove ${count('coding.remove')} codings` : 'remove coding';
    case 'memo.create':
    case 'memo.update':
    case 'memo.delete':
      return 'edit memo';
    case 'code.create':
      return `create code${quoted(a.name)}`;
    case 'code.update':
      return a.name !== b.name ? `rename code${quoted(b.name)} to "${a.name}"` : `edit code${quoted(a.name)}`;
    case 'code.move':
      return 'move code';
    case 'code.delete':
      return `delete code${quoted((b.codes as { name: string }[] | undefined)?.at(-1)?.name)}`;
    case 'code.restore':
      return `restore code${quoted((a.codes as { name: string }[] | undefined)?.at(-1)?.name)}`;
    case 'code.merge':
      return `merge code${quoted(b.name)}`;
    case 'coder.create':
      return `add coder${quoted(a.name)}`;
    case 'coder.delete':
      return `remove coder${quoted(b.name)}`;
    case 'document.import': {
      const n = count('document.import');
      return n > 1 ? `import ${n} documents` : `import${quoted(a.name)}`;
    }
    case 'document.rename':
      return `rename${quoted(b.name)} to "${a.name}"`;
    case 'document.delete':
      return `delete${quoted(b.name)}`;
    case 'document.restore':
      return `restore${quoted(a.name)}`;
    case 'document.editText':
      return `correct the text of${quoted(documentByGuidName(db, main.entityGuid))}`;
    case 'document.case':
      return 'set the case of a document';
    case 'case.create':
      return `create case${quoted(a.name)}`;
    case 'case.delete':
      return `remove case${quoted(b.name)}`;
    default:
      return main.action;
  }
}
