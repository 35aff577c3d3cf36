/**
 * The agreement table as rows, whatever the unit: each report shape (character, turn, segment,
 * document, unitized) becomes the same list of code rows with statistic cells, counts and
 * per-document rows, so the table, the charts and the tests read one model. Values stay the
 * doubles the report holds; rounding happens only where a person reads them.
 */
import type { AgreementReport, AgreementUnit, Interval, PresenceReport, TurnReport } from '../../../shared/agreement/reports.js';
import type { CodeWithCounts } from '../../../shared/api/types.js';

export type StatId = 'percent' | 'kappa' | 'alpha' | 'kappaBP' | 'alphaCu';
export type CountId = 'onlyA' | 'onlyB' | 'both' | 'neither' | 'n' | 'segmentsA' | 'segmentsB' | 'matched' | 'unmatched';
export type ColumnId = StatId | CountId;

export interface Cell {
  value: number | null;
  /** Why the value is undefined (null), as the report says it. */
  reason?: string;
}

export interface DocRow {
  document: string;
  stats: Partial<Record<StatId, Cell>>;
  counts: Partial<Record<CountId, number>>;
  note?: string;
}

export interface CodeRow {
  /** The code's path, as the report names it. */
  code: string;
  name: string;
  /** Ancestors not shown as rows of their own ("Dynamic security"), for context. */
  context: string;
  depth: number;
  guid: string | null;
  /** Position in the code book (depth-first, by position). */
  order: number;
  stats: Partial<Record<StatId, Cell>>;
  counts: Partial<Record<CountId, number>>;
  ci: Partial<Record<StatId, Interval>>;
  documents: DocRow[];
}

export interface TotalRow {
  id: 'pooled' | 'mean' | 'weighted' | 'alphaU' | 'alphaBinaryU' | 'alphaCU';
  label: string;
  description: string;
  stats: Partial<Record<StatId, Cell>>;
  counts: Partial<Record<CountId, number>>;
  ci: Partial<Record<StatId, Interval>>;
}

export interface Column {
  id: ColumnId;
  kind: 'stat' | 'count';
  /** Header text (short) and what it is (for the header's title). */
  label: string;
}

export interface AgreementModel {
  unit: AgreementUnit;
  columns: Column[];
  /** Statistics the charts can show, first = default. */
  chartStats: StatId[];
  rows: CodeRow[];
  totals: TotalRow[];
  documents: string[];
  excluded: { document: string; reason: string }[];
  /** Bootstrap settings when intervals were computed. */
  ci?: { level: number; resamples: number; seed: number };
}

const STAT_LABEL: Record<StatId, string> = { percent: '% agree', kappa: 'κ', alpha: 'α', kappaBP: 'κ (B–P)', alphaCu: 'Cu-α' };
const COUNT_LABEL: Record<CountId, string> = {
  onlyA: 'A only',
  onlyB: 'B only',
  both: 'Both',
  neither: 'Neither',
  n: 'Units',
  segmentsA: 'Segments A',
  segmentsB: 'Segments B',
  matched: 'Matched',
  unmatched: 'Unmatched',
};

function columns(stats: StatId[], counts: CountId[]): Column[] {
  return [
    ...stats.map((id) => ({ id, kind: 'stat' as const, label: STAT_LABEL[id] })),
    ...counts.map((id) => ({ id, kind: 'count' as const, label: COUNT_LABEL[id] })),
  ];
}

type Reasons = Partial<Record<string, string>> | undefined;
const cell = (value: number | null, reasons: Reasons, key: string): Cell => (value === null && reasons?.[key] ? { value, reason: reasons[key] } : { value });

interface Binary {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  percentAgreement: number | null;
  kappa: number | null;
  reasons?: Reasons;
}
type BinarySummary = Pick<Binary, 'percentAgreement' | 'kappa' | 'reasons'> & { alpha?: number | null; alphaBinary?: number | null };
function binaryStats(s: BinarySummary): Partial<Record<StatId, Cell>> {
  const alpha = s.alpha !== undefined ? cell(s.alpha, s.reasons, 'alpha') : cell(s.alphaBinary ?? null, s.reasons, 'alphaBinary');
  return { percent: cell(s.percentAgreement, s.reasons, 'percentAgreement'), kappa: cell(s.kappa, s.reasons, 'kappa'), alpha };
}
const fourCounts = (s: Binary, n: number): Partial<Record<CountId, number>> => ({ onlyA: s.onlyA, onlyB: s.onlyB, both: s.both, neither: s.neither, n });

/** Code-book order and depth of every code path (depth-first walk by position). */
export function codeBookIndex(codes: readonly CodeWithCounts[]): Map<string, { order: number; depth: number; guid: string; name: string }> {
  const children = new Map<number | null, CodeWithCounts[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out = new Map<string, { order: number; depth: number; guid: string; name: string }>();
  const walk = (parent: number | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((x, y) => x.position - y.position || x.name.localeCompare(y.name))) {
      out.set(c.path, { order: out.size, depth, guid: c.guid, name: c.name });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

type RowBody = Pick<CodeRow, 'stats' | 'counts' | 'documents'> & { ci?: CodeRow['ci'] };

function placeRows(bodies: { code: string; body: RowBody }[], index: ReturnType<typeof codeBookIndex>): CodeRow[] {
  const shown = new Set(bodies.map((b) => b.code));
  const rows = bodies.map(({ code, body }, i) => {
    const at = index.get(code);
    const parts = code.split('/');
    // Nearest ancestor shown as a row sets the indent; ancestors above it are context text.
    let shownAncestor = -1;
    for (let k = parts.length - 1; k > 0 && shownAncestor < 0; k--) if (shown.has(parts.slice(0, k).join('/'))) shownAncestor = k;
    return {
      code,
      name: at?.name ?? parts[parts.length - 1]!,
      context: shownAncestor < 0 ? parts.slice(0, -1).join(' › ') : '',
      depth: 0,
      guid: at?.guid ?? null,
      order: at ? at.order : index.size + i,
      stats: body.stats,
      counts: body.counts,
      ci: body.ci ?? {},
      documents: body.documents,
      shownAncestor,
    };
  });
  rows.sort((x, y) => x.order - y.order);
  const depthOf = new Map<string, number>();
  for (const r of rows) {
    const parts = r.code.split('/');
    r.depth = r.shownAncestor < 0 ? 0 : (depthOf.get(parts.slice(0, r.shownAncestor).join('/')) ?? 0) + 1;
    depthOf.set(r.code, r.depth);
  }
  return rows.map(({ shownAncestor: _s, ...r }) => r);
}

/** The table model of one agreement report; `codes` gives code-book order and the hierarchy. */
/** The pooled total row of the turn and document units (one 2×2 table over every document). */
function pooledTotal(report: TurnReport | PresenceReport): TotalRow {
  const pooled = report.overall.pooled;
  return { id: 'pooled', label: 'Pooled', description: report.labels.pooled, stats: binaryStats(pooled), counts: fourCounts(pooled, pooled.units), ci: {} };
}

export function shapeReport(report: AgreementReport, codes: readonly CodeWithCounts[]): AgreementModel {
  const index = codeBookIndex(codes);
  const base = { unit: report.unit, documents: report.documentsCompared, excluded: report.excluded };
  switch (report.unit) {
    case 'character': {
      const ciOf = (ci: (typeof report.overall)['ci']) => (ci ? { kappa: ci.kappa, alpha: ci.alphaBinary } : {});
      const first = report.overall.ci ?? report.codes.find((c) => c.ci)?.ci;
      return {
        ...base,
        columns: columns(['percent', 'kappa', 'alpha'], ['onlyA', 'onlyB', 'both', 'neither', 'n']),
        chartStats: ['alpha', 'kappa'],
        rows: placeRows(
          report.codes.map((c) => ({
            code: c.code,
            body: {
              stats: binaryStats(c.pooled),
              counts: fourCounts(c.pooled, c.pooled.n),
              ci: ciOf(c.ci),
              documents: c.documents.map((d) => ({ document: d.document, stats: binaryStats(d), counts: fourCounts(d, d.n), ...(d.note && { note: d.note }) })),
            },
          })),
          index,
        ),
        totals: [
          {
            id: 'pooled',
            label: 'Pooled',
            description: report.labels.pooled,
            stats: binaryStats(report.overall.pooled),
            counts: fourCounts(report.overall.pooled, report.overall.pooled.n),
            ci: ciOf(report.overall.ci),
          },
          { id: 'mean', label: 'Mean of documents', description: report.labels.mean, stats: binaryStats(report.overall.mean), counts: {}, ci: {} },
          { id: 'weighted', label: 'Length-weighted', description: report.labels.weighted, stats: binaryStats(report.overall.weighted), counts: {}, ci: {} },
        ],
        ...(first && { ci: { level: first.level, resamples: first.resamples, seed: first.seed } }),
      };
    }
    case 'turn':
      return {
        ...base,
        columns: columns(['percent', 'kappa', 'alpha'], ['onlyA', 'onlyB', 'both', 'neither', 'n']),
        chartStats: ['alpha', 'kappa'],
        rows: placeRows(
          report.codes.map((c) => ({
            code: c.code,
            body: {
              stats: binaryStats(c.pooled),
              counts: fourCounts(c.pooled, c.pooled.units),
              documents: c.documents.map((d) => ({ document: d.document, stats: binaryStats(d), counts: fourCounts(d, d.units) })),
            },
          })),
          index,
        ),
        totals: [pooledTotal(report)],
      };
    case 'document':
      return {
        ...base,
        columns: columns(['percent', 'kappa', 'alpha'], ['onlyA', 'onlyB', 'both', 'neither', 'n']),
        chartStats: ['alpha', 'kappa'],
        rows: placeRows(
          report.codes.map((c) => ({
            code: c.code,
            body: {
              stats: binaryStats(c),
              counts: fourCounts(c, c.units),
              documents: report.documentsCompared.map((d) => {
                const a = c.usedByA.includes(d) ? 1 : 0;
                const b = c.usedByB.includes(d) ? 1 : 0;
                return { document: d, stats: {}, counts: { onlyA: a * (1 - b), onlyB: b * (1 - a), both: a * b, neither: (1 - a) * (1 - b), n: 1 } };
              }),
            },
          })),
          index,
        ),
        totals: [pooledTotal(report)],
      };
    case 'segment': {
      type Seg = (typeof report.overall)['pooled'];
      const stats = (s: Seg) => ({ percent: cell(s.percentAgreement, s.reasons, 'percentAgreement'), kappaBP: cell(s.kappaBP, s.reasons, 'kappaBP') });
      const counts = (s: Seg) => ({ segmentsA: s.segmentsA, segmentsB: s.segmentsB, matched: s.matched, unmatched: s.unmatched });
      return {
        ...base,
        columns: columns(['percent', 'kappaBP'], ['segmentsA', 'segmentsB', 'matched', 'unmatched']),
        chartStats: ['kappaBP', 'percent'],
        rows: placeRows(
          report.codes.map((c) => ({
            code: c.code,
            body: {
              stats: stats(c.pooled),
              counts: counts(c.pooled),
              documents: c.documents.map((d) => ({ document: d.document, stats: stats(d), counts: counts(d) })),
            },
          })),
          index,
        ),
        totals: [
          {
            id: 'pooled',
            label: 'Pooled',
            description: report.labels.pooled,
            stats: stats(report.overall.pooled),
            counts: counts(report.overall.pooled),
            ci: {},
          },
        ],
      };
    }
    case 'unitized': {
      const u = (v: { value: number | null; reason?: string }): Cell => (v.reason && v.value === null ? { value: null, reason: v.reason } : { value: v.value });
      const total = (id: 'alphaU' | 'alphaBinaryU' | 'alphaCU', label: string): TotalRow => ({
        id,
        label,
        description: report.labels[id],
        stats: { alphaCu: u(report.overall[id]) },
        counts: {},
        ci: {},
      });
      return {
        ...base,
        columns: columns(['alphaCu'], []),
        chartStats: ['alphaCu'],
        rows: placeRows(
          report.perCategory.map((c) => ({ code: c.code, body: { stats: { alphaCu: u(c.alphaCu) }, counts: {}, documents: [] } })),
          index,
        ),
        totals: [total('alphaU', 'u-α'), total('alphaBinaryU', '|uα'), total('alphaCU', 'cu-α')],
      };
    }
  }
}
