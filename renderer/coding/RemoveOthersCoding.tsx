/**
 * Removing a coding another coder made is never one stray click: it asks first, naming whose
 * work it changes. (The coder's own codings go at once; every removal is undoable.)
 */
import type { CodingView } from '../../shared/api/types.js';
import { Confirm } from '../workspace/Confirm.js';

export interface RemoveOthersCodingProps {
  coding: CodingView;
  /** The active coder's name. */
  me: string;
  onRemove(): void;
  onCancel(): void;
}

export function RemoveOthersCoding({ coding, me, onRemove, onCancel }: RemoveOthersCodingProps) {
  return (
    <Confirm title={`Remove ${coding.coder}’s coding?`} confirm={`Remove ${coding.coder}’s coding`} onCancel={onCancel} onConfirm={onRemove}>
      <p>
        This “{coding.code}” coding was made by {coding.coder}
        {me ? `, not by you (${me})` : ''}. Removing it changes {coding.coder}’s work, and their agreement figures with it. Ctrl/Cmd+Z brings it back.
      </p>
    </Confirm>
  );
}
