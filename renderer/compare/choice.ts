/**
 * What a comparison is of: two coders (A first), a unit, and the codes and documents in scope.
 * The dashboard, the disagreement review and the report export all read the same choice, so
 * switching coders or unit in one place changes every part of the Compare coders view.
 */
import type { AgreementUnit } from '../../shared/agreement/reports.js';
import type { CoderWithCounts, CodeWithCounts, DocumentListItem } from '../../shared/api/types.js';

export interface CompareChoice {
  /** Coder GUIDs; null until chosen. */
  a: string | null;
  b: string | null;
  unit: AgreementUnit;
  /** Segment unit: minimum overlap |A∩B| / |A∪B| in percent. */
  overlap: number;
  /** Code GUIDs in scope; empty = every code. */
  codes: string[];
  /** Document GUIDs in scope; empty = every document both coded. */
  documents: string[];
}

export const FIRST_CHOICE: CompareChoice = { a: null, b: null, unit: 'character', overlap: 90, codes: [], documents: [] };

/** The pair and scope as the agreement, disagreement and consensus calls take them; null until two coders are chosen. */
export function pairScope(c: CompareChoice): { coders: [string, string]; codes?: string[]; documents?: string[] } | null {
  if (!c.a || !c.b || c.a === c.b) return null;
  return { coders: [c.a, c.b], ...(c.codes.length > 0 && { codes: c.codes }), ...(c.documents.length > 0 && { documents: c.documents }) };
}

/** What every part of the view receives. */
export interface ComparePartProps {
  choice: CompareChoice;
  onChoice(c: CompareChoice): void;
  coders: readonly CoderWithCounts[];
  codes: readonly CodeWithCounts[];
  docs: readonly DocumentListItem[];
}
