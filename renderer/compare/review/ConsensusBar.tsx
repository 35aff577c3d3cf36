/**
 * The consensus of the chosen pair: not started (with the start action), or its progress
 * ("37 of 112 decided") with the finish action. Both actions ask first: starting creates a coder
 * and finishing records the consensus as done, and neither can be undone.
 */
import { useState } from 'react';
import type { ConsensusStatus } from '../../../shared/agreement/reports.js';
import { Confirm } from '../../workspace/Confirm.js';

export interface ConsensusBarProps {
  names: { a: string; b: string };
  /** Disagreements found between the two (null while read). */
  total: number | null;
  status: ConsensusStatus | null;
  started: boolean;
  busy: boolean;
  onStart(): void;
  onFinish(): void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ConsensusBar({ names, total, status, started, busy, onStart, onFinish }: ConsensusBarProps) {
  const [asking, setAsking] = useState<'start' | 'finish' | null>(null);
  const consensusName = status?.coder ?? `Consensus (${names.a}+${names.b})`;
  const decided = status?.decided ?? 0;
  const items = status?.items ?? total ?? 0;
  return (
    <div className="rv-consensus" role="group" aria-label="Consensus">
      {started ? (
        <>
          <span className="rv-consensus-name">{consensusName}</span>
          {status ? (
            <>
              <progress className="rv-progress" max={Math.max(items, 1)} value={decided} aria-label="Disagreements decided" />
              <span className="rv-progress-text" aria-live="polite">
                <strong>{decided}</strong> of {items} decided
                {status.stale.length > 0 && <span className="rv-stale-count"> · {status.stale.length} stale</span>}
              </span>
            </>
          ) : (
            <span className="meta">Reading the decisions…</span>
          )}
          {status?.finishedAt && <span className="badge">Finished {when(status.finishedAt)}</span>}
          <button type="button" className="rv-primary" disabled={busy || !status} onClick={() => setAsking('finish')}>
            {status?.finishedAt ? 'Finish again…' : 'Finish consensus…'}
          </button>
        </>
      ) : (
        <>
          <span className="meta">
            No consensus of {names.a} and {names.b} yet{total !== null && ` · ${total} disagreements to review`}.
          </span>
          <button type="button" className="rv-primary" disabled={busy || total === null} onClick={() => setAsking('start')}>
            Start consensus…
          </button>
        </>
      )}
      {asking === 'start' && (
        <Confirm
          title="Start the consensus?"
          confirm="Start consensus"
          confirmClass="rv-primary"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            onStart();
          }}
        >
          <p>
            This adds the coder <strong>{consensusName}</strong>. It starts with the text {names.a} and {names.b} coded alike; each of the {total ?? 0}{' '}
            disagreements is then decided here, one by one, and kept with its reason.
          </p>
          <p className="meta">Starting is recorded in the project log and can be undone (Ctrl/Cmd+Z), as can each decision after it.</p>
        </Confirm>
      )}
      {asking === 'finish' && status && (
        <Confirm
          title="Finish the consensus?"
          confirm="Finish consensus"
          cancel="Keep reviewing"
          confirmClass="rv-primary"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            onFinish();
          }}
        >
          <p>
            {status.decided} of {status.items} disagreements are decided.
            {status.items > status.decided &&
              ` The ${status.items - status.decided} still open stay out of ${status.coder}: neither coder’s version of them is kept.`}
            {status.stale.length > 0 && ` ${status.stale.length} stale decisions (their passage changed since) no longer count.`}
          </p>
          <p className="meta">
            Finishing brings {status.coder}’s codings up to date and records the time in the project log; it can be undone (Ctrl/Cmd+Z). Decisions can still be
            changed later.
          </p>
        </Confirm>
      )}
    </div>
  );
}
