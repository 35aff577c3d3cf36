/**
 * Percentile bootstrap confidence intervals with a seeded, reproducible generator: the same
 * seed gives the same interval on every machine and in every process.
 * Resample whatever is independent: documents for character-level statistics, units (rows)
 * for a units × coders table.
 */
import { fail } from '../errors.js';
import type { ReliabilityTable, StatResult } from './table.js';

/**
 * Mulberry32: a 32-bit-state generator returning uniform floats in [0, 1). Each step adds the
 * odd constant 0x6D2B79F5 to the state and scrambles it with two xorshift–multiply rounds.
 * Source: Tommy Ettinger's public-domain Mulberry32 (2017). Fast and plenty for resampling;
 * not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Number of bootstrap replicates (default 1000). */
  resamples?: number;
  /** Seed for the generator; required so that results are reproducible. */
  seed: number;
  /** Confidence level in (0, 1) (default 0.95). */
  level?: number;
}

export interface BootstrapResult extends StatResult {
  kind: 'percentile';
  /** `value` is the statistic on the original items; lower/upper bound the interval. */
  lower: number | null;
  upper: number | null;
  level: number;
  resamples: number;
  /** Replicates where the statistic was undefined; they are left out of the interval. */
  nullReplicates: number;
  seed: number;
}

type Statistic<T> = (sample: T[]) => number | null | StatResult;

function valueOf(r: number | null | StatResult): number | null {
  const v = r !== null && typeof r === 'object' ? r.value : r;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996,
 * "Sample quantiles in statistical packages", Am. Stat. 50(4), definition 7 — R's default):
 * h = (N − 1)p, Q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) on the sorted values.
 */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap interval (Efron & Tibshirani 1993, An Introduction to the Bootstrap,
 * ch. 13): draw `resamples` samples of the same size with replacement, compute the statistic on
 * each, and take the (1 − level)/2 and (1 + level)/2 quantiles of the defined replicates. Null
 * replicates (statistic undefined, e.g. a resample with one category) are skipped and counted.
 */
export function bootstrapCI<T>(items: readonly T[], statisticFn: Statistic<T>, options: BootstrapOptions): BootstrapResult {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed;
  if (!Number.isInteger(resamples) || resamples < 1 || resamples > 1_000_000)
    fail('invalid_input', `Bootstrap: resamples must be a whole number from 1 to 1,000,000, got ${resamples}`);
  if (!(level > 0 && level < 1)) fail('invalid_input', `Bootstrap: level must be between 0 and 1 (e.g. 0.95), got ${level}`);
  if (!Number.isFinite(seed)) fail('invalid_input', `Bootstrap: seed must be a number, got ${seed}`);
  const base = { kind: 'percentile' as const, level, resamples, seed };
  const full = statisticFn([...items]);
  const value = valueOf(full);
  if (items.length === 0) return { value: null, reason: 'nothing to resample', lower: null, upper: null, nullReplicates: resamples, ...base };
  const random = mulberry32(seed);
  const k = items.length;
  const replicates: number[] = [];
  const sample = new Array<T>(k);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < k; i++) sample[i] = items[Math.floor(random() * k)]!;
    const v = valueOf(statisticFn(sample.slice()));
    if (v !== null) replicates.push(v);
  }
  const nullReplicates = resamples - replicates.length;
  const reason =
    value === null ? ((full !== null && typeof full === 'object' ? full.reason : undefined) ?? 'the statistic is undefined on the data') : undefined;
  if (replicates.length === 0)
    return { value, ...(reason ? { reason } : { reason: 'the statistic was undefined in every resample' }), lower: null, upper: null, nullReplicates, ...base };
  replicates.sort((a, b) => a - b);
  return {
    value,
    ...(reason ? { reason } : {}),
    lower: quantile(replicates, (1 - level) / 2),
    upper: quantile(replicates, (1 + level) / 2),
    nullReplicates,
    ...base,
  };
}

/** Bootstrap over the units (rows) of a units × coders table; the statistic gets a table of resampled rows. */
export function bootstrapTableCI(
  table: ReliabilityTable,
  statisticFn: (t: ReliabilityTable) => number | null | StatResult,
  options: BootstrapOptions,
): BootstrapResult {
  return bootstrapCI(table.values, (rows) => statisticFn({ values: rows, level: table.level }), options);
}
