/**
 * The code picker: opens on C (or Ctrl/Cmd+K) over the selected text; typing filters the code
 * book fuzzily (fuse.js over names, paths and definitions — the list is short, so it runs in the
 * page); Up/Down choose, Enter applies. "New code" creates one under the chosen parent.
 */
import Fuse from 'fuse.js';
import { useMemo, useState } from 'react';
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

export function rankCodes(codes: readonly CodeWithCounts[], query: string, fuse: Fuse<CodeWithCounts>): CodeWithCounts[] {
  if (!query.trim()) return [...codes];
  return fuse.search(query.trim(), { limit: 30 }).map((r) => r.item);
}

export function CodePicker({ codes, quote, onPick, onCreate, onClose }: CodePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const fuse = useMemo(
    () =>
      new Fuse(codes, {
        keys: [
          { name: 'name', weight: 3 },
          { name: 'path', weight: 2 },
          { name: 'definition', weight: 1 },
        ],
        threshold: 0.4,
        ignoreLocation: true,
      }),
    [codes],
  );
  const hits = useMemo(() => rankCodes(codes, query, fuse), [codes, query, fuse]);
  const key = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) onPick(hit);
      else if (query.trim()) onCreate(query.trim());
    } else return;
    e.preventDefault();
  };
  return (
    <Dialog title="Apply a code" onCancel={onClose} className="picker" initialFocus="input">
      <p className="quote">“{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}”</p>
      <input
        aria-label="Find a code"
        role="combobox"
        aria-expanded="true"
        aria-controls="picker-list"
        aria-activedescendant={hits[active] ? `pick-${hits[active].guid}` : undefined}
        placeholder="Type to find a code…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={key}
      />
      <ul id="picker-list" role="listbox" aria-label="Codes">
        {hits.map((c, i) => (
          <li
            key={c.guid}
            id={`pick-${c.guid}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => onPick(c)}
          >
            <span className="swatch" style={{ background: c.color }} /> {c.name}{' '}
            <span className="meta">{c.path.includes('/') ? c.path.slice(0, c.path.lastIndexOf('/')) : ''}</span>
          </li>
        ))}
      </ul>
      {hits.length === 0 && query.trim() && (
        <button type="button" onClick={() => onCreate(query.trim())}>
          Create code “{query.trim()}” and apply it
        </button>
      )}
    </Dialog>
  );
}
