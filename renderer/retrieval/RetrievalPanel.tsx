/** The coded segments of a code, filtered by coder, document, case attribute and quote text, with jump to source. */
import { useEffect, useMemo, useState } from 'react';
import type { CasesView, CodeWithCounts, Named, SegmentView } from '../../shared/api/types.js';
import { onCodingWrite } from '../coding/coding-events.js';
import { touchedCodes } from '../coding/coding-writes.js';
import { useWorkspace } from '../workspace/context.js';
import { whoseCodings } from '../workspace/whose.js';
import { attributeValues, countLine } from './group.js';
import { RetrievalFilters } from './RetrievalFilters.js';
import { emptyFilter, segmentsRequest, type RetrievalFilter } from './request.js';
import { ExportShown } from './ExportShown.js';
import { SegmentList } from './SegmentList.js';
import './retrieval.css';

export interface RetrievalPanelProps {
  codes: CodeWithCounts[];
  coders: readonly Named[];
  documents: readonly Named[];
  /** The GUID of the code to show first (the one selected in the code book). */
  code: string | null;
  /** The coder (GUID) whose codings the workspace shows ('' = all): the coder filter starts there and follows Show. */
  shown?: string;
  /** Milliseconds to wait after typing in the quote box before asking again. */
  findDelay?: number;
}

/** The value once it has stopped changing for `ms` (typing in the quote box should not fire a call per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) return setSettled(value);
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}

export function RetrievalPanel({ codes, coders, documents, code, shown = '', findDelay = 250 }: RetrievalPanelProps) {
  const { api, run, viewer, coder: me, version, openDocument } = useWorkspace();
  const [filter, setFilter] = useState<RetrievalFilter>(() => ({ ...emptyFilter(code), coder: shown }));
  const [cases, setCases] = useState<CasesView>();
  const [segments, setSegments] = useState<SegmentView[] | null>(null);

  // A code chosen in the code book takes over; the other filters stay.
  useEffect(() => {
    if (code) setFilter((f) => (f.code === code ? f : { ...f, code }));
  }, [code]);
  // A new Show sets the coder filter again (it can still be changed here).
  useEffect(() => setFilter((f) => (f.coder === shown ? f : { ...f, coder: shown })), [shown]);

  useEffect(() => {
    let live = true;
    void run(api['cases.list']()).then((c) => {
      if (live && c) setCases(c);
    });
    return () => {
      live = false;
    };
  }, [api, run, version]);

  const find = useSettled(filter.find, findDelay);
  // A string key, so an unchanged request (e.g. a re-render) does not ask again.
  const key = filter.code ? JSON.stringify(segmentsRequest({ ...filter, find }, viewer)) : '';

  // A coding write re-reads the segments only when it touched the code shown or one under it.
  const [written, setWritten] = useState(0);
  const chosen = codes.find((c) => c.guid === filter.code)?.path;
  useEffect(() => {
    if (!chosen) return;
    const paths = new Map(codes.map((c) => [c.guid, c.path]));
    return onCodingWrite((w) => {
      const hit = touchedCodes(w).some((g) => {
        const p = paths.get(g);
        return p === chosen || !!p?.startsWith(`${chosen}/`);
      });
      if (hit) setWritten((n) => n + 1);
    });
  }, [codes, chosen]);

  useEffect(() => {
    if (!key) return setSegments(null);
    let live = true;
    void run(api['retrieval.segments'](JSON.parse(key))).then((r) => {
      // Only the latest request's answer is shown, whatever order answers arrive in.
      if (live && r) setSegments(r);
    });
    return () => {
      live = false;
    };
  }, [api, run, key, version, written]);

  const attributes = useMemo(() => attributeValues(cases), [cases]);
  const chosenPath = codes.find((c) => c.guid === filter.code)?.path ?? null;

  return (
    <section className="retrieval" aria-label="Retrieval">
      <h2>Retrieval</h2>
      <RetrievalFilters filter={filter} onChange={setFilter} codes={codes} coders={coders} documents={documents} attributes={attributes} />
      <p className="retrieval-count" role="status">
        {!filter.code
          ? 'Choose a code to see its coded segments.'
          : segments
            ? `${countLine(segments)}, counting ${whoseCodings(filter.coder, me, coders)}`
            : 'Loading…'}
      </p>
      {filter.code && segments && (
        <SegmentList
          segments={segments}
          within={filter.descendants ? chosenPath : null}
          onOpen={(s) => openDocument(s.documentGuid, { start: s.start, end: s.end })}
        />
      )}
      {filter.code && segments && segments.length > 0 && (
        <div className="retrieval-foot">
          <ExportShown filter={filter} segments={segments} path={chosenPath ?? ''} />
        </div>
      )}
    </section>
  );
}
