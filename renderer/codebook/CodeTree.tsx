/**
 * The code book tree as ARIA treeitems nested in groups, one tab stop (roving tabindex), with
 * HTML5 drag and drop: a code dropped in a row's upper or lower edge goes before or after it,
 * in the middle becomes its sub-code; a transcript selection dropped on a row applies the code.
 */
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CodeWithCounts } from '../../shared/api/types.js';
import type { CodeTree as Tree, DropZone, TreeNode } from './tree.js';
import { isWithin } from './tree.js';

/** Set by the transcript on dragstart of a selection. */
export const SELECTION_TYPE = 'application/x-marginalia-selection';
const CODE_TYPE = 'application/x-marginalia-code';

export interface CodeTreeProps {
  tree: Tree;
  keep: ReadonlySet<string> | null;
  collapsed: ReadonlySet<string>;
  /** GUIDs: the row holding the tab stop, the selected code, the code being renamed. */
  focusGuid: string | null;
  selected: string | null;
  pinned: readonly CodeWithCounts[];
  renaming: string | null;
  /** Whose codings the counts cover ("your codings"), for the counts' tooltip. */
  counting: string;
  onToggle(node: TreeNode): void;
  onFocusRow(node: TreeNode): void;
  onClickRow(node: TreeNode): void;
  onKeyDown(e: KeyboardEvent, node: TreeNode): void;
  onRenameDone(node: TreeNode, name: string | null): void;
  onDropCode(moved: TreeNode, target: TreeNode, zone: DropZone): void;
  onDropSelection(node: TreeNode): void;
}

function zoneAt(e: DragEvent<HTMLElement>): DropZone {
  const r = e.currentTarget.getBoundingClientRect();
  const y = e.clientY - r.top;
  if (r.height > 0 && y < r.height * 0.25) return 'before';
  if (r.height > 0 && y > r.height * 0.75) return 'after';
  return 'inside';
}

export function CodeTree(props: CodeTreeProps) {
  const { tree, keep, collapsed, focusGuid, selected, pinned, renaming } = props;
  const dragged = useRef<TreeNode | null>(null);
  const [hint, setHint] = useState<{ guid: string; zone: DropZone | 'apply' } | null>(null);
  const tabStop = focusGuid ?? selected ?? tree.roots[0]?.code.guid ?? null;

  const over = (e: DragEvent<HTMLElement>, node: TreeNode) => {
    const types = [...e.dataTransfer.types];
    if (types.includes(SELECTION_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setHint({ guid: node.code.guid, zone: 'apply' });
    } else if (types.includes(CODE_TYPE) && dragged.current && !isWithin(node, dragged.current)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setHint({ guid: node.code.guid, zone: zoneAt(e) });
    }
  };

  const drop = (e: DragEvent<HTMLElement>, node: TreeNode) => {
    const types = [...e.dataTransfer.types];
    setHint(null);
    if (types.includes(SELECTION_TYPE)) {
      // A transcript selection: apply the code; never a re-parent.
      e.preventDefault();
      props.onDropSelection(node);
      return;
    }
    const moved = dragged.current ?? tree.byGuid.get(e.dataTransfer.getData(CODE_TYPE)) ?? null;
    dragged.current = null;
    if (!moved || isWithin(node, moved)) return;
    e.preventDefault();
    props.onDropCode(moved, node, zoneAt(e));
  };

  const renderNode = (node: TreeNode) => {
    const { code } = node;
    if (keep && !keep.has(code.guid)) return null;
    const kids = keep ? node.children.filter((c) => keep.has(c.code.guid)) : node.children;
    const open = kids.length > 0 && (keep !== null || !collapsed.has(code.guid));
    const pin = pinned.findIndex((p) => p.guid === code.guid);
    const ids = `cb-${code.guid}`;
    const rowHint = hint?.guid === code.guid ? hint.zone : undefined;
    return (
      // The row is the treeitem and owns its group (aria-owns); named by its label alone, not the sub-codes.
      <li key={code.guid} role="none" className="cb-item">
        <div
          role="treeitem"
          aria-level={node.level}
          aria-expanded={kids.length > 0 ? open : undefined}
          aria-selected={selected === code.guid}
          aria-owns={open ? `${ids}-group` : undefined}
          aria-labelledby={`${ids}-name`}
          aria-describedby={`${ids}-desc`}
          tabIndex={tabStop === code.guid ? 0 : -1}
          data-guid={code.guid}
          data-path={code.path}
          className="cb-row"
          data-drop={rowHint}
          draggable={renaming !== code.guid}
          style={{ paddingInlineStart: `${(node.level - 1) * 1}rem` }}
          onFocus={(e) => e.target === e.currentTarget && props.onFocusRow(node)}
          onKeyDown={(e) => e.target === e.currentTarget && props.onKeyDown(e, node)}
          onClick={(e) => {
            e.stopPropagation();
            props.onClickRow(node);
          }}
          onDragStart={(e) => {
            dragged.current = node;
            e.dataTransfer.setData(CODE_TYPE, code.guid);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragEnd={() => {
            dragged.current = null;
            setHint(null);
          }}
          onDragOver={(e) => over(e, node)}
          onDragLeave={() => setHint((h) => (h?.guid === code.guid ? null : h))}
          onDrop={(e) => drop(e, node)}
        >
          <span
            className="cb-toggle"
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              if (kids.length) props.onToggle(node);
            }}
          >
            {kids.length ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
          {renaming === code.guid ? (
            <RenameInput node={node} onDone={props.onRenameDone} />
          ) : (
            <span id={`${ids}-name`} className="cb-name" title={code.definition || undefined}>
              {code.name}
            </span>
          )}
          {/* Drawn by CSS from data-*, so the row's text stays its name (the description says them aloud). */}
          {pin >= 0 && <kbd aria-hidden="true" data-key={pin + 1} />}
          <span
            className="cb-counts"
            aria-hidden="true"
            data-counts={`${code.own}/${code.total}`}
            title={`Counting ${props.counting}: ${code.own} on this code, ${code.total} with its sub-codes`}
          />
          {/* hidden, yet read through aria-describedby; kept out of the row's own text */}
          <span id={`${ids}-desc`} hidden>
            {pin >= 0 ? `key ${pin + 1}; ` : ''}
            {code.own} codings, {code.total} with sub-codes
          </span>
        </div>
        {open && (
          <ul role="group" id={`${ids}-group`} className="cb-group">
            {kids.map(renderNode)}
          </ul>
        )}
      </li>
    );
  };

  return <>{tree.roots.map(renderNode)}</>;
}

function RenameInput({ node, onDone }: { node: TreeNode; onDone(node: TreeNode, name: string | null): void }) {
  const finished = useRef(false);
  const finish = (name: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(node, name);
  };
  return (
    <input
      id={`cb-${node.code.guid}-name`}
      className="cb-rename"
      aria-label={`New name for ${node.code.path}`}
      defaultValue={node.code.name}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
