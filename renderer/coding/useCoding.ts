/**
 * Coding actions on the open document: apply (pinned key, picker, click, drop), in vivo, remove,
 * resize. Each shows its result at once (an optimistic coding, painted in the same frame), then
 * replaces it with what the project stored — merged with a touching coding of the same code,
 * if any — or takes it back with the error shown. The write's answer (the stored coding and its
 * counts) is all that comes back: nothing is re-read (coding-writes.ts folds it in).
 */
import { useCallback } from 'react';
import type { CodeWithCounts, CodingView } from '../../shared/api/types.js';
import { snapToWords } from '../../shared/text/snap.js';
import type { OffsetSpan } from '../transcript/selection.js';
import type { Workspace } from '../workspace/context.js';
import type { CodingWrite } from './coding-writes.js';

export interface CodingTarget {
  /** GUID of the open document. */
  document: string | null;
  text: string;
  /** The selection as last reported by the transcript, read when an action runs (not at render). */
  selection(): { span: OffsetSpan; exact: boolean } | null;
  setCodings(update: (c: CodingView[]) => CodingView[]): void;
  /** Takes in a stored write: the document's codings and every count it moved. */
  settle(write: CodingWrite): void;
}

/** Resolves once the next frame has been painted, or after 100 ms when no frame comes (a hidden window); at once without frames (jsdom). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), done()), 0));
  });
}

export function useCoding(ws: Workspace, t: CodingTarget) {
  const { api, coder, coderName, run, report, changed } = ws;
  const { document: doc, text, selection, setCodings, settle } = t;

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
      // The answer can come back before the frame that shows the optimistic coding: it waits
      // until that frame is painted, so a keypress is on screen in one frame, not two.
      await afterNextPaint();
      if (!r) setCodings((c) => c.filter((x) => x !== pending));
      else settle({ kind: 'stored', result: r, replaced: pending });
      return r?.guid;
    },
    [spanToCode, doc, coder, coderName, setCodings, run, api, settle],
  );

  /** In vivo: a new top-level code named by the selected words (trimmed, at most 80 characters). */
  const inVivo = useCallback(async () => {
    const span = spanToCode();
    if (!span) return;
    const name = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim().slice(0, 80);
    const code = await run(api['codebook.create']({ parent: null, name }));
    if (!code) return;
    await apply(code);
    // A new code: the code book is read again.
    changed();
  }, [spanToCode, text, run, api, apply, changed]);

  const createAndApply = useCallback(
    async (name: string) => {
      const code = await run(api['codebook.create']({ parent: null, name }));
      if (!code) return;
      await apply(code);
      changed();
    },
    [run, api, apply, changed],
  );

  const remove = useCallback(
    async (guid: string) => {
      let gone: CodingView | undefined;
      setCodings((c) => {
        gone = c.find((x) => x.guid === guid) ?? gone;
        return c.filter((x) => x.guid !== guid);
      });
      const done = await run(api['codings.remove']({ guid }));
      if (done === undefined) {
        // Refused: the coding is still there.
        if (gone) setCodings((c) => (c.some((x) => x.guid === guid) ? c : [...c, gone!]));
      } else if (gone && doc) settle({ kind: 'removed', coding: gone, document: doc });
    },
    [setCodings, run, api, settle, doc],
  );

  const resize = useCallback(
    async (guid: string, span: OffsetSpan, exact: boolean) => {
      const s = exact ? span : snapToWords(text, span);
      if (s.start >= s.end) return undefined;
      let old: CodingView | undefined;
      setCodings((c) =>
        c.map((x) => {
          if (x.guid !== guid) return x;
          old ??= x;
          return { ...x, ...s };
        }),
      );
      const r = await run(api['codings.resize']({ guid, ...s }));
      if (r) settle({ kind: 'stored', result: r, ...(old && { replaced: old }) });
      else if (old) setCodings((c) => c.map((x) => (x.guid === guid ? old! : x)));
      return r?.guid;
    },
    [text, setCodings, run, api, settle],
  );

  return { apply, inVivo, createAndApply, remove, resize };
}
