/** Document presence as the unit: per code, did each coder use it anywhere in each document. */
import type { PresenceReport } from '../../../shared/agreement/reports.js';
import type { Session } from '../session.js';
import { binaryStats } from './binary-units.js';
import { loadAgreementData, type AgreementScope } from './data.js';

export type { PresenceReport };

export const PRESENCE_LABELS: PresenceReport['labels'] = {
  unit: 'document: did the coder use the code anywhere in it',
  percentAgreement: 'percent agreement: share of documents where both or neither coder used the code (0–100)',
  kappa: "Cohen's κ over documents",
  alpha: "Krippendorff's α (nominal) over documents",
  pooled: 'overall, pooled: every code × document decision in one table',
};

export function presenceReport(session: Session, scope: AgreementScope): PresenceReport {
  const data = loadAgreementData(session, scope);
  const all: [boolean, boolean][] = [];
  const codes = data.codes.map((code) => {
    const cells = data.cells.filter((c) => c.code.id === code.id);
    const decisions = cells.map((c) => [c.a.length > 0, c.b.length > 0] as [boolean, boolean]);
    all.push(...decisions);
    return {
      code: code.path,
      usedByA: cells.filter((c) => c.a.length > 0).map((c) => c.document.name),
      usedByB: cells.filter((c) => c.b.length > 0).map((c) => c.document.name),
      ...binaryStats(decisions),
    };
  });
  return {
    unit: 'document',
    coders: [data.coders[0].name, data.coders[1].name],
    documentsCompared: data.documents.map((d) => d.name),
    excluded: data.excluded,
    codes,
    overall: { pooled: binaryStats(all) },
    labels: PRESENCE_LABELS,
  };
}
