/** The retrieved segments, one list per document, each segment a button that opens its source. */
import type { SegmentView } from '../../shared/api/types.js';
import { groupByDocument, lineLabel } from './group.js';
import '../search/search.css';

export interface SegmentListProps {
  segments: readonly SegmentView[];
  /** With sub-codes included: the chosen code's path, so each segment shows its sub-code's path below it. */
  within: string | null;
  onOpen(segment: SegmentView): void;
}

const plural = (n: number) => `${n} ${n === 1 ? 'segment' : 'segments'}`;

export function SegmentList({ segments, within, onOpen }: SegmentListProps) {
  return (
    <div className="results">
      {groupByDocument(segments).map((g) => (
        <section key={g.documentGuid} className="results-doc" aria-label={g.document}>
          <h3>
            {g.document}
            <span className="meta">
              {g.caseName ? ` · ${g.caseName}` : ''} · {plural(g.segments.length)}
            </span>
          </h3>
          <ul role="list" aria-label={`Segments in ${g.document}`}>
            {g.segments.map((s) => (
              <li key={s.guid}>
                <button type="button" className="result-item retrieval-segment" data-start={s.start} data-end={s.end} onClick={() => onOpen(s)}>
                  <span className="retrieval-source">
                    {s.speaker && <span className="retrieval-speaker">{s.speaker}</span>}
                    <span>{lineLabel(s.lineStart, s.lineEnd)}</span>
                    <span>{s.coder}</span>
                    {within && s.code !== within && <span title={s.code}>{s.code.startsWith(`${within}/`) ? s.code.slice(within.length + 1) : s.code}</span>}
                  </span>
                  <q className="retrieval-quote">{s.quote}</q>
                  {s.memo && <span className="retrieval-memo">Memo: {s.memo}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
