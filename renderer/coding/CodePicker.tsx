/**
 * The code picker: opens on C (or Ctrl/Cmd+K) over the selected text; typing filters the code
 * book fuzzily (fuse.js over names, paths and definitions — the list is short, so it runs in the
 * page); Up/Down choose, Enter applies the active row. Typing owns the active row: after each
 * keystroke the top row is active, and the pointer moves it only when the mouse really moves (a
 * pointer resting where the picker opened once made "rapport" + Enter apply the row under it).
 * A weak fuzzy match is never the default: unless a code matches strongly, the first row is
 * "Create code '…'", so Enter creates rather than applying a near miss ("loneliness" → Bonding).
 */
import Fuse from 'fuse.js';
import { useMemo, useRef, useState } from 'react';
import type { CodeWithCounts } from '../../shared/api/types.js';
import { Dialog } from '../workspace/Dialog.js';

export interface CodePickerProps {
  codes: readonly CodeWithCounts[];
  /** The words being coded, shown so the coder knows what the code goes on. */
  quote: string;
  onPick(code: CodeWithCounts): void;
  onCreate(name: string): void;
  onClose(): void;
}

/** Fuse scores run from 0 (exact) to 1; below this a match is strong enough to be the default. */
export const STRONG_MATCH = 0.5;

export type PickerRow = { kind: 'code'; code: CodeWithCounts } | { kind: 'create'; name: string };

export function pickerFuse(codes: readonly CodeWithCounts[]): Fuse<CodeWithCounts> {
  return new Fuse(codes, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'path', weight: 2 },
      { name: 'definition', weight: 1 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
    includeScore: true,
  });
}

/**
 * The rows for a query: every code when it is empty; else the matches, after a "Create code" row
 * when none is strong, or before it (last) when no code has exactly that name.
 */
export function pickerRows(codes: readonly CodeWithCounts[], query: string, fuse: Fuse<CodeWithCounts>): PickerRow[] {
  const q = query.trim();
  if (!q) return codes.map((code) => ({ kind: 'code', code }));
  const hits = fuse.search(q, { limit: 30 });
  const exact = hits.findIndex((h) => h.item.name.toLowerCase() === q.toLowerCase());
  // An exact name goes first even when a path or definition scored a little better.
  if (exact > 0) hits.unshift(...hits.splice(exact, 1));
  const rows: PickerRow[] = hits.map((h) => ({ kind: 'code', code: h.item }));
  const create: PickerRow = { kind: 'create', name: q };
  if (exact >= 0) return rows;
  const top = hits[0];
  const strong = !!top && ((top.score ?? 1) < STRONG_MATCH || startsAWord(`${top.item.name} ${top.item.path} ${top.item.definition}`, q));
  return strong ? [...rows, create] : [create, ...rows];
}

/** True when `q` begins a word of `text` (a definition's own word is a strong match, not a near miss). */
function startsAWord(text: string, q: string): boolean {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return false;
  return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!) || startsAWord(text.slice(at + 1), q);
}

export function CodePicker({ codes, quote, onPick, onCreate, onClose }: CodePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const fuse = useMemo(() => pickerFuse(codes), [codes]);
  const rows = useMemo(() => pickerRows(codes, query, fuse), [codes, query, fuse]);
  // Where the pointer last was: Chromium sends mouse events when the list changes under a still
  // pointer, and those must not move the active row.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const choose = (row: PickerRow | undefined) => {
    if (row?.kind === 'code') onPick(row.code);
    else if (row?.kind === 'create') onCreate(row.name);
  };
  const key = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(rows.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') choose(rows[active]);
    else return;
    e.preventDefault();
  };
  const moved = (e: React.MouseEvent, i: number) => {
    const last = pointer.current;
    pointer.current = { x: e.clientX, y: e.clientY };
    if (last && (last.x !== e.clientX || last.y !== e.clientY)) setActive(i);
  };
  const idOf = (row: PickerRow) => (row.kind === 'code' ? `pick-${row.code.guid}` : 'pick-create');
  return (
    <Dialog title="Apply a code" onCancel={onClose} className="picker" initialFocus="input">
      <p className="quote">“{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}”</p>
      <input
        aria-label="Find a code"
        role="combobox"
        aria-expanded="true"
        aria-controls="picker-list"
        aria-activedescendant={rows[active] ? idOf(rows[active]) : undefined}
        placeholder="Type to find a code, or a new code’s name…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={key}
      />
      <ul id="picker-list" role="listbox" aria-label="Codes">
        {rows.map((row, i) => (
          <li
            key={idOf(row)}
            id={idOf(row)}
            role="option"
            aria-selected={i === active}
            className={`${i === active ? 'active' : ''}${row.kind === 'create' ? ' create' : ''}`}
            onMouseMove={(e) => moved(e, i)}
            onClick={() => choose(row)}
          >
            {row.kind === 'code' ? (
              <>
                <span className="swatch" style={{ background: row.code.color }} /> {row.code.name}{' '}
                <span className="meta">{row.code.path.includes('/') ? row.code.path.slice(0, row.code.path.lastIndexOf('/')) : ''}</span>
              </>
            ) : (
              <>
                <span aria-hidden="true">+</span> Create code “{row.name}” and apply it
              </>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
