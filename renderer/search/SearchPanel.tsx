/** Full-text search across every document; a hit opens its transcript with all matches marked. */
import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react';
import type { SearchHitView } from '../../shared/api/types.js';
import { useWorkspace } from '../workspace/context.js';
import { SearchResults } from './SearchResults.js';
import './search.css';

export interface SearchPanelProps {
  /** Most paragraphs to ask for (the server's cap is 10,000). */
  limit?: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SearchPanel({ limit = 200 }: SearchPanelProps = {}) {
  const { api, run, version, openDocument } = useWorkspace();
  const id = useId();
  const [query, setQuery] = useState('');
  // The query last searched (results belong to it), and its hits; null before any search.
  const [searched, setSearched] = useState('');
  const [hits, setHits] = useState<SearchHitView[] | null>(null);
  const latest = useRef(0);

  const search = async (q: string) => {
    const ticket = ++latest.current;
    const r = await run(api['search.corpus']({ query: q, limit }));
    if (ticket !== latest.current || !r) return;
    setSearched(q);
    setHits(r);
  };

  // Documents can be imported, renamed or deleted: a shown result is asked again.
  // Only a change of data re-runs the current search, not typing in the box.
  const searchAgain = useEffectEvent(() => {
    if (searched) void search(searched);
  });
  useEffect(() => searchAgain(), [version]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearched('');
      return;
    }
    void search(q);
  };

  const docs = hits ? new Set(hits.map((h) => h.documentGuid)).size : 0;
  const matches = hits ? hits.reduce((n, h) => n + h.matches.length, 0) : 0;

  return (
    <section className="search" aria-label="Search">
      <h2>Search</h2>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor={`${id}-q`}>Search all transcripts</label>
        <div className="search-row">
          <input id={`${id}-q`} type="search" value={query} aria-describedby={`${id}-hint`} onChange={(e) => setQuery(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </div>
        <p id={`${id}-hint`} className="search-hint">
          Words match anywhere; use &quot;quoted phrases&quot; for exact wording and a trailing * for prefixes (secur*). Accents are ignored.
        </p>
      </form>
      <p className="search-count" role="status">
        {hits === null
          ? ''
          : hits.length === 0
            ? `Nothing found for “${searched}”.`
            : `${plural(matches, 'match', 'matches')} in ${plural(docs, 'document', 'documents')}${hits.length >= limit ? ` (the first ${limit} passages)` : ''}`}
      </p>
      {hits && hits.length > 0 && <SearchResults hits={hits} onOpen={(h, g) => openDocument(h.documentGuid, { start: h.start, end: h.end }, g.marks)} />}
    </section>
  );
}
