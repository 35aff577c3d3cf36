/**
 * Coding actions on the open document: apply (pinned key, picker, click, drop), in vivo, remove,
 * resize. Each shows its result at once (an optimistic coding, painted in the same frame), then
 * replaces it with what the project stored — merged with a touching coding of the same code,
 * if any — or takes it back with the error shown.
 */
import { useCallback } from 'react';
import type { CodeWithCounts, CodingView } from '../../shared/api/types.js';
import { snapToWords } from '../../shared/text/snap.js';
import type { OffsetSpan } from '../transcript/selection.js';
import type { Workspace } from '../workspace/context.js';

export interface CodingTarget {
  /** GUID of the open document. */
  document: string | null;
  text: string;
  /** The selection as last reported by the transcript, read when an action runs (not at render). */
  selection(): { span: OffsetSpan; exact: boolean } | null;
  setCodings(update: (c: CodingView[]) => CodingView[]): void;
  /** Re-reads the document's codings and every count. */
  refresh(): Promise<void>;
}

export function useCoding(ws: Workspace, t: CodingTarget) {
  const { api, coder, coderName, run, report } = ws;
  const { document: doc, text, selection, setCodings, refresh } = t;

  const spanToCode = useCallback((): OffsetSpan | null => {
    const chosen = selection();
    if (!doc || !chosen) {
      report('Select some text in the transcript first, then choose a code.');
      return null;
    }
    if (!coder) {
      report('Choose who is coding first (Coding as …, at the top).');
      return null;
    }
    const span = chosen.exact ? chosen.span : snapToWords(text, chosen.span);
    return span.start < span.end ? span : null;
  }, [doc, selection, coder, text, report]);

  const apply = useCallback(
    async (code: Pick<CodeWithCounts, 'guid' | 'path' | 'color'>) => {
      const span = spanToCode();
      if (!span || !doc) return undefined;
      const pending: CodingView = {
        guid: `pending-${code.guid}-${span.start}`,
        codeGuid: code.guid,
        code: code.path,
        color: code.color,
        coderGuid: coder,
        coder: coderName,
        ...span,
        memo: null,
      };
      setCodings((c) => [...c, pending]);
      window.getSelection()?.removeAllRanges();
      const r = await run(api['codings.apply']({ document: doc, code: code.guid, coder, ...span }));
      if (!r) setCodings((c) => c.filter((x) => x !== pending));
      await refresh();
      return r?.guid;
    },
    [spanToCode, doc, coder, coderName, setCodings, run, api, refresh],
  );

  /** In vivo: a new top-level code named by the selected words (trimmed, at most 80 characters). */
  const inVivo = useCallback(async () => {
    const span = spanToCode();
    if (!span) return;
    const name = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim().slice(0, 80);
    const code = await run(api['codebook.create']({ parent: null, name }));
    if (code) await apply(code);
  }, [spanToCode, text, run, api, apply]);

  const createAndApply = useCallback(
    async (name: string) => {
      const code = await run(api['codebook.create']({ parent: null, name }));
      if (code) await apply(code);
    },
    [run, api, apply],
  );

  const remove = useCallback(
    async (guid: string) => {
      setCodings((c) => c.filter((x) => x.guid !== guid));
      await run(api['codings.remove']({ guid }));
      await refresh();
    },
    [setCodings, run, api, refresh],
  );

  const resize = useCallback(
    async (guid: string, span: OffsetSpan, exact: boolean) => {
      const s = exact ? span : snapToWords(text, span);
      if (s.start >= s.end) return undefined;
      setCodings((c) => c.map((x) => (x.guid === guid ? { ...x, ...s } : x)));
      const r = await run(api['codings.resize']({ guid, ...s }));
      await refresh();
      return r?.guid;
    },
    [text, setCodings, run, api, refresh],
  );

  return { apply, inVivo, createAndApply, remove, resize };
}
