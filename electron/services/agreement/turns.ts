/**
 * Speaker turn as the unit: a turn counts as coded with a code by a coder if any character of
 * it is. Per code: per document and pooled over all turns of the documents compared.
 */
import type { TurnReport } from '../../../shared/agreement/reports.js';
import type { Span, Turn } from '../../../shared/types.js';
import type { Session } from '../session.js';
import { addCounts, binaryStatsFromCounts, countDecision, noCounts } from './binary-units.js';
import { loadAgreementData, type AgreementScope } from './data.js';

export type { TurnReport };

export const TURN_LABELS: TurnReport['labels'] = {
  unit: 'speaker turn: coded with a code by a coder if any character of it is',
  percentAgreement: 'percent agreement: share of turns both coders coded or both left uncoded (0–100)',
  kappa: "Cohen's κ over turns",
  alpha: "Krippendorff's α (nominal) over turns",
  pooled: 'pooled: the turns of all documents compared in one table (every turn weighs the same)',
};

/** Which turns any span touches: both lists sorted, one merge-like pass. */
export function turnsTouched(turns: readonly Turn[], spans: readonly Span[]): boolean[] {
  const hit = turns.map(() => false);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const s of sorted) {
    while (t < turns.length && turns[t]!.end <= s.start) t += 1;
    for (let k = t; k < turns.length && turns[k]!.start < s.end; k += 1) hit[k] = true;
  }
  return hit;
}

export function turnReport(session: Session, scope: AgreementScope): TurnReport {
  const data = loadAgreementData(session, scope);
  const withTurns = data.documents.filter((d) => data.turnsOf(d.id).length > 0);
  const excluded = [
    ...data.excluded,
    ...data.documents.filter((d) => !withTurns.includes(d)).map((d) => ({ document: d.name, reason: 'no speaker turns were detected in it' })),
  ];
  const codes: TurnReport['codes'] = [];
  // Each table is kept as its four counts (see binary-units.ts), summed for the pooled rows.
  const all = noCounts();
  const compared = new Set(withTurns);
  for (const code of data.codes) {
    const rows: TurnReport['codes'][number]['documents'] = [];
    const pooled = noCounts();
    for (const cell of data.cells.filter((c) => c.code.id === code.id && compared.has(c.document))) {
      const turns = data.turnsOf(cell.document.id);
      const a = turnsTouched(turns, cell.a);
      const b = turnsTouched(turns, cell.b);
      const counts = noCounts();
      for (let i = 0; i < turns.length; i += 1) countDecision(counts, a[i]!, b[i]!);
      addCounts(pooled, counts);
      rows.push({ document: cell.document.name, ...binaryStatsFromCounts(counts) });
    }
    addCounts(all, pooled);
    codes.push({ code: code.path, documents: rows, pooled: binaryStatsFromCounts(pooled) });
  }
  return {
    unit: 'turn',
    coders: [data.coders[0].name, data.coders[1].name],
    documentsCompared: withTurns.map((d) => d.name),
    excluded,
    codes,
    overall: { pooled: binaryStatsFromCounts(all) },
    labels: TURN_LABELS,
  };
}
