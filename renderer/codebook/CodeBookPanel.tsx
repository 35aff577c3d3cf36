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
import { buildTree, filterCodes, freshName, isWithin, placeDrop, visibleRows, type Placement, type TreeNode } from './tree.js';
import { useCodeActions } from './useCodeActions.js';
import { ImportCodebookButton } from '../refi/ImportRefiCodebook.js';

export interface CodeBookPanelProps {
  codes: CodeWithCounts[];
  /** Whose codings the counts cover, as the caption says it ("your codings"). Default: all coders'. */
  counting?: string;
  /** The first nine codes the user pinned to keys 1–9, in key order. */
  pinned: CodeWithCounts[];
  /** Apply this code to the transcript's current selection (click, Enter, or a selection dropped on it). */
  onApply(code: CodeWithCounts): void;
  /** The code whose details/retrieval are shown, by GUID (it stays through renames and moves). */
  selected: string | null;
  onSelect(guid: string | null): void;
  /** False while nothing is selected in the transcript: a click then only selects the code. Default true. */
  canApply?: boolean;
}

type Open = { kind: 'delete' | 'merge'; node: TreeNode } | null;

export function CodeBookPanel({ codes, counting = "all coders' codings", pinned, onApply, selected, onSelect, canApply = true }: CodeBookPanelProps) {
  const actions = useCodeActions();
  const [filter, setFilter] = useState('');
  // Codes by GUID throughout: a rename or move changes paths, never these.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusGuid, setFocusGuid] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Open>(null);
  // The details open in a drawer over the lower part of the column only when asked for (Space,
  // Details…, a double click), so choosing a code for Retrieval never covers the tree.
  const [details, setDetails] = useState(selected !== null);
  const treeRef = useRef<HTMLUListElement>(null);
  /** A row to focus; with `parent` (a GUID, null: top level), only once the code is shown there (a move re-creates the row). */
  const wantFocus = useRef<{ guid: string; parent?: string | null } | null>(null);
  const treeId = useId();

  const tree = useMemo(() => buildTree(codes), [codes]);
  const keep = useMemo(() => filterCodes(codes, filter), [codes, filter]);
  const rows = useMemo(() => visibleRows(tree, collapsed, keep), [tree, collapsed, keep]);
  const current = (focusGuid && tree.byGuid.get(focusGuid)) || (selected && tree.byGuid.get(selected)) || null;
  const tabStop = rows.some((r) => r.code.guid === focusGuid) ? focusGuid : ((rows.find((r) => r.code.guid === selected) ?? rows[0])?.code.guid ?? null);

  const rowEl = (guid: string) => Array.from(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []).find((el) => el.dataset.guid === guid);
  const focus = useCallback((guid: string, parent?: string | null) => {
    setFocusGuid(guid);
    wantFocus.current = parent === undefined ? { guid } : { guid, parent };
  }, []);
  // Focus lands once the row exists (a new code arrives with the fresh codes; a moved one is re-created in its new place).
  useEffect(() => {
    const want = wantFocus.current;
    if (!want) return;
    if (want.parent !== undefined && (tree.byGuid.get(want.guid)?.parent?.code.guid ?? null) !== want.parent) return;
    const el = rowEl(want.guid);
    if (el && !renaming) {
      el.focus();
      wantFocus.current = null;
    }
  });

  const setOpen = (node: TreeNode, open: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (open) next.delete(node.code.guid);
      else next.add(node.code.guid);
      return next;
    });

  const create = async (parent: TreeNode | null) => {
    const name = freshName(tree, parent);
    if (parent) setOpen(parent, true);
    const guid = await actions.create(parent?.code ?? null, name);
    if (guid) {
      setFilter('');
      setFocusGuid(guid);
      setRenaming(guid);
      onSelect(guid);
    }
  };

  const renameDone = async (node: TreeNode, name: string | null) => {
    setRenaming(null);
    const clean = name?.trim() ?? '';
    if (clean && clean !== node.code.name) await actions.update(node.code, { name: clean });
    focus(node.code.guid);
  };

  const move = async (node: TreeNode, to: Placement) => {
    const parent = to.parent ? (tree.byGuid.get(to.parent)?.code ?? null) : null;
    if (to.parent) setCollapsed((c) => new Set([...c].filter((g) => g !== to.parent)));
    if (await actions.move(node.code, to, parent)) focus(node.code.guid, to.parent);
  };

  const select = (node: TreeNode) => onSelect(node.code.guid);
  const showDetails = (node: TreeNode) => {
    select(node);
    setDetails(true);
  };
  /** True when the selected code is `node` or inside it. */
  const selectedWithin = (node: TreeNode) => {
    const s = selected ? tree.byGuid.get(selected) : undefined;
    return !!s && isWithin(s, node);
  };

  const closeDelete = (node: TreeNode) => (deleted: boolean) => {
    setDialog(null);
    if (!deleted) return;
    if (selectedWithin(node)) onSelect(null);
    const i = rows.indexOf(node);
    const next = rows.slice(i + 1).find((r) => !isWithin(r, node)) ?? rows.slice(0, i).reverse()[0];
    if (next) focus(next.code.guid);
  };

  const focusTree = () => {
    const el = (tabStop && rowEl(tabStop)) || treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]');
    el?.focus();
  };

  const selectedCode = selected ? tree.byGuid.get(selected)?.code : undefined;
  const mergeTargets = dialog?.kind === 'merge' ? codes.filter((c) => !isWithin(tree.byGuid.get(c.guid)!, dialog.node)) : [];

  return (
    <div className="cb-panel">
      <div className="panel-head">
        <h2>Code book</h2>
      </div>
      <div className="cb-toolbar" role="toolbar" aria-label="Code book actions">
        <button type="button" onClick={() => void create(null)}>
          New code
        </button>
        <button type="button" disabled={!current} onClick={() => current && void create(current)} aria-keyshortcuts="Insert">
          New sub-code
        </button>
        <button type="button" disabled={!current} onClick={() => current && setRenaming(current.code.guid)} aria-keyshortcuts="F2">
          Rename
        </button>
        <button type="button" disabled={!current || codes.length < 2} onClick={() => current && setDialog({ kind: 'merge', node: current })}>
          Merge…
        </button>
        <button type="button" disabled={!current} onClick={() => current && setDialog({ kind: 'delete', node: current })} aria-keyshortcuts="Delete">
          Delete…
        </button>
        <button type="button" disabled={!current} onClick={() => current && showDetails(current)} aria-keyshortcuts="Space">
          Details…
        </button>
        <ImportCodebookButton />
      </div>
      <input
        type="search"
        className="cb-filter"
        aria-label="Filter codes"
        aria-controls={treeId}
        placeholder="Filter codes"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="meta cb-counting" data-testid="code-book-counting">
        Counts: {counting}
      </p>
      {rows.length === 0 ? (
        <p className="meta">{codes.length === 0 ? 'No codes yet: add one with “New code”.' : 'No code matches the filter.'}</p>
      ) : (
        <ul
          role="tree"
          id={treeId}
          aria-label="Code book"
          className="cb-tree"
          ref={treeRef}
          aria-describedby={`${treeId}-help`}
          onDoubleClick={(e) => {
            const guid = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.guid;
            const node = guid ? tree.byGuid.get(guid) : undefined;
            if (node) showDetails(node);
          }}
        >
          <CodeTree
            tree={tree}
            keep={keep}
            collapsed={collapsed}
            focusGuid={tabStop}
            selected={selected}
            pinned={pinned}
            renaming={renaming}
            counting={counting}
            onToggle={(n) => setOpen(n, collapsed.has(n.code.guid))}
            onFocusRow={(n) => setFocusGuid(n.code.guid)}
            onClickRow={(n) => {
              focus(n.code.guid);
              select(n);
              if (canApply) onApply(n.code);
            }}
            onKeyDown={(e, n) =>
              handleTreeKey(e, n, {
                tree,
                rows,
                isOpen: (x) => keep !== null || !collapsed.has(x.code.guid),
                setOpen,
                focus,
                apply: (x) => onApply(x.code),
                select: showDetails,
                rename: (x) => setRenaming(x.code.guid),
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
      {selectedCode && details && (
        <div
          className="cb-drawer"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setDetails(false);
            focus(selectedCode.guid);
          }}
        >
          <CodeSheet key={selectedCode.guid} code={selectedCode} counting={counting} actions={actions} onClose={() => setDetails(false)} />
        </div>
      )}
      {dialog?.kind === 'delete' && <DeleteDialog code={dialog.node.code} actions={actions} onClose={closeDelete(dialog.node)} fallbackFocus={focusTree} />}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          source={dialog.node.code}
          targets={mergeTargets}
          actions={actions}
          fallbackFocus={focusTree}
          onClose={(target) => {
            setDialog(null);
            if (!target) return;
            if (selectedWithin(dialog.node)) onSelect(target);
            focus(target);
          }}
        />
      )}
    </div>
  );
}
