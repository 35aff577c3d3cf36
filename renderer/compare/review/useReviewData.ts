/**
 * What the review reads: the disagreements of the chosen pair, the consensus status (decisions,
 * stale ones, progress), and per document its text (read once) and the codings of A, B and the
 * consensus coder (re-read after a change). Everything is held here so that stepping through the
 * queue never waits for a call.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsensusStatus, Disagreement } from '../../../shared/agreement/reports.js';
import type { CoderWithCounts, CodingView } from '../../../shared/api/types.js';
import { useWorkspace } from '../../workspace/context.js';
import { pairScope, type CompareChoice } from '../choice.js';

export type Scope = NonNullable<ReturnType<typeof pairScope>>;

export interface DocData {
  text: string;
  /** Codings of A, B and the consensus coder, or null until read. */
  codings: CodingView[] | null;
}

/** The consensus coder of exactly this pair (A, B in this order), if one was started. */
export function consensusCoderOf(coders: readonly CoderWithCounts[], a: string | null, b: string | null): CoderWithCounts | null {
  return coders.find((c) => c.consensusOf?.[0] === a && c.consensusOf?.[1] === b) ?? null;
}

export function useReviewData(choice: CompareChoice, coders: readonly CoderWithCounts[]) {
  const { api, run, version } = useWorkspace();
  const scope = pairScope(choice);
  const scopeKey = JSON.stringify(scope);
  const consensus = consensusCoderOf(coders, choice.a, choice.b);
  const [items, setItems] = useState<Disagreement[] | null>(null);
  const [status, setStatus] = useState<ConsensusStatus | null>(null);
  const [loaded, setLoaded] = useState(0);
  const texts = useRef(new Map<string, string>());
  const codings = useRef(new Map<string, CodingView[]>());
  const pending = useRef(new Set<string>());
  const ownChange = useRef(false);
  const codersKey = [choice.a, choice.b, consensus?.guid].join('|');

  useEffect(() => {
    if (!scope) return setItems(null);
    // A decision made here already brought its status; the disagreements between A and B are unchanged.
    if (ownChange.current) {
      ownChange.current = false;
      return;
    }
    let current = true;
    const s = JSON.parse(scopeKey) as Scope;
    void run(Promise.all([api['agreement.disagreements'](s), consensus ? api['consensus.status']({ ...s, brief: true }) : Promise.resolve(null)])).then((r) => {
      if (!current || !r) return;
      setItems(r[0]);
      setStatus(r[1]);
    });
    return () => {
      current = false;
    };
    // Codings may have moved with any change: read them again when next needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, run, scopeKey, consensus?.guid, version]);

  useEffect(() => {
    codings.current.clear();
    setLoaded((n) => n + 1);
  }, [version, codersKey]);

  /** Reads a document's text (once) and its codings (after each change), then renders again. */
  const ensure = useCallback(
    (doc: string) => {
      if (pending.current.has(doc) || (texts.current.has(doc) && codings.current.has(doc))) return;
      const who = [choice.a, choice.b, consensus?.guid].filter((g): g is string => !!g);
      pending.current.add(doc);
      const text = texts.current.has(doc) ? Promise.resolve(null) : api['documents.content']({ document: doc });
      void run(Promise.all([text, api['codings.forDocument']({ document: doc, coders: who })])).then((r) => {
        pending.current.delete(doc);
        if (!r) return;
        if (r[0]) texts.current.set(doc, r[0].text);
        codings.current.set(doc, r[1]);
        setLoaded((n) => n + 1);
      });
    },
    [api, run, choice.a, choice.b, consensus?.guid],
  );

  const docData = (doc: string): DocData | null => {
    const text = texts.current.get(doc);
    return text === undefined ? null : { text, codings: codings.current.get(doc) ?? null };
  };

  /** After a decision: the consensus coder's codings of that document are read again. */
  const invalidate = useCallback((doc: string) => {
    codings.current.delete(doc);
    setLoaded((n) => n + 1);
  }, []);

  /** Call before `changed()` after a decision: the workspace re-reads, this view need not. */
  const markOwnChange = useCallback(() => {
    ownChange.current = true;
  }, []);

  return { scope, consensus, items, status, setStatus, ensure, docData, invalidate, loaded, markOwnChange };
}
