/**
 * The lists every panel shows (project, documents, code book, coders), re-read whenever
 * `version` moves, and the open document with the codings visible to this coder.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeWithCounts, CoderWithCounts, CodingView, DocumentContentView, DocumentListItem, ProjectInfoView } from '../../shared/api/types.js';
import type { Show } from './CoderBar.js';
import type { Workspace } from './context.js';

export function useProjectLists(ws: Pick<Workspace, 'api' | 'run' | 'version'>) {
  const { api, run, version } = ws;
  const [info, setInfo] = useState<ProjectInfoView | null>(null);
  const [docs, setDocs] = useState<DocumentListItem[]>([]);
  const [codes, setCodes] = useState<CodeWithCounts[]>([]);
  const [coders, setCoders] = useState<CoderWithCounts[]>([]);
  useEffect(() => {
    void run(Promise.all([api['project.info'](), api['documents.list'](), api['codebook.list'](), api['coders.list']()])).then((r) => {
      if (!r) return;
      setInfo(r[0]);
      setDocs(r[1]);
      setCodes(r[2]);
      setCoders(r[3]);
    });
  }, [api, run, version]);
  return { info, docs, codes, coders };
}

/** Which coders' codings to ask for (GUIDs): mine, one other coder's, or all (undefined). */
export function codersToShow(show: Show, coder: string): string[] | undefined {
  if (show.kind === 'all') return undefined;
  if (show.kind === 'coder') return [show.guid];
  return coder ? [coder] : [];
}

/** `open`: the GUID of the document shown. */
export function useOpenDocument(ws: Pick<Workspace, 'api' | 'run' | 'version' | 'viewer' | 'coder'>, open: string | null, show: Show) {
  const { api, run, version, viewer, coder } = ws;
  const [view, setView] = useState<{ content: DocumentContentView | null; codings: CodingView[] }>({ content: null, codings: [] });
  const wanted = codersToShow(show, coder);
  const key = JSON.stringify(wanted ?? null);
  const codingsOf = (doc: string) =>
    wanted?.length === 0 ? Promise.resolve([]) : api['codings.forDocument']({ document: doc, ...(wanted && { coders: wanted }), ...(viewer && { viewer }) });
  // A new document: its text and codings arrive together, so the view is built once, not twice.
  useEffect(() => {
    if (!open) return setView({ content: null, codings: [] });
    let current = true;
    void run(Promise.all([api['documents.content']({ document: open }), codingsOf(open)])).then(
      (r) => current && r && setView({ content: r[0], codings: r[1] }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, run, open]);
  // Stable between renders, so the callbacks built on it (and the panels given them) stay still.
  const reload = useCallback(async () => {
    if (!open) return;
    const r = await run(codingsOf(open));
    if (r) setView((v) => (v.content?.guid === open ? { ...v, codings: r } : v));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, run, open, key, viewer]);
  const first = useRef(true);
  useEffect(() => {
    // Codings again when something changed, or whose codings are shown did (not on first open).
    if (first.current) return void (first.current = false);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, viewer, key]);
  const setCodings = useCallback((update: (c: CodingView[]) => CodingView[]) => setView((v) => ({ ...v, codings: update(v.codings) })), []);
  return { content: view.content, codings: view.codings, setCodings, reload };
}
