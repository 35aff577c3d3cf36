/**
 * `marginalia stats TABLE.csv`: a reliability statistic over a units × coders table read from
 * CSV (header = coder names, one row per unit, empty cell = missing value).
 */
import { basename } from 'node:path';
import {
  bootstrapTableCI,
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  percentAgreement,
  percentAllAgree,
  scottPi,
  type Level,
  type ReliabilityTable,
  type StatResult,
} from '../../../shared/agreement/index.js';
import { TABLE_STATISTICS, type TableStatistic, type TableStatResult } from '../../../shared/agreement/reports.js';
import { parseCsv } from '../../../shared/csv.js';
import { fail, MarginaliaError } from '../../../shared/errors.js';
import { readTextFile } from '../files.js';

export const STATISTICS = TABLE_STATISTICS;
export type Statistic = TableStatistic;
export type { TableStatResult };

export interface TableStatRequest {
  statistic: Statistic;
  level?: Level;
  categories?: number;
  /** Bootstrap percentile interval from this many resamples of units (seeded). */
  ci?: { resamples: number; seed: number };
}

/** Reads TABLE.csv; numbers stay numbers at interval/ratio level, text otherwise. */
export function readReliabilityTable(file: string, level: Level): { table: ReliabilityTable; coders: string[] } {
  return parseReliabilityTable(readTextFile(file), basename(file), level);
}

/** The same from CSV text already in hand (`name` names it in messages). */
export function parseReliabilityTable(csv: string, name: string, level: Level): { table: ReliabilityTable; coders: string[] } {
  const rows = parseCsv(csv, name).filter((r) => r.some((c) => c.trim() !== ''));
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (header.length < 2) fail('csv_error', `${name}: the header must name at least two coders (got ${header.length})`);
  if (header.some((h) => h === '')) fail('csv_error', `${name}: a coder column has no name in the header`);
  const numeric = level === 'interval' || level === 'ratio';
  // Ordinal values that are all numbers are ordered as numbers (1 < 2 < 10), not as text.
  const ordinalNumbers = level === 'ordinal' && rows.slice(1).every((r) => r.every((c) => c.trim() === '' || Number.isFinite(Number(c.trim()))));
  const values = rows.slice(1).map((r, i) => {
    if (r.length !== header.length) fail('csv_error', `${name} row ${i + 2}: ${r.length} values for ${header.length} coders`);
    return r.map((cell, j) => {
      const v = cell.trim();
      if (v === '') return null;
      if (!numeric) return ordinalNumbers ? Number(v) : v;
      const n = Number(v);
      if (!Number.isFinite(n)) fail('csv_error', `${name} row ${i + 2}, coder "${header[j]}": "${v}" is not a number (needed at ${level} level)`);
      return n;
    });
  });
  if (values.length === 0) fail('csv_error', `${name}: no units after the header`);
  return { table: { level, values }, coders: header };
}

function compute(req: TableStatRequest, table: ReliabilityTable): StatResult & { units?: number } {
  switch (req.statistic) {
    case 'percent':
      return percentAgreement(table);
    case 'percent-all':
      return percentAllAgree(table);
    case 'kappa':
      return cohenKappa(table);
    case 'pi':
      return scottPi(table);
    case 'fleiss':
      return fleissKappa(table);
    case 'bp':
      if (req.categories === undefined) fail('invalid_input', 'bp (Brennan–Prediger) needs --categories N: the number of categories coders could choose from');
      return brennanPrediger(table, req.categories);
    case 'ac1':
      return gwetAC1(table, req.categories === undefined ? {} : { categories: req.categories });
    case 'alpha':
      return krippendorffAlpha(table);
  }
}

export function tableStatistic(file: string, req: TableStatRequest): TableStatResult {
  return tableStatisticOfCsv(readTextFile(file), basename(file), req);
}

/** The statistic over CSV text (a file's content, or a table the UI sends). */
export function tableStatisticOfCsv(csv: string, name: string, req: TableStatRequest): TableStatResult {
  const level = req.level ?? 'nominal';
  const { table, coders } = parseReliabilityTable(csv, name, level);
  let r: StatResult & { units?: number };
  // One comparable unit gives no basis for chance agreement: report it as undefined, not as 0.
  const comparable = table.values.filter((row) => row.filter((v) => v !== null).length >= 2).length;
  if (comparable < 2 && !req.statistic.startsWith('percent')) {
    return {
      statistic: req.statistic,
      level,
      value: null,
      reason: `only ${comparable} unit has values from two coders: a chance-corrected statistic needs at least two`,
      units: comparable,
      coders,
    };
  }
  try {
    r = compute(req, table);
  } catch (err) {
    if (err instanceof MarginaliaError) fail(err.code, `${name}: ${err.message}`);
    throw err;
  }
  const ci = req.ci && bootstrapTableCI(table, (t) => compute(req, t), req.ci);
  return {
    statistic: req.statistic,
    level,
    value: r.value,
    ...(r.value === null && r.reason && { reason: r.reason }),
    units: typeof r.units === 'number' ? r.units : table.values.length,
    coders,
    ...(ci && {
      ci: {
        lower: ci.lower,
        upper: ci.upper,
        level: ci.level,
        resamples: ci.resamples,
        seed: ci.seed,
        resampled: 'units' as const,
        nullReplicates: ci.nullReplicates,
      },
    }),
  };
}
