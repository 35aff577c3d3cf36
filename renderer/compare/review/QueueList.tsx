/**
 * The queue beside the passage: filters (code, document, kind, state) and the items in document
 * order around the current one. Only a window of rows is drawn, so a queue of thousands stays
 * as quick to step through as one of ten.
 */
import { memo } from 'react';
import type { CodeWithCounts, DocumentListItem } from '../../../shared/api/types.js';
import { DECISION_LABEL, KIND_LABEL, type QueueFilter, type QueueItem, type ReviewKind } from './queue.js';

const ROWS = 60;

export interface QueueListProps {
  list: readonly QueueItem[];
  index: number;
  filter: QueueFilter;
  onFilter(f: QueueFilter): void;
  onPick(id: string): void;
  codes: readonly CodeWithCounts[];
  docs: readonly DocumentListItem[];
  /** Codes and documents that have disagreements (the filters offer only these). */
  present: { codes: Set<string>; docs: Set<string> };
}

function QueueListAll({ list, index, filter, onFilter, onPick, codes, docs, present }: QueueListProps) {
  const from = Math.max(0, Math.min(index - ROWS / 3, list.length - ROWS));
  const rows = list.slice(from, from + ROWS);
  const set = (k: keyof QueueFilter) => (e: React.ChangeEvent<HTMLSelectElement>) => onFilter({ ...filter, [k]: e.target.value });
  return (
    <nav className="rv-queue" aria-label="Disagreement queue">
      <div className="rv-filters">
        <label>
          <span>Code</span>
          <select value={filter.code} onChange={set('code')}>
            <option value="">All codes</option>
            {codes
              .filter((c) => present.codes.has(c.guid))
              .map((c) => (
                <option key={c.guid} value={c.guid}>
                  {c.path}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>Document</span>
          <select value={filter.document} onChange={set('document')}>
            <option value="">All documents</option>
            {docs
              .filter((d) => present.docs.has(d.guid))
              .map((d) => (
                <option key={d.guid} value={d.guid}>
                  {d.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>Kind</span>
          <select value={filter.kind} onChange={set('kind')}>
            <option value="">All kinds</option>
            {(Object.keys(KIND_LABEL) as ReviewKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>State</span>
          <select value={filter.state} onChange={set('state')}>
            <option value="">Open and decided</option>
            <option value="open">Open</option>
            <option value="decided">Decided</option>
          </select>
        </label>
      </div>
      <p className="meta rv-count">
        {list.length === 0
          ? 'Nothing matches these filters.'
          : `${index + 1} of ${list.length}${from > 0 || from + ROWS < list.length ? ' (nearby shown)' : ''}`}
      </p>
      <ol className="rv-list" start={from + 1}>
        {rows.map((q, i) => (
          <li key={q.id}>
            <button type="button" aria-current={from + i === index ? 'true' : undefined} onClick={() => onPick(q.id)}>
              <span className="rv-row-main">
                <span className={`rv-kind rv-kind-${q.reviewKind}`}>{KIND_LABEL[q.reviewKind]}</span> <span title={q.code}>{q.code.split('/').at(-1)}</span>
              </span>
              <span className="rv-row-sub">
                {q.document} · line {q.lineStart}
                {q.lineEnd !== q.lineStart && `–${q.lineEnd}`}
              </span>
              <span className={q.decision ? 'rv-row-state rv-decided' : 'rv-row-state'}>{q.decision ? DECISION_LABEL[q.decision.decision] : 'open'}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export const QueueList = memo(QueueListAll);
