/** STUB — being written: the code book tree with editing. */
import type { CodeWithCounts } from '../../shared/api/types.js';

export interface CodeBookPanelProps {
  codes: CodeWithCounts[];
  /** The first nine codes the user pinned to keys 1–9, in key order. */
  pinned: CodeWithCounts[];
  /** Apply this code to the transcript's current selection (click, Enter, or a selection dropped on it). */
  onApply(code: CodeWithCounts): void;
  /** The code whose details/retrieval are shown, by path. */
  selected: string | null;
  onSelect(path: string | null): void;
}

export function CodeBookPanel({ codes, onApply }: CodeBookPanelProps) {
  return (
    <ul role="tree" aria-label="Code book">
      {codes.map((c) => (
        <li role="treeitem" aria-selected={false} key={c.guid}>
          <button type="button" onClick={() => onApply(c)}>
            {c.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
