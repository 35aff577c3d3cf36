/**
 * The lists every panel shows (project, documents, code book, coders), re-read whenever
 * `version` moves, and the open document with the codings visible to this coder.
 */
import { useEffect, useState } from 'react';
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

/** Which coders' codings to ask for: mine, one other coder's, or all (undefined). */
export function codersToShow(show: Show, coder: string): string[] | undefined {
  if (show.kind === 'all') return undefined;
  if (show.kind === 'coder') return [show.name];
  return coder ? [coder] : [];
}

export function useOpenDocument(ws: Pick<Workspace, 'api' | 'run' | 'version' | 'viewer' | 'coder'>, open: string | null, show: Show) {
  const { api, run, version, viewer, coder } = ws;
  const [content, setContent] = useState<DocumentContentView | null>(null);
  const [codings, setCodings] = useState<CodingView[]>([]);
  const wanted = codersToShow(show, coder);
  const key = JSON.stringify(wanted ?? null);
  useEffect(() => {
    if (!open) return setContent(null);
    void run(api['documents.content']({ document: open })).then((c) => c && setContent(c));
  }, [api, run, open]);
  const reload = async () => {
    if (!open) return setCodings([]);
    if (wanted?.length === 0) return setCodings([]);
    const r = await run(api['codings.forDocument']({ document: open, ...(wanted && { coders: wanted }), ...(viewer && { viewer }) }));
    if (r) setCodings(r);
  };
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, open, version, viewer, key]);
  return { content, codings, setCodings, reload };
}
