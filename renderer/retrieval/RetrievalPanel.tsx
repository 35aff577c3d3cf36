/** STUB — being written: the coded segments of a code, filtered, with jump to source. */
import type { CodeWithCounts } from '../../shared/api/types.js';

export interface RetrievalPanelProps {
  codes: CodeWithCounts[];
  coders: string[];
  documents: string[];
  /** The code to show first (the one selected in the code book). */
  code: string | null;
}

export function RetrievalPanel(_props: RetrievalPanelProps) {
  return <section aria-label="Retrieval" />;
}
