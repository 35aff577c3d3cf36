/**
 * The current disagreement: where it is, its passage with both coders' spans, what was decided
 * (or decided before its passage changed), and the decisions with their keys. Adjusting moves
 * the span's ends by whole words until it is saved as the consensus's own span.
 */
import { useEffect, useRef } from 'react';
import type { Decision, DecisionView } from '../../../shared/agreement/reports.js';
import type { Span } from '../../../shared/types.js';
import type { CodingView } from '../../../shared/api/types.js';
import { Passage } from './Passage.js';
import { DECISION_LABEL, KIND_LABEL, type QueueItem } from './queue.js';

export const ACTIONS: readonly { decision: Exclude<Decision, 'custom'>; key: string; label: string }[] = [
  { decision: 'accept-a', key: 'A', label: 'Accept A' },
  { decision: 'accept-b', key: 'B', label: 'Accept B' },
  { decision: 'keep-both', key: 'H', label: 'Keep both' },
  { decision: 'drop', key: 'D', label: 'Drop' },
];

export interface ItemPanelProps {
  item: QueueItem;
  doc: { text: string; codings: CodingView[] | null } | null;
  coders: { a: string; b: string; consensus: string | null };
  names: { a: string; b: string; consensus: string | null };
  stale: DecisionView[];
  canDecide: boolean;
  busy: boolean;
  draft: Span | null;
  reason: string;
  onReason(r: string): void;
  /** Enter in the reason field: keep the reason (deciding again if decided). */
  onReasonDone(): void;
  onDecide(d: Exclude<Decision, 'custom'>): void;
  onAdjust(): void;
  onMove(edge: 'start' | 'end', dir: -1 | 1): void;
  /** A handle in the passage was dragged: the adjusted span. */
  onDraft(span: Span): void;
  onSaveDraft(): void;
  onCancelDraft(): void;
  onShowInTranscript(): void;
}

export function ItemPanel(p: ItemPanelProps) {
  const { item, doc, draft } = p;
  const box = useRef<HTMLElement>(null);
  // A new item is read from its heading down.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [item.id]);
  const d = item.decision;
  const who = item.kind === 'onlyA' ? `A · ${p.names.a}` : `B · ${p.names.b}`;
  return (
    <article ref={box} className="rv-item" data-testid="disagreement-current" data-id={item.id} aria-labelledby="rv-item-title">
      <header className="rv-item-head">
        <h2 id="rv-item-title">
          <span className={`rv-kind rv-kind-${item.reviewKind}`}>{KIND_LABEL[item.reviewKind]}</span> {item.code}
        </h2>
        <p className="meta">
          {item.document} · line {item.lineStart}
          {item.lineEnd !== item.lineStart && `–${item.lineEnd}`}
          {item.speaker && ` · ${item.speaker}`} · only {who} coded this stretch
        </p>
        <button type="button" className="rv-link" onClick={p.onShowInTranscript} title="Open this passage in the transcript (T)">
          Show in transcript <kbd>T</kbd>
        </button>
      </header>
      {doc ? (
        <Passage item={item} text={doc.text} codings={doc.codings} coders={p.coders} names={p.names} draft={draft} onDraft={p.onDraft} />
      ) : (
        <p className="rv-passage meta">
          {item.before}
          <mark>{item.text}</mark>
          {item.after}
        </p>
      )}
      {d && (
        <p className="rv-decided-note">
          Decided: <strong>{DECISION_LABEL[d.decision]}</strong>
          {d.custom && doc && ` “${doc.text.slice(d.custom.start, d.custom.end)}”`}
          {d.reason && ` — ${d.reason}`}{' '}
          <span className="meta">
            ({d.decidedBy}, {new Date(d.updatedAt).toLocaleString()})
          </span>
        </p>
      )}
      {p.stale.map((s) => (
        <p key={s.itemId} className="rv-stale-note" role="note">
          <strong>Stale:</strong> an earlier decision here, {DECISION_LABEL[s.decision]}
          {s.reason && ` (“${s.reason}”)`}, was made on a passage the coders have changed since; it no longer counts. Decide this one again.
        </p>
      ))}
      <div className="rv-decide">
        {draft ? (
          <div className="rv-actions" role="group" aria-label="Adjust the span">
            <button type="button" onClick={() => p.onMove('start', -1)} title="Start one word earlier (Shift+Left)">
              ◀ start
            </button>
            <button type="button" onClick={() => p.onMove('start', 1)} title="Start one word later (Shift+Right)">
              start ▶
            </button>
            <button type="button" onClick={() => p.onMove('end', -1)} title="End one word earlier (Left)">
              ◀ end
            </button>
            <button type="button" onClick={() => p.onMove('end', 1)} title="End one word later (Right)">
              end ▶
            </button>
            <button type="button" className="rv-primary" disabled={p.busy} onClick={p.onSaveDraft}>
              Save span <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={p.onCancelDraft}>
              Cancel <kbd>Esc</kbd>
            </button>
          </div>
        ) : (
          <div className="rv-actions" role="group" aria-label="Decide">
            {ACTIONS.map((a) => (
              <button
                key={a.decision}
                type="button"
                aria-pressed={d?.decision === a.decision}
                disabled={!p.canDecide || p.busy}
                onClick={() => p.onDecide(a.decision)}
              >
                {a.label} <kbd>{a.key}</kbd>
              </button>
            ))}
            <button type="button" aria-pressed={d?.decision === 'custom'} disabled={!p.canDecide || p.busy || !doc} onClick={p.onAdjust}>
              Adjust span <kbd>S</kbd>
            </button>
          </div>
        )}
        <label className="rv-reason" title="Optional; kept with the decision (R)">
          <span>
            Reason <kbd>R</kbd>
          </span>
          <input
            id="rv-reason"
            value={p.reason}
            disabled={!p.canDecide}
            placeholder="Why (optional, kept with the decision)"
            onChange={(e) => p.onReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                if (e.key === 'Enter') p.onReasonDone();
                e.currentTarget.blur();
              }
            }}
          />
        </label>
      </div>
    </article>
  );
}
