/**
 * The tree's keyboard, as the WAI-ARIA tree pattern has it (Up/Down, Right opens or enters,
 * Left closes or goes to the parent, Home/End), plus the code book's own actions so every
 * mouse action has a key: Enter applies, Space selects (opens its details), F2 renames, Delete deletes, Insert adds a sub-code,
 * Alt+Up/Down reorders, Alt+Left outdents, Alt+Right indents under the previous sibling.
 */
import type { KeyboardEvent } from 'react';
import { placeByKey, type CodeTree, type KeyMove, type Placement, type TreeNode } from './tree.js';

export interface TreeKeyActions {
  tree: CodeTree;
  rows: TreeNode[];
  isOpen(node: TreeNode): boolean;
  setOpen(node: TreeNode, open: boolean): void;
  focus(guid: string): void;
  apply(node: TreeNode): void;
  select(node: TreeNode): void;
  rename(node: TreeNode): void;
  askDelete(node: TreeNode): void;
  addChild(node: TreeNode): void;
  move(node: TreeNode, to: Placement): void;
}

const ALT_MOVES: Record<string, KeyMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'outdent', ArrowRight: 'indent' };

export function handleTreeKey(e: KeyboardEvent, node: TreeNode, a: TreeKeyActions): void {
  const i = a.rows.indexOf(node);
  const go = (n: TreeNode | undefined) => n && a.focus(n.code.guid);
  const hasKids = node.children.length > 0;

  if (e.altKey && ALT_MOVES[e.key]) {
    e.preventDefault();
    const to = placeByKey(a.tree, node, ALT_MOVES[e.key]!);
    if (to) a.move(node, to);
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;

  switch (e.key) {
    case 'ArrowDown':
      go(a.rows[i + 1]);
      break;
    case 'ArrowUp':
      go(a.rows[i - 1]);
      break;
    case 'Home':
      go(a.rows[0]);
      break;
    case 'End':
      go(a.rows[a.rows.length - 1]);
      break;
    case 'ArrowRight':
      if (!hasKids) return;
      if (a.isOpen(node)) go(a.rows[i + 1]);
      else a.setOpen(node, true);
      break;
    case 'ArrowLeft':
      if (hasKids && a.isOpen(node)) a.setOpen(node, false);
      else if (node.parent) go(node.parent);
      else return;
      break;
    case 'Enter':
      a.apply(node);
      break;
    case ' ':
      a.select(node);
      break;
    case 'F2':
      a.rename(node);
      break;
    case 'Delete':
    case 'Backspace':
      a.askDelete(node);
      break;
    case 'Insert':
      a.addChild(node);
      break;
    default:
      return;
  }
  e.preventDefault();
}
