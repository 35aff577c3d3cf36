/** Find in this document (Ctrl/Cmd+F): matches painted in the text, Enter/F3 next, Shift for previous. */
import { forwardRef, useEffect, useMemo, useState } from 'react';
import { fold } from '../../shared/search/fold.js';
import { findAll } from '../../shared/search/find.js';
import type { Span } from '../../shared/types.js';

export interface FindBarProps {
  text: string;
  onMatches(marks: Span[], current: Span | null): void;
  onClose(): void;
}

export const FindBar = forwardRef<HTMLInputElement, FindBarProps>(function FindBar({ text, onMatches, onClose }, ref) {
  const [phrase, setPhrase] = useState('');
  const [at, setAt] = useState(0);
  const folded = useMemo(() => fold(text), [text]);
  const matches = useMemo(() => findAll(folded, phrase), [folded, phrase]);
  const current = matches.length ? matches[((at % matches.length) + matches.length) % matches.length]! : null;
  useEffect(() => onMatches(matches, current), [matches, current, onMatches]);
  const step = (d: number) => setAt((a) => a + d);
  return (
    <div className="find-bar" role="search" aria-label="Find in this document">
      <input
        ref={ref}
        type="search"
        aria-label="Find in this document"
        placeholder="Find in this document"
        value={phrase}
        onChange={(e) => {
          setPhrase(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'F3') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') onClose();
        }}
      />
      <span className="meta" role="status" aria-live="polite">
        {phrase.trim() ? (matches.length ? `${matches.indexOf(current!) + 1} of ${matches.length}` : 'no matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" onClick={() => step(-1)} disabled={!matches.length}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => step(1)} disabled={!matches.length}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
});
