/**
 * The code book panel: a filter box, a toolbar, the tree (keyboard, drag and drop), the
 * delete and merge confirmations, and the selected code's details sheet. Every change goes
 * through the API (useCodeActions); the fresh `codes` arrive from the App after changed().
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CodeWithCounts } from '../../shared/api/types.js';
import './codebook.css';
import { DeleteDialog, MergeDialog } from './CodeDialogs.js';
import { CodeSheet } from './CodeSheet.js';
import { CodeTree } from './CodeTree.js';
import { handleTreeKey } from './treeKeys.js';
import { buildTree, filterPaths, freshName, isWithin, pathAfter, placeDrop, visibleRows, type Placement, type TreeNode } from './tree.js';
import { useCodeActions } from './useCodeActions.js';

export interface CodeBookPanelProps {
  codes: CodeWithCounts[];
  /** The first nine codes the user pinned to keys 1–9, in key order. */
  pinned: CodeWithCounts[];
  /** Apply this code to the transcript's current selection (click, Enter, or a selection dropped on it). */
  onApply(code: CodeWithCounts): void;
  /** The code whose details/retrieval are shown, by path. */
  selected: string | null;
  onSelect(path: string | null): void;
  /** False while nothing is selected in the transcript: a click then only selects the code. Default true. */
  canApply?: boolean;
}

type Open = { kind: 'delete' | 'merge'; node: TreeNode } | null;

/** A path under `from` re-rooted at `to` (a rename or move carries its sub-codes along). */
const rebase = (path: string, from: string, to: string) => (path === from ? to : path.startsWith(`${from}/`) ? to + path.slice(from.length) : path);

export function CodeBookPanel({ codes, pinned, onApply, selected, onSelect, canApply = true }: CodeBookPanelProps) {
  const actions = useCodeActions();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Open>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const wantFocus = useRef<string | null>(null);
  const treeId = useId();

  const tree = useMemo(() => buildTree(codes), [codes]);
  const keep = useMemo(() => filterPaths(codes, filter), [codes, filter]);
  const rows = useMemo(() => visibleRows(tree, collapsed, keep), [tree, collapsed, keep]);
  const current = (focusPath && tree.byPath.get(focusPath)) || (selected && tree.byPath.get(selected)) || null;
  const tabStop = rows.some((r) => r.code.path === focusPath) ? focusPath : (rows.find((r) => r.code.path === selected) ?? rows[0])?.code.path ?? null;

  const rowEl = (path: string) => Array.from(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []).find((el) => el.dataset.path === path);
  const focus = useCallback((path: string) => {
    setFocusPath(path);
    wantFocus.current = path;
  }, []);
  // Focus lands once the row exists (after a move or rename it arrives with the fresh codes).
  useEffect(() => {
    const path = wantFocus.current;
    const el = path ? rowEl(path) : undefined;
    if (el && !renaming) {
      el.focus();
      wantFocus.current = null;
    }
  });

  const setOpen = (node: TreeNode, open: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(node.code.path);
      else next.add(node.code.path);
      return next;
    });

  /** After a rename or move, selection, focus and collapsed branches follow the new path. */
  const follow = (from: string, to: string, moveFocus = true) => {
    if (selected) {
      const s = rebase(selected, from, to);
      if (s !== selected) onSelect(s);
    }
    setCollapsed((c) => new Set([...c].map((p) => rebase(p, from, to))));
    if (moveFocus) focus(to);
    else setFocusPath((f) => (f ? rebase(f, from, to) : f));
  };

  const create = async (parent: TreeNode | null) => {
    const name = freshName(tree, parent);
    if (parent) setOpen(parent, true);
    const path = pathAfter(parent?.code.path ?? null, name);
    if (await actions.create(parent?.code.path ?? null, name)) {
      setFilter('');
      setFocusPath(path);
      setRenaming(path);
      onSelect(path);
    }
  };

  const renameDone = async (node: TreeNode, name: string | null) => {
    setRenaming(null);
    const clean = name?.trim() ?? '';
    if (!clean || clean === node.code.name) return focus(node.code.path);
    const ok = await actions.update(node.code.path, { name: clean });
    if (ok) follow(node.code.path, pathAfter(node.parent?.code.path ?? null, clean));
    else focus(node.code.path);
  };

  const move = async (node: TreeNode, to: Placement) => {
    if (to.parent) setCollapsed((c) => new Set([...c].filter((p) => p !== to.parent)));
    if (await actions.move(node.code.path, to)) follow(node.code.path, pathAfter(to.parent, node.code.name));
  };

  const select = (node: TreeNode) => onSelect(node.code.path);

  const closeDelete = (node: TreeNode) => (deleted: boolean) => {
    setDialog(null);
    if (!deleted) return;
    if (selected && rebase(selected, node.code.path, '') !== selected) onSelect(null);
    const i = rows.indexOf(node);
    const next = rows.slice(i + 1).find((r) => !isWithin(r, node)) ?? rows.slice(0, i).reverse()[0];
    if (next) focus(next.code.path);
  };

  const focusTree = () => {
    const el = (tabStop && rowEl(tabStop)) || treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]');
    el?.focus();
  };

  const selectedCode = selected ? tree.byPath.get(selected)?.code : undefined;
  const mergeTargets = dialog?.kind === 'merge' ? codes.filter((c) => !isWithin(tree.byPath.get(c.path)!, dialog.node)) : [];

  return (
    <div className="cb-panel">
      <div className="cb-toolbar" role="toolbar" aria-label="Code book actions">
        <button type="button" onClick={() => void create(null)}>
          New code
        </button>
        <button type="button" disabled={!current} onClick={() => current && void create(current)} aria-keyshortcuts="Insert">
          New sub-code
        </button>
        <button type="button" disabled={!current} onClick={() => current && setRenaming(current.code.path)} aria-keyshortcuts="F2">
          Rename
        </button>
        <button type="button" disabled={!current || codes.length < 2} onClick={() => current && setDialog({ kind: 'merge', node: current })}>
          Merge…
        </button>
        <button type="button" disabled={!current} onClick={() => current && setDialog({ kind: 'delete', node: current })} aria-keyshortcuts="Delete">
          Delete…
        </button>
      </div>
      <input type="search" className="cb-filter" aria-label="Filter codes" aria-controls={treeId} placeholder="Filter codes" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {rows.length === 0 ? (
        <p className="meta">{codes.length === 0 ? 'No codes yet: add one with “New code”.' : 'No code matches the filter.'}</p>
      ) : (
        <ul role="tree" id={treeId} aria-label="Code book" className="cb-tree" ref={treeRef} aria-describedby={`${treeId}-help`}>
          <CodeTree
            tree={tree}
            keep={keep}
            collapsed={collapsed}
            focusPath={tabStop}
            selected={selected}
            pinned={pinned}
            renaming={renaming}
            onToggle={(n) => setOpen(n, collapsed.has(n.code.path))}
            onFocusRow={(n) => setFocusPath(n.code.path)}
            onClickRow={(n) => {
              focus(n.code.path);
              select(n);
              if (canApply) onApply(n.code);
            }}
            onKeyDown={(e, n) =>
              handleTreeKey(e, n, {
                tree,
                rows,
                isOpen: (x) => keep !== null || !collapsed.has(x.code.path),
                setOpen,
                focus,
                apply: (x) => onApply(x.code),
                select,
                rename: (x) => setRenaming(x.code.path),
                askDelete: (x) => setDialog({ kind: 'delete', node: x }),
                addChild: (x) => void create(x),
                move: (x, to) => void move(x, to),
              })
            }
            onRenameDone={(n, name) => void renameDone(n, name)}
            onDropCode={(moved, target, zone) => {
              const to = placeDrop(tree, moved, target, zone);
              if (to) void move(moved, to);
            }}
            onDropSelection={(n) => onApply(n.code)}
          />
        </ul>
      )}
      <p id={`${treeId}-help`} className="sr-only">
        Enter applies the code to the selected text, Space shows its details, F2 renames, Delete deletes, Insert adds a sub-code, Alt+arrows move it.
      </p>
      {selectedCode && <CodeSheet key={selectedCode.guid} code={selectedCode} actions={actions} onRenamed={(p) => follow(selectedCode.path, p, false)} onClose={() => onSelect(null)} />}
      {dialog?.kind === 'delete' && <DeleteDialog code={dialog.node.code.path} actions={actions} onClose={closeDelete(dialog.node)} fallbackFocus={focusTree} />}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          source={dialog.node.code}
          targets={mergeTargets}
          actions={actions}
          fallbackFocus={focusTree}
          onClose={(target) => {
            setDialog(null);
            if (!target) return;
            if (selected && rebase(selected, dialog.node.code.path, '') !== selected) onSelect(target);
            focus(target);
          }}
        />
      )}
    </div>
  );
}
