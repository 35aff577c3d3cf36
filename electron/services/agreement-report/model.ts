/**
 * One agreement report, whatever its unit, as the tables every export writes: per code, per
 * document, the disagreements and the undefined values, plus the facts a reader needs to trust
 * them (coders, unit, overlap, statistics named, bands, date, project file). Numbers stay the
 * doubles the services computed; each format decides how to show them.
 */
import type { AgreementReport, Disagreement } from '../../../shared/agreement/reports.js';
import { ALPHA_BANDS, alphaBand } from '../../../shared/agreement/export.js';

/** How a column's numbers are shown: counts whole, percentages 0–100 with 2 decimals, coefficients with 3. */
export type ColumnKind = 'text' | 'count' | 'percent' | 'coef';
export interface Column {
  label: string;
  kind: ColumnKind;
}
export type Cell = string | number | null;
export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

export interface UndefinedValue {
  code: string;
  row: string;
  statistic: string;
  reason: string;
}

/** A dot (with its interval, if computed) per code for the chart. */
export interface ChartPoint {
  code: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface ReportModel {
  project: string;
  date: string;
  coders: [string, string];
  unit: string;
  unitDescription: string;
  overlap: number | null;
  statistics: { name: string; about: string }[];
  bands: string;
  documentsCompared: string[];
  excluded: { document: string; reason: string }[];
  /** Codes in scope that neither coder used in these documents: the statistics leave them out. */
  unusedCodes: string[];
  chart: { statistic: string; points: ChartPoint[] };
  sheets: Sheet[];
  undefinedValues: UndefinedValue[];
}

const T = (label: string): Column => ({ label, kind: 'text' });
const N = (label: string): Column => ({ label, kind: 'count' });
const P = (label: string): Column => ({ label, kind: 'percent' });
const K = (label: string): Column => ({ label, kind: 'coef' });

const STATS = {
  percent: { name: 'percent agreement', about: 'share of units on which both coders agree, 0–100' },
  kappa: { name: 'Cohen κ', about: 'Cohen (1960): agreement corrected for chance from each coder’s own margins' },
  alpha: { name: 'Krippendorff α (nominal)', about: 'Krippendorff (2004): 1 − observed / expected disagreement over the pooled values' },
  alphaBinary: { name: '|uα', about: 'Krippendorff’s binary unitized α: each character coded or not, per code' },
  kappaBP: { name: 'Brennan–Prediger κ', about: 'Brennan & Prediger (1981): chance agreement 1/q for q categories' },
  unitized: { name: 'u-α, |uα, cu-α, Cu-α', about: 'Krippendorff’s unitized α family over the chosen codes as one variable' },
};

const UNIT_TEXT: Record<AgreementReport['unit'], string> = {
  character: 'character (each character of text is coded or not, per code × document)',
  turn: 'speaker turn (a turn counts as coded if any character of it is)',
  segment: 'segment (matched when the other coder’s segment overlaps it by at least the threshold of their union)',
  document: 'document presence (a code is used in a document or not)',
  unitized: 'Krippendorff’s unitized α over the chosen codes as one variable',
};

type Reasons = Partial<Record<string, string>> | undefined;

class Builder {
  undefinedValues: UndefinedValue[] = [];
  /** Records every null statistic of a row with its reason, and returns the cells unchanged. */
  note(code: string, row: string, stats: [string, number | null, string | undefined][]): (number | null)[] {
    for (const [statistic, v, reason] of stats) if (v === null) this.undefinedValues.push({ code, row, statistic, reason: reason ?? 'undefined' });
    return stats.map(([, v]) => v);
  }
}

const band = (v: number | null): string => alphaBand(v) ?? 'undefined';

export function buildModel(
  r: AgreementReport,
  disagreements: readonly Disagreement[],
  meta: { project: string; date: string; unusedCodes?: readonly string[] },
): ReportModel {
  const b = new Builder();
  const base = {
    project: meta.project,
    date: meta.date,
    coders: r.coders,
    unit: r.unit,
    unitDescription: UNIT_TEXT[r.unit],
    overlap: r.unit === 'segment' ? r.overlapPercent : null,
    bands: `α ≥ ${ALPHA_BANDS.reliable.toFixed(3)} reliable; ≥ ${ALPHA_BANDS.tentative.toFixed(3)} tentative conclusions only; below that not reliable (${ALPHA_BANDS.source})`,
    documentsCompared: r.documentsCompared,
    excluded: r.excluded,
    unusedCodes: [...(meta.unusedCodes ?? [])],
  };
  const sheets: Sheet[] = [];
  let chart: ReportModel['chart'];
  let statistics: ReportModel['statistics'];
  const r3 = (reasons: Reasons, k: string) => reasons?.[k];

  if (r.unit === 'character') {
    statistics = [STATS.percent, STATS.kappa, STATS.alphaBinary];
    const ci = r.overall.ci !== undefined;
    const perCode: Cell[][] = [];
    const summary = (code: string, s: (typeof r.codes)[number] | typeof r.overall) => {
      const p = s.pooled;
      const [pa, k, a] = b.note(code, 'pooled', [
        ['percent agreement', p.percentAgreement, r3(p.reasons, 'percentAgreement')],
        ['Cohen κ', p.kappa, r3(p.reasons, 'kappa')],
        ['|uα', p.alphaBinary, r3(p.reasons, 'alphaBinary')],
      ]);
      const [mk, ma] = b.note(code, 'mean (documents equal)', [
        ['Cohen κ', s.mean.kappa, r3(s.mean.reasons, 'kappa')],
        ['|uα', s.mean.alphaBinary, r3(s.mean.reasons, 'alphaBinary')],
      ]);
      const [wk, wa] = b.note(code, 'length-weighted mean', [
        ['Cohen κ', s.weighted.kappa, r3(s.weighted.reasons, 'kappa')],
        ['|uα', s.weighted.alphaBinary, r3(s.weighted.reasons, 'alphaBinary')],
      ]);
      const row: Cell[] = [code, p.n, p.both, p.onlyA, p.onlyB, p.neither, pa!, k!, a!, band(a!), mk!, ma!, wk!, wa!];
      if (ci) row.push(s.ci?.kappa.lower ?? null, s.ci?.kappa.upper ?? null, s.ci?.alphaBinary.lower ?? null, s.ci?.alphaBinary.upper ?? null);
      perCode.push(row);
    };
    for (const c of r.codes) summary(c.code, c);
    summary('ALL CODES', r.overall);
    const cols = [
      T('code'),
      N('characters'),
      N('both'),
      N('A only'),
      N('B only'),
      N('neither'),
      P('percent agreement (pooled)'),
      K('Cohen κ (pooled)'),
      K('|uα (pooled)'),
      T('band (|uα)'),
      K('Cohen κ (mean of documents)'),
      K('|uα (mean of documents)'),
      K('Cohen κ (length-weighted mean)'),
      K('|uα (length-weighted mean)'),
    ];
    if (ci) cols.push(K('κ 95% CI lower'), K('κ 95% CI upper'), K('|uα 95% CI lower'), K('|uα 95% CI upper'));
    sheets.push({ name: 'Per code', columns: cols, rows: perCode });
    sheets.push({
      name: 'Per document',
      columns: [T('code'), T('document'), N('characters'), N('both'), N('A only'), N('B only'), N('neither'), P('percent agreement'), K('Cohen κ'), K('|uα')],
      rows: r.codes.flatMap((c) =>
        c.documents.map((d) => {
          const [pa, k, a] = b.note(c.code, d.document, [
            ['percent agreement', d.percentAgreement, r3(d.reasons, 'percentAgreement')],
            ['Cohen κ', d.kappa, r3(d.reasons, 'kappa')],
            ['|uα', d.alphaBinary, r3(d.reasons, 'alphaBinary')],
          ]);
          return [c.code, d.document, d.n, d.both, d.onlyA, d.onlyB, d.neither, pa!, k!, a!];
        }),
      ),
    });
    chart = {
      statistic: '|uα (pooled)',
      points: r.codes.map((c) => ({
        code: c.code,
        value: c.pooled.alphaBinary,
        lower: c.ci?.alphaBinary.lower ?? null,
        upper: c.ci?.alphaBinary.upper ?? null,
      })),
    };
  } else if (r.unit === 'turn' || r.unit === 'document') {
    statistics = [STATS.percent, STATS.kappa, STATS.alpha];
    const cols = [
      T('code'),
      N('units'),
      N('both'),
      N('A only'),
      N('B only'),
      N('neither'),
      P('percent agreement'),
      K('Cohen κ'),
      K('Krippendorff α (nominal)'),
      T('band (α)'),
    ];
    const stat = (code: string, row: string, s: import('../../../shared/agreement/reports.js').BinaryStats): Cell[] => {
      const [pa, k, a] = b.note(code, row, [
        ['percent agreement', s.percentAgreement, r3(s.reasons, 'percentAgreement')],
        ['Cohen κ', s.kappa, r3(s.reasons, 'kappa')],
        ['Krippendorff α (nominal)', s.alpha, r3(s.reasons, 'alpha')],
      ]);
      return [s.units, s.both, s.onlyA, s.onlyB, s.neither, pa!, k!, a!];
    };
    if (r.unit === 'turn') {
      sheets.push({
        name: 'Per code',
        columns: cols,
        rows: [
          ...r.codes.map((c) => [c.code, ...stat(c.code, 'pooled', c.pooled), band(c.pooled.alpha)]),
          ['ALL CODES', ...stat('ALL CODES', 'pooled', r.overall.pooled), band(r.overall.pooled.alpha)],
        ],
      });
      sheets.push({
        name: 'Per document',
        columns: [T('code'), T('document'), ...cols.slice(1, 9)],
        rows: r.codes.flatMap((c) => c.documents.map((d) => [c.code, d.document, ...stat(c.code, d.document, d)])),
      });
      chart = {
        statistic: 'Krippendorff α (nominal, pooled)',
        points: r.codes.map((c) => ({ code: c.code, value: c.pooled.alpha, lower: null, upper: null })),
      };
    } else {
      sheets.push({
        name: 'Per code',
        columns: cols,
        rows: [
          ...r.codes.map((c) => [c.code, ...stat(c.code, 'over documents', c), band(c.alpha)]),
          ['ALL CODES', ...stat('ALL CODES', 'pooled', r.overall.pooled), band(r.overall.pooled.alpha)],
        ],
      });
      sheets.push({
        name: 'Per document',
        columns: [T('code'), T('document'), T('used by A'), T('used by B')],
        rows: r.codes.flatMap((c) => r.documentsCompared.map((d) => [c.code, d, c.usedByA.includes(d) ? 'yes' : 'no', c.usedByB.includes(d) ? 'yes' : 'no'])),
      });
      chart = { statistic: 'Krippendorff α (nominal)', points: r.codes.map((c) => ({ code: c.code, value: c.alpha, lower: null, upper: null })) };
    }
  } else if (r.unit === 'segment') {
    statistics = [STATS.percent, STATS.kappaBP];
    const stat = (code: string, row: string, s: import('../../../shared/agreement/reports.js').SegmentCounts): Cell[] => {
      const [pa, k] = b.note(code, row, [
        ['percent agreement', s.percentAgreement, r3(s.reasons, 'percentAgreement')],
        ['Brennan–Prediger κ', s.kappaBP, r3(s.reasons, 'kappaBP')],
      ]);
      return [s.segmentsA, s.segmentsB, s.matched, s.unmatched, pa!, k!];
    };
    const cols = [N('segments A'), N('segments B'), N('matched'), N('unmatched'), P('percent agreement'), K('Brennan–Prediger κ')];
    sheets.push({
      name: 'Per code',
      columns: [T('code'), ...cols],
      rows: [...r.codes.map((c) => [c.code, ...stat(c.code, 'pooled', c.pooled)]), ['ALL CODES', ...stat('ALL CODES', 'pooled', r.overall.pooled)]],
    });
    sheets.push({
      name: 'Per document',
      columns: [T('code'), T('document'), ...cols],
      rows: r.codes.flatMap((c) => c.documents.map((d) => [c.code, d.document, ...stat(c.code, d.document, d)])),
    });
    chart = { statistic: 'Brennan–Prediger κ (pooled)', points: r.codes.map((c) => ({ code: c.code, value: c.pooled.kappaBP, lower: null, upper: null })) };
  } else {
    statistics = [STATS.unitized];
    const all = r.codes.join(' + ');
    const [u, bu, cu] = b.note(all, 'the chosen codes as one variable', [
      ['u-α', r.overall.alphaU.value, r.overall.alphaU.reason],
      ['|uα', r.overall.alphaBinaryU.value, r.overall.alphaBinaryU.reason],
      ['cu-α', r.overall.alphaCU.value, r.overall.alphaCU.reason],
    ]);
    sheets.push({
      name: 'Per code',
      columns: [T('code'), K('u-α'), K('|uα'), K('cu-α'), K('Cu-α'), T('band')],
      rows: [
        [all, u!, bu!, cu!, '', band(u!)],
        ...r.perCategory.map((p) => [
          p.code,
          '',
          '',
          '',
          b.note(p.code, 'this code', [['Cu-α', p.alphaCu.value, p.alphaCu.reason]])[0]!,
          band(p.alphaCu.value),
        ]),
      ],
    });
    chart = { statistic: 'Cu-α', points: r.perCategory.map((p) => ({ code: p.code, value: p.alphaCu.value, lower: null, upper: null })) };
  }

  sheets.push({
    name: 'Disagreements',
    columns: [T('document'), T('code'), T('kind'), T('coded by'), N('start'), N('end'), N('line'), T('passage')],
    rows: disagreements.map((d) => [d.document, d.code, d.kind === 'onlyA' ? 'A only' : 'B only', d.coder, d.start, d.end, d.lineStart, d.text]),
  });
  sheets.push({
    name: 'Undefined values',
    columns: [T('code'), T('row'), T('statistic'), T('reason')],
    rows: b.undefinedValues.map((u) => [u.code, u.row, u.statistic, u.reason]),
  });
  return { ...base, statistics, chart, sheets, undefinedValues: b.undefinedValues };
}
