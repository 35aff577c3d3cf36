/**
 * The lists every panel shows (project, documents, code book, coders), re-read whenever
 * `version` moves, and the open document with the codings visible to this coder.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeWithCounts, CoderWithCounts, CodingView, DocumentContentView, DocumentListItem, ProjectInfoView } from '../../shared/api/types.js';
import { codersAfter, codesAfter, docsAfter, infoAfter, type CodingWrite } from '../coding/coding-writes.js';
import { activeCoder } from './active-coder.js';
import type { Show } from './CoderBar.js';
import type { Workspace } from './context.js';

/**
 * `show` and the remembered coder (`stored`) decide whose codings the code book counts: the same
 * coders the transcript shows, re-read when Show changes.
 */
export function useProjectLists(ws: Pick<Workspace, 'api' | 'run' | 'version'>, show: Show, stored: string) {
  const { api, run, version } = ws;
  const [info, setInfo] = useState<ProjectInfoView | null>(null);
  const [docs, setDocs] = useState<DocumentListItem[]>([]);
  const [codes, setCodes] = useState<CodeWithCounts[]>([]);
  const [coders, setCoders] = useState<CoderWithCounts[]>([]);
  const scope = (list: readonly CoderWithCounts[]) => {
    const me = activeCoder(list, stored)?.guid ?? '';
    const wanted = codersToShow(show, me);
    return { ...(wanted && { coders: wanted }), ...(me && { viewer: me }) };
  };
  // The effects read the latest scope without re-running for it (the key below does that).
  const scopeNow = useRef(scope);
  scopeNow.current = scope;
  // The scope the code book was last read with, so the same one is not asked for twice.
  const loaded = useRef('');
  useEffect(() => {
    let live = true;
    const lists = Promise.all([api['project.info'](), api['documents.list'](), api['coders.list']()]);
    // The code book waits for the coders: who "mine" is comes from them.
    const withCodes = lists.then(async (r) => {
      const args = scopeNow.current(r[2]);
      return [...r, await api['codebook.list'](args), JSON.stringify(args)] as const;
    });
    void run(withCodes).then((r) => {
      if (!live || !r) return;
      loaded.current = r[4];
      setInfo(r[0]);
      setDocs(r[1]);
      setCoders(r[2]);
      setCodes(r[3]);
    });
    return () => {
      live = false;
    };
  }, [api, run, version]);
  const key = JSON.stringify(scope(coders));
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    if (key === loaded.current) return;
    let live = true;
    void run(api['codebook.list'](JSON.parse(key))).then((r) => {
      if (!live || !r) return;
      loaded.current = key;
      setCodes(r);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // A coding write moves counts only: folded in from its answer, nothing is re-read.
  const docsNow = useRef(docs);
  docsNow.current = docs;
  const takeWrite = useCallback((w: CodingWrite, counted: (coder: string) => boolean) => {
    const before = docsNow.current;
    setCoders((c) => codersAfter(c, w, before));
    setDocs((d) => docsAfter(d, w));
    setCodes((c) => codesAfter(c, w, counted));
    setInfo((i) => infoAfter(i, w));
  }, []);
  return { info, docs, codes, coders, takeWrite };
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
