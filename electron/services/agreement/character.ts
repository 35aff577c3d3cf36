/**
 * Character-level agreement (the NVivo coding comparison), per code × document, with the three
 * labelled summaries across documents (pooled, mean, length-weighted) and optional bootstrap
 * confidence intervals that resample documents.
 */
import {
  aggregateCounts,
  bootstrapCI,
  characterCounts,
  characterStatsFromCounts,
  sumCharacterCounts,
  type AggregateSet,
  type CharacterCounts,
  type StatResult,
} from '../../../shared/agreement/index.js';
import { loadAgreementData, type AgreementScope } from './data.js';
import type { Session } from '../session.js';

import type {
  AveragedSummary,
  CharacterCodeReport,
  CharacterDocumentRow,
  CharacterReport,
  ConfidenceIntervals,
  Interval,
  PooledSummary,
  Summary,
} from '../../../shared/agreement/reports.js';

export type { AveragedSummary, CharacterCodeReport, CharacterDocumentRow, CharacterReport, ConfidenceIntervals, Interval, PooledSummary, Summary };

export const SUMMARY_LABELS = {
  pooled: 'pooled: the 2×2 tables of all documents summed, then one statistic (every character weighs the same)',
  mean: 'mean: plain mean of the per-document values (every document weighs the same; undefined values skipped)',
  weighted: 'weighted: mean of per-document values weighted by document length (undefined values skipped)',
};

const STAT_KEYS = ['percentAgreement', 'kappa', 'alphaBinary'] as const;

function reasonsOf(stats: Record<'percentAgreement' | 'kappa' | 'alphaBinary', StatResult>): Summary['reasons'] {
  let out: NonNullable<Summary['reasons']> | undefined;
  for (const k of STAT_KEYS) {
    const r = stats[k];
    if (r.value === null && r.reason) (out ??= {})[k] = r.reason;
  }
  return out;
}

function summary(s: Record<'percentAgreement' | 'kappa' | 'alphaBinary', StatResult>): Summary {
  const reasons = reasonsOf(s);
  return {
    percentAgreement: s.percentAgreement.value,
    kappa: s.kappa.value,
    alphaBinary: s.alphaBinary.value,
    ...(reasons && { reasons }),
  };
}

const counts4 = (c: CharacterCounts) => ({ n: c.n, both: c.both, onlyA: c.onlyA, onlyB: c.onlyB, neither: c.neither });

function fromAggregate(a: AggregateSet): { pooled: PooledSummary; mean: AveragedSummary; weighted: AveragedSummary } {
  const averaged = (m: AggregateSet['mean'] | AggregateSet['weighted']): AveragedSummary => ({
    ...summary({ percentAgreement: m.percentAgreement, kappa: m.kappa, alphaBinary: m.alpha }),
    documents: m.documents,
    skipped: { percentAgreement: m.percentAgreement.skipped, kappa: m.kappa.skipped, alphaBinary: m.alpha.skipped },
  });
  return {
    pooled: { ...counts4(a.pooled.counts), ...summary({ percentAgreement: a.pooled.percentAgreement, kappa: a.pooled.kappa, alphaBinary: a.pooled.alpha }) },
    mean: averaged(a.mean),
    weighted: averaged(a.weighted),
  };
}

/**
 * Bootstrap over documents: each replicate resamples documents with replacement and pools them
 * (percentile interval, shared/agreement bootstrapCI). With one document every replicate is that
 * document, so the "interval" would be the point itself: reported as undefined instead.
 */
function intervals(perDocument: CharacterCounts[], resamples: number, seed: number): ConfidenceIntervals {
  const kappa = bootstrapCI(perDocument, (sample) => characterStatsFromCounts(sumCharacterCounts(sample)).kappa, { resamples, seed });
  const alpha = bootstrapCI(perDocument, (sample) => characterStatsFromCounts(sumCharacterCounts(sample)).alpha, { resamples, seed });
  const single = perDocument.length < 2 ? 'one document compared: resampling documents cannot show how the value varies' : undefined;
  const interval = (b: typeof kappa): Interval => {
    if (single) return { lower: null, upper: null, reason: single };
    const reason = b.lower === null ? (b.reason ?? 'the statistic was undefined in every resample') : undefined;
    return { lower: b.lower, upper: b.upper, ...(reason && { reason }) };
  };
  return {
    kappa: interval(kappa),
    alphaBinary: interval(alpha),
    level: kappa.level,
    resamples,
    seed,
    resampled: 'documents',
    nullReplicates: { kappa: kappa.nullReplicates, alphaBinary: alpha.nullReplicates },
  };
}

export interface CharacterOptions {
  ci?: { resamples: number; seed: number };
}

export function characterReport(session: Session, scope: AgreementScope, options: CharacterOptions = {}): CharacterReport {
  const data = loadAgreementData(session, scope);
  const byCode = new Map<number, { path: string; rows: CharacterDocumentRow[]; counts: CharacterCounts[] }>();
  const cellCounts = data.cells.map((cell) => characterCounts(cell.document.length, cell.a, cell.b));
  data.cells.forEach((cell, i) => {
    const c = cellCounts[i]!;
    const stats = characterStatsFromCounts(c);
    let entry = byCode.get(cell.code.id);
    if (!entry) byCode.set(cell.code.id, (entry = { path: cell.code.path, rows: [], counts: [] }));
    entry.counts.push(c);
    entry.rows.push({
      document: cell.document.name,
      ...counts4(c),
      ...summary({ percentAgreement: stats.percentAgreement, kappa: stats.kappa, alphaBinary: stats.alpha }),
      ...(stats.note && { note: stats.note.replace('coder A', data.coders[0].name).replace('coder B', data.coders[1].name) }),
    });
  });
  const codes: CharacterCodeReport[] = [];
  for (const e of byCode.values()) {
    codes.push({
      code: e.path,
      documents: e.rows,
      ...fromAggregate(aggregateCounts(e.counts)),
      ...(options.ci && { ci: intervals(e.counts, options.ci.resamples, options.ci.seed) }),
    });
  }
  // Overall: per document, the tables of all codes summed, so mean/weighted average documents.
  const byDocument = new Map<number, CharacterCounts[]>();
  data.cells.forEach((cell, i) => {
    const list = byDocument.get(cell.document.id);
    if (list) list.push(cellCounts[i]!);
    else byDocument.set(cell.document.id, [cellCounts[i]!]);
  });
  const perDocument = data.documents.map((d) => sumCharacterCounts(byDocument.get(d.id) ?? []));
  const overallAgg = aggregateCounts(perDocument);
  return {
    unit: 'character',
    coders: [data.coders[0].name, data.coders[1].name],
    documentsCompared: data.documents.map((d) => d.name),
    excluded: data.excluded,
    labels: SUMMARY_LABELS,
    codes,
    overall: { ...fromAggregate(overallAgg), ...(options.ci && { ci: intervals(perDocument, options.ci.resamples, options.ci.seed) }) },
  };
}
