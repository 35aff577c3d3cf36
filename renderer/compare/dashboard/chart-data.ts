/**
 * What the two charts draw, shaped from the table model: one dot per code (with its bootstrap
 * interval when computed) and one heatmap cell per code × document. Pure, so the shaping is
 * unit-tested without a browser; charts.ts turns these into Plot marks.
 */
import type { AgreementModel, CodeRow, StatId } from './model.js';
import { bandOf, formatStat, type Band } from './numbers.js';

export const STAT_NAME: Record<StatId, string> = {
  percent: 'Percent agreement',
  kappa: 'Cohen’s κ',
  alpha: 'Krippendorff’s α',
  kappaBP: 'Brennan–Prediger κ',
  alphaCu: 'Krippendorff’s Cu-α',
};

export interface Dot {
  code: string;
  value: number;
  band: Band | null;
  lower: number | null;
  upper: number | null;
  title: string;
}

export interface CodeAxis {
  /** Code paths top to bottom (code-book order). */
  codes: string[];
  /** Path → label, sub-codes marked with one › per level (axis labels are right-aligned, so an indent would not show). */
  label: Map<string, string>;
}

export function codeAxis(rows: readonly CodeRow[]): CodeAxis {
  return { codes: rows.map((r) => r.code), label: new Map(rows.map((r) => [r.code, `${'› '.repeat(r.depth)}${r.name}`])) };
}

/** Dots for the codes whose value is defined, and the codes left out with their reason. */
export function dotData(model: AgreementModel, stat: StatId): { dots: Dot[]; undefinedCodes: { code: string; reason: string }[] } {
  const dots: Dot[] = [];
  const undefinedCodes: { code: string; reason: string }[] = [];
  for (const r of model.rows) {
    const c = r.stats[stat];
    if (!c) continue;
    if (c.value === null) {
      undefinedCodes.push({ code: r.code, reason: c.reason ?? 'undefined' });
      continue;
    }
    const ci = r.ci[stat];
    const interval = ci && ci.lower !== null && ci.upper !== null ? ` (95% interval ${formatStat(stat, ci.lower)} to ${formatStat(stat, ci.upper)})` : '';
    dots.push({
      code: r.code,
      value: c.value,
      band: stat === 'percent' ? null : bandOf(c.value),
      lower: ci?.lower ?? null,
      upper: ci?.upper ?? null,
      title: `${r.code}\n${STAT_NAME[stat]} ${formatStat(stat, c.value)}${interval}`,
    });
  }
  return { dots, undefinedCodes };
}

/** The x domain of the dot chart: always 0–1 (or 0–100 for percent), wider when values or intervals fall outside. */
export function dotDomain(dots: readonly Dot[], stat: StatId): [number, number] {
  if (stat === 'percent') return [0, 100];
  let lo = 0;
  for (const d of dots) lo = Math.min(lo, d.value, d.lower ?? 0);
  return [lo < 0 ? Math.floor(lo * 10) / 10 : 0, 1];
}

export type HeatKind = Band | 'undefined' | 'both' | 'onlyA' | 'onlyB' | 'neither' | 'value';

export interface HeatCell {
  row: number;
  code: string;
  codeGuid: string | null;
  document: string;
  value: number | null;
  kind: HeatKind;
  /** The value as a person reads it (empty for an undefined cell). */
  text: string;
  title: string;
}

const PRESENCE: Record<'both' | 'onlyA' | 'onlyB' | 'neither', string> = {
  both: 'both used it',
  onlyA: 'only A used it',
  onlyB: 'only B used it',
  neither: 'neither used it',
};

/**
 * One cell per code × document compared. At the document unit a cell says who used the code
 * there (there is no per-document statistic); otherwise it holds the statistic and its band.
 */
export function heatCells(model: AgreementModel, stat: StatId): HeatCell[] {
  const out: HeatCell[] = [];
  model.rows.forEach((r, row) => {
    for (const d of r.documents) {
      const base = { row, code: r.code, codeGuid: r.guid, document: d.document };
      if (model.unit === 'document') {
        const kind = (['both', 'onlyA', 'onlyB', 'neither'] as const).find((k) => d.counts[k] === 1) ?? 'neither';
        out.push({
          ...base,
          value: null,
          kind,
          text: { both: 'A+B', onlyA: 'A', onlyB: 'B', neither: '' }[kind],
          title: `${r.code} in ${d.document}: ${PRESENCE[kind]}`,
        });
        continue;
      }
      const c = d.stats[stat];
      if (!c) continue;
      const kind: HeatKind = c.value === null ? 'undefined' : stat === 'percent' ? 'value' : bandOf(c.value)!;
      const shown = formatStat(stat, c.value);
      out.push({
        ...base,
        value: c.value,
        kind,
        text: c.value === null ? '–' : shown,
        title: `${r.code} in ${d.document}: ${STAT_NAME[stat]} ${c.value === null ? `undefined (${c.reason ?? 'no value'})` : shown}. Open its disagreements.`,
      });
    }
  });
  return out;
}
