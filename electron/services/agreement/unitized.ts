/**
 * Krippendorff's unitized family for a set of codes treated as one variable (for users who
 * group mutually exclusive codes): u-α, |uα, cu-α and Cu-α per category, pooled over the
 * documents compared (formulas in shared/agreement/unitized.ts).
 */
import { unitizedAlphaPooled, type CategorizedSpan } from '../../../shared/agreement/index.js';
import { fail } from '../../../shared/errors.js';
import type { UnitizedReport, UnitizedValue } from '../../../shared/agreement/reports.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementScope } from './data.js';

type Value = UnitizedValue;
export type { UnitizedReport };

export const UNITIZED_LABELS: UnitizedReport['labels'] = {
  alphaU: 'u-α: boundaries and codes together (uncoded text is a value of its own)',
  alphaBinaryU: '|uα: coded with any of the chosen codes or not, codes ignored',
  alphaCU: 'cu-α: which code, only where both coders coded (boundaries ignored)',
  alphaCu: 'Cu-α: cu-α for one code',
};

const clean = (r: { value: number | null; reason?: string }): Value => ({
  value: r.value,
  ...(r.value === null && r.reason && { reason: r.reason }),
});

/** The unitized family needs codes that exclude each other: name the first overlap, in the user's words. */
function requireExclusive(spans: CategorizedSpan[], coder: string, document: string): void {
  const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  let reach: CategorizedSpan | undefined; // the span reaching furthest right so far
  for (const s of sorted) {
    if (reach && s.start < reach.end && s.category !== reach.category) {
      fail(
        'invalid_input',
        `--unitized treats the chosen codes as one variable, so they must not overlap: ${coder} coded "${reach.category}" [${reach.start},${reach.end}) and "${s.category}" [${s.start},${s.end}) in ${document}`,
      );
    }
    if (!reach || s.end > reach.end) reach = s;
  }
}

export function unitizedReport(session: Session, scope: AgreementScope): UnitizedReport {
  const data = loadAgreementData(session, scope);
  const docs = data.documents.map((d) => {
    const a: CategorizedSpan[] = [];
    const b: CategorizedSpan[] = [];
    for (const cell of data.cells.filter((c) => c.document.id === d.id)) {
      for (const s of cell.a) a.push({ ...s, category: cell.code.path });
      for (const s of cell.b) b.push({ ...s, category: cell.code.path });
    }
    requireExclusive(a, data.coders[0].name, d.name);
    requireExclusive(b, data.coders[1].name, d.name);
    return { n: d.length, coders: [a, b] };
  });
  const family = unitizedAlphaPooled(docs);
  const overall = { alphaU: clean(family.u), alphaBinaryU: clean(family.binary), alphaCU: clean(family.coding) };
  return {
    unit: 'unitized',
    coders: [data.coders[0].name, data.coders[1].name],
    codes: data.codes.map((c) => c.path),
    documentsCompared: data.documents.map((d) => d.name),
    excluded: data.excluded,
    ...overall,
    perCategory: family.perCategory.map((p) => ({ code: String(p.category), alphaCu: clean(p) })),
    overall,
    labels: UNITIZED_LABELS,
  };
}
