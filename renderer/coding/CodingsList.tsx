/** The codings of the open document, in text order; choosing one shows its memo and resize handles. */
import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import type { Turn } from '../../shared/types.js';
import { LazyMemoEditor as MemoEditor } from '../memo/LazyMemoEditor.js';
import { codeName, locator, type Locate } from './where.js';

export interface CodingsListProps {
  text: string;
  /** The document's speaker turns: a coding is placed by its lines and speaker. */
  turns?: readonly Turn[];
  codings: readonly CodingView[];
  selected: string | null;
  onSelect(guid: string | null): void;
  onRemove(guid: string): void;
}

const quote = (text: string, c: CodingView) => {
  const q = text.slice(c.start, c.end).replace(/\s+/g, ' ');
  return q.length > 90 ? `${q.slice(0, 90)}…` : q;
};

interface RowProps {
  c: CodingView;
  text: string;
  chosen: boolean;
  where: Locate;
  onSelect(guid: string | null): void;
  onRemove(guid: string): void;
}

/** One coding: drawn again only when it (or whether it is chosen) changed, not for every coding made elsewhere. */
const Row = memo(function Row({ c, text, chosen, where, onSelect, onRemove }: RowProps) {
  return (
    <li className={chosen ? 'chosen' : ''}>
      <button type="button" className="coding-pick" aria-pressed={chosen} onClick={() => onSelect(chosen ? null : c.guid)}>
        <span className="coding-head">
          <span className="swatch" style={{ background: c.color }} />
          <span className="coding-code" title={c.code}>
            {codeName(c.code)}
          </span>
        </span>
        <span className="meta coding-where">
          {c.coder} · {where(c)}
          {c.memo ? ' · ✎ memo' : ''}
        </span>
        <span className="coding-quote">“{quote(text, c)}”</span>
      </button>
      <button type="button" className="coding-remove" aria-label={`Remove coding ${c.code} ${c.start}-${c.end}`} onClick={() => onRemove(c.guid)}>
        Remove
      </button>
    </li>
  );
});

/** The list itself, rendered after the transcript has painted (it can hold thousands of items). */
const Items = memo(function Items({ text, codings, selected, onSelect, onRemove, where }: CodingsListProps & { where: Locate }) {
  const sorted = useMemo(() => [...codings].sort((a, b) => a.start - b.start || a.end - b.end), [codings]);
  // The handlers change with every coding (they close over the list); the rows call the latest through a ref, so they stay still.
  const latest = useRef({ onSelect, onRemove });
  latest.current = { onSelect, onRemove };
  const select = useCallback((g: string | null) => latest.current.onSelect(g), []);
  const remove = useCallback((g: string) => latest.current.onRemove(g), []);
  return (
    <ul className="codings" aria-label="Codings">
      {sorted.map((c) => (
        <Row key={c.guid} c={c} text={text} chosen={c.guid === selected} where={where} onSelect={select} onRemove={remove} />
      ))}
    </ul>
  );
});

export function CodingsList({ text, turns, codings, selected, onSelect, onRemove }: CodingsListProps) {
  const later = useDeferredValue(codings);
  const where = useMemo(() => locator(text, turns), [text, turns]);
  const chosen = codings.find((c) => c.guid === selected);
  return (
    <section aria-label="Codings in this document" className="codings-panel">
      {chosen && !chosen.guid.startsWith('pending-') && (
        <div className="chosen-coding" aria-label="Chosen coding">
          <p>
            <span className="swatch" style={{ background: chosen.color }} /> <strong title={chosen.code}>{codeName(chosen.code)}</strong> · {chosen.coder} ·{' '}
            {where(chosen)}
          </p>
          <MemoEditor
            key={chosen.guid}
            target={{ kind: 'coding', guid: chosen.guid, body: chosen.memo }}
            label={`Memo on the coding ${chosen.code} at ${chosen.start}–${chosen.end}`}
          />
        </div>
      )}
      <Items text={text} codings={later} selected={selected} onSelect={onSelect} onRemove={onRemove} where={where} />
      {codings.length === 0 && <p className="hint">No codings shown in this document yet.</p>}
    </section>
  );
}
