/** What the analysis view offers to choose from: coders (consensus ones marked) and case attributes. */
import { listAttributes } from '../../../db/queries/cases.js';
import type { AnalysisOptions } from '../../../shared/analysis/types.js';
import { coderCounts } from '../counts.js';
import type { Session } from '../session.js';
import { loadAnalysisData } from './scope.js';

export function analysisOptions(session: Session): AnalysisOptions {
  const { db } = session.project;
  const coders = coderCounts(session).map((c) => ({ guid: c.guid, name: c.name, consensus: c.consensusOf !== undefined, codings: c.codings }));
  const attributes = listAttributes(db).map((a) => ({ guid: a.guid, name: a.name, type: a.type }));
  // Which unit: the same rule the reports follow, over every document (no coder needed).
  const unit = loadAnalysisData(session, { coders: [] }).view.unit.kind;
  return { coders, attributes, unit };
}
