/**
 * Shown above the transcript until this computer knows who is coding: pick a coder of the
 * project or type a new name. The choice is remembered (the "Coding as" menu changes it later).
 */
import { useState } from 'react';
import type { CoderWithCounts } from '../../shared/api/types.js';

/** `onChoose`: an existing coder, by GUID; `onAdd`: a typed name (an existing coder's or a new one). */
export function CoderPrompt({ coders, onChoose, onAdd }: { coders: readonly CoderWithCounts[]; onChoose(guid: string): void; onAdd(name: string): void }) {
  const [name, setName] = useState('');
  return (
    <form
      className="coder-prompt"
      aria-label="Who is coding?"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onAdd(name.trim());
      }}
    >
      <strong>Who is coding?</strong> Codings are stored under this name, and a second coder’s are kept apart for agreement.{' '}
      {coders.map((c) => (
        <button key={c.guid} type="button" className="primary" onClick={() => onChoose(c.guid)}>
          I am {c.name}
        </button>
      ))}{' '}
      <input
        aria-label="Your name as a coder"
        placeholder={coders.length ? 'or a new name' : 'your name'}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />{' '}
      <button type="submit" className="primary" disabled={!name.trim()}>
        Start coding
      </button>
    </form>
  );
}
