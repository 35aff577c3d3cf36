/**
 * The code book as a tree the panel can walk: nesting from parentId, the rows a person can see
 * (collapsed branches hidden, a filter keeping matches with their ancestors), and where a move
 * lands (parent + position among the new siblings, as codebook.move counts them: without itself).
 * Codes are known by GUID (it stays through renames and moves); paths are only shown.
 */
import Fuse from 'fuse.js';
import type { CodeWithCounts } from '../../shared/api/types.js';

export interface TreeNode {
  code: CodeWithCounts;
  parent: TreeNode | null;
  children: TreeNode[];
  /** 1-based, as aria-level counts. */
  level: number;
}

export interface CodeTree {
  roots: TreeNode[];
  byGuid: Map<string, TreeNode>;
}

/** Builds the nesting; codes arrive in tree order (parents first, siblings by position). */
export function buildTree(codes: readonly CodeWithCounts[]): CodeTree {
  const byId = new Map<number, TreeNode>();
  const byGuid = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const sorted = [...codes].sort((a, b) => depth(a.path) - depth(b.path) || a.position - b.position);
  for (const code of sorted) {
    const parent = code.parentId === null ? null : (byId.get(code.parentId) ?? null);
    const node: TreeNode = { code, parent, children: [], level: parent ? parent.level + 1 : 1 };
    (parent ? parent.children : roots).push(node);
    byId.set(code.id, node);
    byGuid.set(code.guid, node);
  }
  const order = (list: TreeNode[]) => {
    list.sort((a, b) => a.code.position - b.code.position || a.code.id - b.code.id);
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return { roots, byGuid };
}

const depth = (path: string) => path.split('/').length;

/**
 * GUIDs of the codes to show for a filter: every fuzzy match (name, path, definition) and its
 * ancestors. null when the filter is empty (show everything).
 */
export function filterCodes(codes: readonly CodeWithCounts[], query: string): Set<string> | null {
  const q = query.trim();
  if (!q) return null;
  const fuse = new Fuse(codes as CodeWithCounts[], {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'path', weight: 2 },
      { name: 'definition', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
  });
  const byId = new Map(codes.map((c) => [c.id, c]));
  const keep = new Set<string>();
  for (const { item } of fuse.search(q)) {
    for (let c: CodeWithCounts | undefined = item; c && !keep.has(c.guid); c = c.parentId === null ? undefined : byId.get(c.parentId)) keep.add(c.guid);
  }
  return keep;
}

/** The rows in screen order: collapsed branches hidden; under a filter, kept rows all open. */
export function visibleRows(tree: CodeTree, collapsed: ReadonlySet<string>, keep: ReadonlySet<string> | null): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: TreeNode[]) => {
    for (const n of list) {
      if (keep && !keep.has(n.code.guid)) continue;
      out.push(n);
      if (keep || !collapsed.has(n.code.guid)) walk(n.children);
    }
  };
  walk(tree.roots);
  return out;
}

export function siblingsOf(tree: CodeTree, node: TreeNode): TreeNode[] {
  return node.parent ? node.parent.children : tree.roots;
}

/** True when `maybeInside` is `node` or one of its descendants (a code cannot move there). */
export function isWithin(maybeInside: TreeNode, node: TreeNode): boolean {
  for (let n: TreeNode | null = maybeInside; n; n = n.parent) if (n === node) return true;
  return false;
}

export interface Placement {
  /** The new parent's GUID (null: top level). */
  parent: string | null;
  /** Index among the new siblings without the moved code; undefined = last. */
  position?: number;
}

export type DropZone = 'before' | 'inside' | 'after';

/** Where dropping `moved` on `target` in `zone` puts it; null when that is no move at all. */
export function placeDrop(tree: CodeTree, moved: TreeNode, target: TreeNode, zone: DropZone): Placement | null {
  if (isWithin(target, moved)) return null;
  if (zone === 'inside') return { parent: target.code.guid };
  const others = siblingsOf(tree, target).filter((n) => n !== moved);
  const at = others.indexOf(target) + (zone === 'after' ? 1 : 0);
  const parent = target.parent?.code.guid ?? null;
  const sameParent = moved.parent === target.parent;
  if (sameParent && siblingsOf(tree, moved).indexOf(moved) === at) return null;
  return { parent, position: at };
}

export type KeyMove = 'up' | 'down' | 'outdent' | 'indent';

/** The keyboard alternatives to dragging: Alt+Up/Down reorder, Alt+Left outdent, Alt+Right indent. */
export function placeByKey(tree: CodeTree, node: TreeNode, move: KeyMove): Placement | null {
  const sibs = siblingsOf(tree, node);
  const i = sibs.indexOf(node);
  const parent = node.parent?.code.guid ?? null;
  switch (move) {
    case 'up':
      return i > 0 ? { parent, position: i - 1 } : null;
    case 'down':
      return i < sibs.length - 1 ? { parent, position: i + 1 } : null;
    case 'outdent': {
      if (!node.parent) return null;
      const grand = node.parent.parent;
      const uncles = grand ? grand.children : tree.roots;
      return { parent: grand?.code.guid ?? null, position: uncles.indexOf(node.parent) + 1 };
    }
    case 'indent':
      return i > 0 ? { parent: sibs[i - 1]!.code.guid } : null;
  }
}

/** "New code", or "New code 2", … : a name not yet used under this parent. */
export function freshName(tree: CodeTree, parent: TreeNode | null, base = 'New code'): string {
  const taken = new Set((parent ? parent.children : tree.roots).map((n) => n.code.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}
