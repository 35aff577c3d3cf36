/**
 * Cross-tabs by case attribute (issue 11, point 3): codes × the values of one attribute, as the
 * cases with that value that have a coding, their share of the cases with that value, and codings.
 */
import { allCaseValues, listAttributes } from '../../../db/queries/cases.js';
import { crosstab as crosstabCounts } from '../../../shared/analysis/crosstab.js';
import type { CrosstabReport } from '../../../shared/analysis/types.js';
import { fail } from '../../../shared/errors.js';
import type { Session } from '../session.js';
import { depthOf } from './frequencies.js';
import { loadAnalysisData, type AnalysisData, type AnalysisScope } from './scope.js';

export const NO_VALUE_LABEL = '(no value)';

export interface AttributeColumns {
  attribute: { id: number; guid: string; name: string };
  columns: CrosstabReport['columns'];
  columnOf(caseId: number): number;
}

/** The attribute's values among the cases in scope, in order (numbers by size), "(no value)" last. */
export function attributeColumns(session: Session, data: AnalysisData, attributeGuid: string): AttributeColumns {
  const { db } = session.project;
  const all = listAttributes(db);
  const attribute = all.find((a) => a.guid === attributeGuid.trim());
  if (!attribute)
    fail('not_found', `no case attribute with GUID ${attributeGuid} in this project (attributes: ${all.map((a) => a.name).join(', ') || 'none'})`);
  if (data.view.unit.kind !== 'case')
    fail('invalid_input', 'cross-tabs need cases: no document in scope belongs to a case (set them with: marginalia doc case)');
  const valueOf = new Map<number, string>();
  for (const v of allCaseValues(db)) if (v.attributeId === attribute.id) valueOf.set(v.caseId, v.value);
  const values = [...new Set(data.caseIds.map((c) => valueOf.get(c)).filter((v): v is string => v !== undefined))];
  values.sort(attribute.type === 'number' ? (a, b) => Number(a) - Number(b) : (a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const hasMissing = data.caseIds.some((c) => !valueOf.has(c));
  const column = new Map(values.map((v, i) => [v, i]));
  const columnOf = (caseId: number) => {
    const v = valueOf.get(caseId);
    return v === undefined ? values.length : column.get(v)!;
  };
  const counts = new Array<number>(values.length + (hasMissing ? 1 : 0)).fill(0);
  for (const c of data.caseIds) counts[columnOf(c)]! += 1;
  const columns = values.map((v, i) => ({ value: v as string | null, label: v, cases: counts[i]! }));
  if (hasMissing) columns.push({ value: null, label: NO_VALUE_LABEL, cases: counts[values.length]! });
  return { attribute: { id: attribute.id, guid: attribute.guid, name: attribute.name }, columns, columnOf };
}

export function crosstabOf(session: Session, data: AnalysisData, attributeGuid: string): CrosstabReport {
  const cols = attributeColumns(session, data, attributeGuid);
  const counts = crosstabCounts(data.tree, data.codings, data.caseIds, cols.columnOf, cols.columns.length, data.view.subcodes);
  return {
    ...data.view,
    attribute: { guid: cols.attribute.guid, name: cols.attribute.name },
    columns: cols.columns,
    rows: data.codes.map((code) => ({ codeGuid: code.guid, code: code.path, depth: depthOf(code), cells: counts.cells.get(code.id)! })),
  };
}

export function crosstab(session: Session, scope: AnalysisScope, attributeGuid: string): CrosstabReport {
  return crosstabOf(session, loadAnalysisData(session, scope), attributeGuid);
}
