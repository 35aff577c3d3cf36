/**
 * Disagreement review to consensus: the queue of the chosen pair's disagreements in document
 * order, one passage at a time with both coders' spans, decided with a key and an optional
 * reason through the consensus services (so each decision is logged, can be undone with
 * Ctrl/Cmd+Z and changed later). Everything needed to step to the next item is already in
 * memory; only a decision calls the project.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Decision } from '../../../shared/agreement/reports.js';
import type { Span } from '../../../shared/types.js';
import { useWorkspace } from '../../workspace/context.js';
import { ChoiceBar } from '../ChoiceBar.js';
import type { ComparePartProps } from '../choice.js';
import { ConsensusBar } from './ConsensusBar.js';
import { ItemPanel } from './ItemPanel.js';
import { buildQueue, DECISION_LABEL, filterQueue, mergeDecided, moveEdge, nextAfterDecision, NO_FILTER, staleNear, type QueueFilter } from './queue.js';
import { QueueList } from './QueueList.js';
import { useReviewData } from './useReviewData.js';
import { useReviewKeys } from './useReviewKeys.js';
import './review.css';

export interface DisagreementReviewProps extends ComparePartProps {
  /** Switch the workspace back to the transcript (after the passage has been opened there). */
  onShowInTranscript?(): void;
}

export function DisagreementReview(props: DisagreementReviewProps) {
  const { choice, coders, codes, docs, onShowInTranscript } = props;
  const { api, run, changed, notify, openDocument } = useWorkspace();
  const data = useReviewData(choice, coders);
  const { scope, consensus, items, status } = data;
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [lastIndex, setLastIndex] = useState(0);
  const [draft, setDraft] = useState<Span | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const queue = useMemo(() => buildQueue(items ?? [], status?.decisions ?? []), [items, status]);
  const list = useMemo(() => filterQueue(queue, filter), [queue, filter]);
  const present = useMemo(() => ({ codes: new Set(queue.map((q) => q.codeGuid)), docs: new Set(queue.map((q) => q.documentGuid)) }), [queue]);
  const found = currentId === null ? -1 : list.findIndex((q) => q.id === currentId);
  const index = found >= 0 ? found : Math.min(lastIndex, list.length - 1);
  const item = index >= 0 ? list[index]! : null;
  const name = (g: string | null) => coders.find((c) => c.guid === g)?.name ?? '?';
  const names = { a: name(choice.a), b: name(choice.b), consensus: consensus?.name ?? null };
  const who = { a: choice.a ?? '', b: choice.b ?? '', consensus: consensus?.guid ?? null };

  // The current document, and the next item's, are read ahead of the key that needs them.
  const { ensure, loaded } = data;
  useEffect(() => {
    if (item) ensure(item.documentGuid);
    const next = index + 1 < list.length ? list[index + 1] : undefined;
    if (next) ensure(next.documentGuid);
  }, [item, index, list, ensure, loaded]);
  // A new item: its stored reason, no draft.
  const itemId = item?.id;
  const storedReason = item?.decision?.reason ?? '';
  useEffect(() => {
    setReason(storedReason);
    setDraft(null);
  }, [itemId, storedReason]);

  const go = useCallback(
    (i: number) => {
      const q = list[i];
      if (!q) return;
      setCurrentId(q.id);
      setLastIndex(i);
    },
    [list],
  );

  // Decisions go out one after another, in key order; the queue moves on at once, not after the reply.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const decide = (decision: Decision, span?: Span, why = reason) => {
    if (!scope || !item || !consensus) return;
    const target = item;
    // Only the item's cell is read: the rest of the status is updated here (mergeDecided).
    const cell = { documentGuid: target.documentGuid, codeGuid: target.codeGuid };
    const args = {
      ...scope,
      documents: [cell.documentGuid],
      codes: [cell.codeGuid],
      item: target.id,
      decision,
      ...span,
      ...(why.trim() && { reason: why.trim() }),
      brief: true,
    };
    setDraft(null);
    if (!target.decision) go(nextAfterDecision(list, index));
    chain.current = chain.current.then(async () => {
      const r = await run(api['consensus.decide'](args));
      if (!r) return;
      data.setStatus((prev) => prev && mergeDecided(prev, cell, r));
      data.invalidate(target.documentGuid);
      notify(`${r.previous ? 'Changed' : 'Decided'}: ${DECISION_LABEL[decision]}`);
      data.markOwnChange();
      changed();
    });
  };

  const start = async () => {
    if (!scope) return;
    setBusy(true);
    const r = await run(api['consensus.start'](scope));
    setBusy(false);
    if (!r) return;
    notify(`${r.coder} ${r.created ? 'started' : 'brought up to date'}: ${r.items} disagreements to decide`);
    changed();
  };
  const finish = async () => {
    if (!scope) return;
    setBusy(true);
    const r = await run(api['consensus.finish']({ ...scope, brief: true }));
    setBusy(false);
    if (!r) return;
    data.setStatus(r);
    notify(`${r.coder} finished: ${r.decided} of ${r.items} decided`);
    changed();
  };

  const doc = item ? data.docData(item.documentGuid) : null;
  const adjust = () => {
    if (!item || !doc || !consensus) return;
    setDraft(item.decision?.custom ?? { start: item.start, end: item.end });
  };
  const showInTranscript = () => {
    if (!item) return;
    openDocument(item.documentGuid, { start: item.start, end: item.end });
    onShowInTranscript?.();
  };

  useReviewKeys({
    adjusting: draft !== null,
    step: (dir) => go(index + dir),
    decide: (d) => decide(d),
    adjust,
    move: (edge, dir) => doc && setDraft((s) => (s ? moveEdge(doc.text, s, edge, dir) : s)),
    saveDraft: () => draft && decide('custom', draft),
    cancelDraft: () => setDraft(null),
    reason: () => document.getElementById('rv-reason')?.focus(),
    transcript: showInTranscript,
  });

  const body = () => {
    if (!scope) return <p className="rv-empty">Choose two different coders above to review where they disagree.</p>;
    if (items === null) return <p className="rv-empty meta">Reading the disagreements…</p>;
    if (queue.length === 0)
      return (
        <p className="rv-empty">
          {names.a} and {names.b} agree everywhere in this scope: there is nothing to review.
        </p>
      );
    return (
      <div className="rv-main">
        <QueueList
          list={list}
          index={index}
          filter={filter}
          onFilter={setFilter}
          onPick={(id) => setCurrentId(id)}
          codes={codes}
          docs={docs}
          present={present}
        />
        {item ? (
          <ItemPanel
            item={item}
            doc={doc}
            coders={who}
            names={names}
            stale={status ? staleNear(item, status.decisions) : []}
            canDecide={!!consensus}
            busy={busy}
            draft={draft}
            reason={reason}
            onReason={setReason}
            onReasonDone={() => item.decision && decide(item.decision.decision, item.decision.custom ?? undefined)}
            onDecide={(d) => decide(d)}
            onAdjust={adjust}
            onMove={(edge, dir) => doc && setDraft((s) => (s ? moveEdge(doc.text, s, edge, dir) : s))}
            onDraft={setDraft}
            onSaveDraft={() => draft && decide('custom', draft)}
            onCancelDraft={() => setDraft(null)}
            onShowInTranscript={showInTranscript}
          />
        ) : (
          <p className="rv-empty">Nothing matches these filters.</p>
        )}
      </div>
    );
  };

  return (
    <div className="rv" data-testid="disagreement-review">
      <ChoiceBar {...props} />
      {scope && (
        <ConsensusBar
          names={names}
          total={items?.length ?? null}
          status={status}
          started={!!consensus}
          busy={busy}
          onStart={() => void start()}
          onFinish={() => void finish()}
        />
      )}
      {!consensus && scope && items && items.length > 0 && (
        <p className="rv-hint meta">Start the consensus to decide these; until then you can look through them.</p>
      )}
      {body()}
      <p className="rv-keys meta" aria-hidden="true">
        <kbd>J</kbd>/<kbd>K</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> next/previous · <kbd>A</kbd> <kbd>B</kbd> <kbd>H</kbd> <kbd>D</kbd> decide · <kbd>S</kbd> adjust
        · <kbd>R</kbd> reason · <kbd>T</kbd> transcript · <kbd>Ctrl/Cmd+Z</kbd> undo
      </p>
    </div>
  );
}
