/**
 * Krippendorff's unitized family for a set of codes treated as one variable (for users who
 * group mutually exclusive codes): u-α, |uα, cu-α and Cu-α per category, pooled over the
 * documents compared (formulas in shared/agreement/unitized.ts).
 */
import { unitizedAlphaPooled, type CategorizedSpan } from '../../../shared/agreement/index.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementScope } from './data.js';

type Value = { value: number | null; reason?: string };

export interface UnitizedReport {
  unit: 'unitized';
  coders: [string, string];
  codes: string[];
  documentsCompared: string[];
  excluded: { document: string; reason: string }[];
  alphaU: Value;
  alphaBinaryU: Value;
  alphaCU: Value;
  perCategory: { code: string; alphaCu: Value }[];
}

const clean = (r: { value: number | null; reason?: string }): Value => ({
  value: r.value === null ? null : Math.round(r.value * 1e4) / 1e4,
  ...(r.value === null && r.reason && { reason: r.reason }),
});

export function unitizedReport(session: Session, scope: AgreementScope): UnitizedReport {
  const data = loadAgreementData(session, scope);
  const docs = data.documents.map((d) => {
    const a: CategorizedSpan[] = [];
    const b: CategorizedSpan[] = [];
    for (const cell of data.cells.filter((c) => c.document.id === d.id)) {
      for (const s of cell.a) a.push({ ...s, category: cell.code.path });
      for (const s of cell.b) b.push({ ...s, category: cell.code.path });
    }
    return { n: d.length, coders: [a, b] };
  });
  const family = unitizedAlphaPooled(docs);
  return {
    unit: 'unitized',
    coders: [data.coders[0].name, data.coders[1].name],
    codes: data.codes.map((c) => c.path),
    documentsCompared: data.documents.map((d) => d.name),
    excluded: data.excluded,
    alphaU: clean(family.u),
    alphaBinaryU: clean(family.binary),
    alphaCU: clean(family.coding),
    perCategory: family.perCategory.map((p) => ({ code: String(p.category), alphaCu: clean(p) })),
  };
}
