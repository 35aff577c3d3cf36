/** The passages behind the bar or cell last clicked; each opens the transcript at its span. */
import type { PassageList } from '../../shared/analysis/types.js';

interface Props {
  title: string | null;
  list: PassageList | null;
  error: string | null;
  onOpen(documentGuid: string, span: { start: number; end: number }): void;
  onClose(): void;
}

export function PassagePanel({ title, list, error, onOpen, onClose }: Props) {
  if (title === null) {
    return (
      <aside className="analysis-passages empty" aria-label="Passages">
        <p className="meta">Click a bar, a cell or a number to read the passages behind it.</p>
      </aside>
    );
  }
  return (
    <aside className="analysis-passages" aria-label="Passages" data-testid="analysis-passages">
      <header>
        <h2>{title}</h2>
        <button type="button" aria-label="Close the passages" onClick={onClose}>
          ×
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {!list && !error && <p className="meta">Loading…</p>}
      {list && (
        <>
          <p className="meta" aria-live="polite">
            {list.total === 0
              ? 'No passages.'
              : list.total > list.passages.length
                ? `The first ${list.passages.length} of ${list.total} passages`
                : `${list.total} passage${list.total === 1 ? '' : 's'}`}
          </p>
          <ol>
            {list.passages.map((p) => (
              <li key={`${p.documentGuid}:${p.start}:${p.end}:${p.coder}:${p.codes.join('+')}`}>
                <button type="button" className="passage-open" onClick={() => onOpen(p.documentGuid, { start: p.start, end: p.end })}>
                  <span className="passage-source">
                    {p.document}, {p.lineStart === p.lineEnd ? `line ${p.lineStart}` : `lines ${p.lineStart}–${p.lineEnd}`}
                    {p.caseName ? ` · ${p.caseName}` : ''} · {p.coder}
                  </span>
                  <span className="passage-text">{p.text}</span>
                  {p.codes.length > 1 && <span className="passage-codes">{p.codes.join(' + ')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
