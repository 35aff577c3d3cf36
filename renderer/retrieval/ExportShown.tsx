/**
 * Retrieval's "Export…" button: opens the themed excerpt export on exactly the segments the panel
 * shows (its code, sub-codes, coder, document, attribute and quote filters, down to the codings
 * listed), leaving template, format and attributions to choose. The dialog loads on first use.
 */
import { lazy, Suspense, useState } from 'react';
import type { SegmentView } from '../../shared/api/types.js';
import type { ExcerptPreset } from '../excerpts/choice.js';
import type { RetrievalFilter } from './request.js';

const ExcerptDialog = lazy(() => import('../excerpts/ExcerptDialog.js').then((m) => ({ default: m.ExcerptDialog })));

export function presetOf(filter: RetrievalFilter, segments: readonly SegmentView[], path: string): ExcerptPreset {
  const n = segments.length;
  return {
    codes: [filter.code],
    descendants: filter.descendants,
    ...(filter.coder && { coders: [filter.coder] }),
    ...(filter.document && { documents: [filter.document] }),
    ...(filter.attribute && filter.value && { where: { [filter.attribute]: filter.value } }),
    codings: segments.map((s) => s.guid),
    label: `The ${n === 1 ? 'segment' : `${n} segments`} shown in Retrieval: ${path}${filter.descendants ? ' and its sub-codes' : ''}.`,
  };
}

export function ExportShown({ filter, segments, path }: { filter: RetrievalFilter; segments: readonly SegmentView[]; path: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary retrieval-export" disabled={segments.length === 0} onClick={() => setOpen(true)}>
        Export these…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExcerptDialog onClose={() => setOpen(false)} preset={presetOf(filter, segments, path)} />
        </Suspense>
      )}
    </>
  );
}
