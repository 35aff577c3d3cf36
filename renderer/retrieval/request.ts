/** The retrieval panel's filter state and the API arguments it stands for. */
import type { ApiArgs } from '../../shared/api/contract.js';

export interface RetrievalFilter {
  /** The code's GUID; '' while none is chosen. */
  code: string;
  descendants: boolean;
  /** A coder's and a document's GUID; '' means every coder / document / attribute. */
  coder: string;
  document: string;
  attribute: string;
  value: string;
  /** Fuzzy text over the quotes (and memos), matched on the server. */
  find: string;
}

export const emptyFilter = (code: string | null): RetrievalFilter => ({
  code: code ?? '',
  descendants: true,
  coder: '',
  document: '',
  attribute: '',
  value: '',
  find: '',
});

/** Only set filters are sent, so the server's defaults (everyone, everywhere) apply otherwise. */
export function segmentsRequest(f: RetrievalFilter, viewer: string | undefined): ApiArgs<'retrieval.segments'> {
  const find = f.find.trim();
  return {
    code: f.code,
    descendants: f.descendants,
    ...(f.coder && { coders: [f.coder] }),
    ...(f.document && { documents: [f.document] }),
    ...(f.attribute && f.value && { where: { [f.attribute]: f.value } }),
    ...(viewer && { viewer }),
    ...(find && { find }),
  };
}
