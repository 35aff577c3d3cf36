/**
 * Who is coding, whose codings are shown, and blind coding. The active coder is remembered on
 * this machine. Under blind coding the server returns only the viewer's own codings until they
 * reveal the others (recorded, and final), so "Show" offers only "Mine" until then.
 */
import { useState } from 'react';
import type { CoderWithCounts, ProjectInfoView } from '../../shared/api/types.js';
import { useWorkspace } from './context.js';

/** Whose codings are shown; another coder by GUID. */
export type Show = { kind: 'mine' } | { kind: 'all' } | { kind: 'coder'; guid: string };

export interface CoderBarProps {
  info: ProjectInfoView | null;
  coders: readonly CoderWithCounts[];
  show: Show;
  onShow(show: Show): void;
  /** An existing coder, by GUID. */
  onChooseCoder(guid: string): void;
  /** A typed name (an existing coder's or a new one). */
  onAddCoder(name: string): void;
}

export const showValue = (s: Show) => (s.kind === 'coder' ? `coder:${s.guid}` : s.kind);
export const parseShow = (v: string): Show => (v.startsWith('coder:') ? { kind: 'coder', guid: v.slice(6) } : v === 'all' ? { kind: 'all' } : { kind: 'mine' });

export function CoderBar({ info, coders, show, onShow, onChooseCoder, onAddCoder }: CoderBarProps) {
  const { api, coder, coderName, run, changed, notify } = useWorkspace();
  const [adding, setAdding] = useState(false);
  const hidden = !!info?.blind && !info.revealed.some((r) => r.guid === coder);
  // A consensus coder is shown like any other, but nobody codes as it: its codings follow the decisions.
  const others = coders.filter((c) => c.guid !== coder && !c.consensusOf);
  const consensus = coders.filter((c) => c.guid !== coder && c.consensusOf);
  const codingAs = coders.filter((c) => !c.consensusOf || c.guid === coder);

  const setBlind = async (on: boolean) => {
    if ((await run(api['coders.setBlind']({ on }))) === undefined) return;
    notify(on ? 'Blind coding is on: each coder sees only their own codings' : 'Blind coding is off');
    if (on) onShow({ kind: 'mine' });
    changed();
  };
  const reveal = async () => {
    if (!window.confirm(`Show the other coders' codings to ${coderName}? This is recorded in the project and cannot be taken back.`)) return;
    if ((await run(api['coders.reveal']({ coder }))) === undefined) return;
    notify(`${coderName} now sees every coder's codings`);
    changed();
  };

  return (
    <div className="coder-bar" role="group" aria-label="Coders">
      <label>
        Coding as{' '}
        {adding ? (
          <input
            aria-label="New coder's name"
            autoFocus
            placeholder="name, Enter"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setAdding(false);
              if (e.key !== 'Enter' || !e.currentTarget.value.trim()) return;
              onAddCoder(e.currentTarget.value.trim());
              setAdding(false);
            }}
            onBlur={() => setAdding(false)}
          />
        ) : (
          <select aria-label="Active coder" value={coder} onChange={(e) => (e.target.value === '\u0000new' ? setAdding(true) : onChooseCoder(e.target.value))}>
            {!coder && <option value="">choose…</option>}
            {codingAs.map((c) => (
              <option key={c.guid} value={c.guid}>
                {c.name}
              </option>
            ))}
            <option value={'\u0000new'}>New coder…</option>
          </select>
        )}
      </label>
      <label>
        Show{' '}
        <select aria-label="Show codings of" value={showValue(show)} onChange={(e) => onShow(parseShow(e.target.value))}>
          <option value="mine">Mine</option>
          {!hidden &&
            others.map((c) => (
              <option key={c.guid} value={`coder:${c.guid}`}>
                {c.name}'s
              </option>
            ))}
          {!hidden && <option value="all">All coders</option>}
          {!hidden && consensus.length > 0 && (
            <optgroup label="Consensus">
              {consensus.map((c) => (
                <option key={c.guid} value={`coder:${c.guid}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={!!info?.blind} onChange={(e) => void setBlind(e.target.checked)} /> Blind coding
      </label>
      {hidden && coder && (
        <button type="button" onClick={() => void reveal()}>
          Reveal others' codings
        </button>
      )}
    </div>
  );
}
