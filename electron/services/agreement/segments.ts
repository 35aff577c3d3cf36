/**
 * Segment level with an overlap threshold (the MAXQDA "segment agreement"): a coder's segment
 * of a code (a union component of their spans of that code) counts as matched when the other
 * coder gave the same code to a segment overlapping it by at least P % — overlap measured as
 * |A ∩ B| / |A ∪ B| of the two segments, so a short segment inside a long one does not match.
 * Segments are counted from both coders' sides.
 *   percent agreement = 100 · matched / (matched + unmatched)
 *   Brennan–Prediger κ = (p_o − 1/q) / (1 − 1/q),  p_o = matched / all segments,
 * with q the number of codes compared in the report (at least 2): MAXQDA's choice of chance
 * agreement for segment comparisons (Brennan & Prediger 1981, "Coefficient kappa: some uses,
 * misuses, and alternatives", Educ. Psychol. Meas. 41).
 */
import { unionSpans } from '../../../shared/agreement/index.js';
import type { SegmentCounts, SegmentReport } from '../../../shared/agreement/reports.js';
import type { Span } from '../../../shared/types.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementScope } from './data.js';

export type { SegmentCounts, SegmentReport };

/** |s ∩ t| / |s ∪ t| for two spans. */
export function overlapRatio(s: Span, t: Span): number {
  const inter = Math.max(0, Math.min(s.end, t.end) - Math.max(s.start, t.start));
  const union = Math.max(s.end, t.end) - Math.min(s.start, t.start);
  return union > 0 ? inter / union : 0;
}

/** How many of `mine` have a partner in `theirs` overlapping by ≥ threshold (both sorted). */
function countMatched(mine: Span[], theirs: Span[], threshold: number): number {
  let matched = 0;
  let j = 0;
  for (const s of mine) {
    while (j < theirs.length && theirs[j]!.end <= s.start) j += 1;
    for (let k = j; k < theirs.length && theirs[k]!.start < s.end; k += 1) {
      if (overlapRatio(s, theirs[k]!) >= threshold) {
        matched += 1;
        break;
      }
    }
  }
  return matched;
}

export function segmentStats(c: Pick<SegmentCounts, 'segmentsA' | 'segmentsB' | 'matchedA' | 'matchedB'>, q: number): SegmentCounts {
  const matched = c.matchedA + c.matchedB;
  const total = c.segmentsA + c.segmentsB;
  const base = { ...c, matched, unmatched: total - matched };
  if (total === 0) {
    const reason = 'neither coder applied this code here: there are no segments to compare';
    return { ...base, percentAgreement: null, kappaBP: null, reasons: { percentAgreement: reason, kappaBP: reason } };
  }
  const po = matched / total;
  const pc = 1 / q;
  return { ...base, percentAgreement: 100 * po, kappaBP: (po - pc) / (1 - pc) };
}

const sum = (list: SegmentCounts[]) => ({
  segmentsA: list.reduce((n, c) => n + c.segmentsA, 0),
  segmentsB: list.reduce((n, c) => n + c.segmentsB, 0),
  matchedA: list.reduce((n, c) => n + c.matchedA, 0),
  matchedB: list.reduce((n, c) => n + c.matchedB, 0),
});

export function segmentReport(session: Session, scope: AgreementScope, overlapPercent = 90): SegmentReport {
  if (!(overlapPercent > 0 && overlapPercent <= 100)) throw new RangeError('overlap must be in (0, 100]');
  const data = loadAgreementData(session, scope);
  const threshold = overlapPercent / 100;
  const q = Math.max(2, data.codes.length);
  const codes: SegmentReport['codes'] = [];
  const all: SegmentCounts[] = [];
  for (const code of data.codes) {
    const rows: SegmentReport['codes'][number]['documents'] = [];
    for (const cell of data.cells.filter((c) => c.code.id === code.id)) {
      const a = unionSpans(cell.a);
      const b = unionSpans(cell.b);
      rows.push({
        document: cell.document.name,
        ...segmentStats({ segmentsA: a.length, segmentsB: b.length, matchedA: countMatched(a, b, threshold), matchedB: countMatched(b, a, threshold) }, q),
      });
    }
    const pooled = segmentStats(sum(rows), q);
    all.push(pooled);
    codes.push({ code: code.path, documents: rows, pooled });
  }
  return {
    unit: 'segment',
    coders: [data.coders[0].name, data.coders[1].name],
    overlapPercent,
    categories: q,
    documentsCompared: data.documents.map((d) => d.name),
    excluded: data.excluded,
    codes,
    overall: { pooled: segmentStats(sum(all), q) },
    labels: {
      unit: `segment: a run of one coder's codings of a code; matched when the other coder has a segment of that code overlapping it by ≥ ${overlapPercent}% (|A∩B| / |A∪B|)`,
      matched: 'segments of either coder with a match (counted from both sides)',
      percentAgreement: 'percent agreement: matched / (matched + unmatched) · 100',
      kappaBP: `Brennan–Prediger κ: (p_o − 1/q) / (1 − 1/q) with q = ${q} (the codes compared, at least 2), as MAXQDA`,
      pooled: 'pooled: the segment counts of all documents summed',
    },
  };
}
