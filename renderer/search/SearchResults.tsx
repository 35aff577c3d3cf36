/** Search hits under one heading per document; each hit's snippet shows its match as <mark>. */
import type { SearchHitView } from '../../shared/api/types.js';
import { groupHits, hitCount, type HitGroup } from './group.js';
import { snippetParts } from './snippet.js';

export interface SearchResultsProps {
  hits: readonly SearchHitView[];
  onOpen(hit: SearchHitView, group: HitGroup): void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function Snippet({ hit }: { hit: SearchHitView }) {
  return (
    <span className="search-snippet">
      {snippetParts(hit.snippet, hit.end - hit.start).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

export function SearchResults({ hits, onOpen }: SearchResultsProps) {
  return (
    <div className="results">
      {groupHits(hits).map((g) => (
        <section key={g.documentGuid} className="results-doc" aria-label={g.document}>
          <h3>
            {g.document} <span className="meta">· {plural(hitCount(g), 'match', 'matches')}</span>
          </h3>
          <ul role="list" aria-label={`Matches in ${g.document}`}>
            {g.hits.map((h) => (
              <li key={`${h.start}-${h.end}`}>
                <button type="button" className="result-item" onClick={() => onOpen(h, g)}>
                  <Snippet hit={h} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
