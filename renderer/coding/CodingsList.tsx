/** The codings of the open document, in text order; choosing one shows its memo and resize handles. */
import { memo, useDeferredValue } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import { LazyMemoEditor as MemoEditor } from '../memo/LazyMemoEditor.js';

export interface CodingsListProps {
  text: string;
  codings: readonly CodingView[];
  selected: string | null;
  onSelect(guid: string | null): void;
  onRemove(guid: string): void;
}

const quote = (text: string, c: CodingView) => {
  const q = text.slice(c.start, c.end).replace(/\s+/g, ' ');
  return q.length > 90 ? `${q.slice(0, 90)}…` : q;
};

/** The list itself, rendered after the transcript has painted (it can hold thousands of items). */
const Items = memo(function Items({ text, codings, selected, onSelect, onRemove }: CodingsListProps) {
  const sorted = [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <ul className="codings" aria-label="Codings">
      {sorted.map((c) => (
        <li key={c.guid} className={c.guid === selected ? 'chosen' : ''}>
          <button type="button" className="coding-pick" aria-pressed={c.guid === selected} onClick={() => onSelect(c.guid === selected ? null : c.guid)}>
            <span className="swatch" style={{ background: c.color }} /> {c.code} · {c.coder} · [{c.start},{c.end}) “{quote(text, c)}”{c.memo ? ' ✎' : ''}
          </button>
          <button type="button" aria-label={`Remove coding ${c.code} ${c.start}-${c.end}`} onClick={() => onRemove(c.guid)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
});

export function CodingsList({ text, codings, selected, onSelect, onRemove }: CodingsListProps) {
  const later = useDeferredValue(codings);
  const chosen = codings.find((c) => c.guid === selected);
  return (
    <section aria-label="Codings in this document" className="codings-panel">
      {chosen && !chosen.guid.startsWith('pending-') && (
        <div className="chosen-coding" aria-label="Chosen coding">
          <p>
            <span className="swatch" style={{ background: chosen.color }} /> <strong>{chosen.code}</strong> · {chosen.coder} · characters {chosen.start}–
            {chosen.end}
          </p>
          <MemoEditor
            key={chosen.guid}
            target={{ kind: 'coding', guid: chosen.guid, body: chosen.memo }}
            label={`Memo on the coding ${chosen.code} at ${chosen.start}–${chosen.end}`}
          />
        </div>
      )}
      <Items text={text} codings={later} selected={selected} onSelect={onSelect} onRemove={onRemove} />
      {codings.length === 0 && <p className="hint">No codings shown in this document yet.</p>}
    </section>
  );
}
