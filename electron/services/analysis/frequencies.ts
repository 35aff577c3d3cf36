/**
 * Frequencies and prevalence per code (issue 11, point 1). The excerpt export's prevalence line
 * ("Coded in 20 of 34 interviews (59%)") comes from here too, so the signature stays stable:
 * `frequencies(session, scope)` with the GUID scope of ./scope.ts.
 */
import { prevalenceLine, share, tallyCodes } from '../../../shared/analysis/frequencies.js';
import type { FrequencyReport, FrequencyRow } from '../../../shared/analysis/types.js';
import type { CodeRecord } from '../../../shared/types.js';
import type { Session } from '../session.js';
import { loadAnalysisData, type AnalysisData, type AnalysisScope } from './scope.js';

export type { AnalysisScope, FrequencyReport, FrequencyRow };
export { prevalenceLine };

/** Depth of a code in the tree, from its path ("A/B" is 1). */
export const depthOf = (code: CodeRecord): number => code.path.split('/').length - 1;

export function frequenciesOf(data: AnalysisData): FrequencyReport {
  const tallies = tallyCodes(data.tree, data.codings, data.view.subcodes);
  const byCases = data.view.unit.kind === 'case';
  const rows = data.codes.map((code): FrequencyRow => {
    const t = tallies.get(code.id)!;
    const units = byCases ? t.cases : t.documents;
    return {
      codeGuid: code.guid,
      code: code.path,
      depth: depthOf(code),
      codings: t.codings,
      characters: t.characters,
      documents: t.documents,
      cases: t.cases,
      units,
      prevalence: share(units, data.view.unit.total),
    };
  });
  return { ...data.view, rows };
}

/** Per code: codings, characters, documents, cases and prevalence over the unit (cases or documents). */
export function frequencies(session: Session, scope: AnalysisScope = {}): FrequencyReport {
  return frequenciesOf(loadAnalysisData(session, scope));
}
