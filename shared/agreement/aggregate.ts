/**
 * Across documents: three ways to summarise character-level agreement, always labelled, since
 * they answer different questions and can differ a lot.
 *   pooled   — sum the 2×2 tables (and run-length squares), then compute the statistic once:
 *              every character of every document weighs the same;
 *   mean     — plain mean of the per-document values: every document weighs the same;
 *   weighted — mean of per-document values weighted by document length.
 * Documents whose value is undefined (null) are skipped by mean and weighted and counted.
 */
import { characterStatsFromCounts, sumCharacterCounts, type CharacterCounts } from './character.js';
import type { StatResult } from './table.js';

export type CharacterStatName = 'percentAgreement' | 'kappa' | 'alpha';
const STATS: readonly CharacterStatName[] = ['percentAgreement', 'kappa', 'alpha'];

export interface AveragedStat extends StatResult {
  /** Documents whose value entered the mean. */
  used: number;
  /** Documents skipped because their value was undefined (null). */
  skipped: number;
}

export interface PooledAggregate {
  kind: 'pooled';
  documents: number;
  counts: CharacterCounts;
  percentAgreement: StatResult;
  kappa: StatResult;
  alpha: StatResult;
}

export interface MeanAggregate {
  kind: 'mean' | 'weighted';
  documents: number;
  percentAgreement: AveragedStat;
  kappa: AveragedStat;
  alpha: AveragedStat;
}

export interface AggregateSet {
  pooled: PooledAggregate;
  mean: MeanAggregate & { kind: 'mean' };
  weighted: MeanAggregate & { kind: 'weighted' };
}

export interface DocumentCodeCounts {
  document: string | number;
  code: string | number;
  counts: CharacterCounts;
}

function skippedReason(values: readonly StatResult[]): string {
  if (values.length === 0) return 'no documents to average';
  const first = values.find((v) => v.reason)?.reason;
  return `undefined in all ${values.length} document${values.length === 1 ? '' : 's'}${first ? ` (${first})` : ''}`;
}

/**
 * Plain mean (1/k) Σ v_d over the k documents with a defined value; null, with a reason, when
 * none has one. Descriptive; no source beyond the definition.
 */
export function meanOfStats(values: readonly StatResult[]): AveragedStat {
  let sum = 0;
  let used = 0;
  for (const v of values)
    if (v.value !== null) {
      sum += v.value;
      used++;
    }
  const skipped = values.length - used;
  if (used === 0) return { value: null, reason: skippedReason(values), used, skipped };
  return { value: sum / used, used, skipped };
}

/**
 * Weighted mean Σ w_d v_d / Σ w_d over documents with a defined value (w_d = document length
 * for character agreement); null when none has one or their weights sum to 0.
 */
export function weightedMeanOfStats(values: readonly StatResult[], weights: readonly number[]): AveragedStat {
  let sum = 0;
  let total = 0;
  let used = 0;
  values.forEach((v, i) => {
    if (v.value === null) return;
    const w = weights[i] ?? 0;
    sum += w * v.value;
    total += w;
    used++;
  });
  const skipped = values.length - used;
  if (used === 0) return { value: null, reason: skippedReason(values), used, skipped };
  if (total === 0) return { value: null, reason: 'the documents with a defined value have total length 0', used, skipped };
  return { value: sum / total, used, skipped };
}

/**
 * Pooled, mean and length-weighted summaries of a list of per-document counts (one code, or
 * several codes for an overall figure). Pooled uses characterStatsFromCounts on the summed
 * table (for |uα this is the α of the documents laid end to end).
 */
export function aggregateCounts(list: readonly CharacterCounts[]): AggregateSet {
  const per = list.map(characterStatsFromCounts);
  const summed = characterStatsFromCounts(sumCharacterCounts(list));
  const weights = list.map((c) => c.n);
  const averaged = (kind: 'mean' | 'weighted') => {
    const out = { kind, documents: list.length } as MeanAggregate;
    for (const s of STATS) {
      const values = per.map((p) => p[s]);
      out[s] = kind === 'mean' ? meanOfStats(values) : weightedMeanOfStats(values, weights);
    }
    return out;
  };
  return {
    pooled: {
      kind: 'pooled',
      documents: list.length,
      counts: summed.counts,
      percentAgreement: summed.percentAgreement,
      kappa: summed.kappa,
      alpha: summed.alpha,
    },
    mean: averaged('mean') as AggregateSet['mean'],
    weighted: averaged('weighted') as AggregateSet['weighted'],
  };
}

/**
 * Aggregate per code and overall from rows of (document, code, counts). For each code the
 * three summaries run over its documents; `overall` runs over every code × document row
 * (pooled = all tables summed, each character–code decision weighing the same).
 */
export function aggregateCharacterAgreement(rows: readonly DocumentCodeCounts[]): {
  byCode: ({ code: string | number } & AggregateSet)[];
  overall: AggregateSet;
} {
  const groups = new Map<string, { code: string | number; counts: CharacterCounts[] }>();
  for (const r of rows) {
    const key = `${typeof r.code}:${r.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: r.code, counts: [] }));
    g.counts.push(r.counts);
  }
  return {
    byCode: [...groups.values()].map((g) => ({ code: g.code, ...aggregateCounts(g.counts) })),
    overall: aggregateCounts(rows.map((r) => r.counts)),
  };
}
