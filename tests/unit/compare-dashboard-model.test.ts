/** The agreement dashboard's data shaping: report → table rows, sort order, bands, numbers for people, chart data. */
import { describe, expect, it } from 'vitest';
import type { CharacterReport, PresenceReport, SegmentReport, UnitizedReport } from '../../shared/agreement/reports.js';
import type { CodeWithCounts } from '../../shared/api/types.js';
import { codeAxis, dotData, dotDomain, heatCells } from '../../renderer/compare/dashboard/chart-data.js';
import { codeBookIndex, shapeReport } from '../../renderer/compare/dashboard/model.js';
import { bandOf, explainStat, formatStat, sortRows } from '../../renderer/compare/dashboard/numbers.js';

let nextId = 1;
function code(path: string, parentId: number | null, position: number): CodeWithCounts {
  const name = path.split('/').pop()!;
  return {
    id: nextId++,
    guid: `g-${path}`,
    parentId,
    name,
    path,
    color: '#888',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    position,
    own: 0,
    total: 0,
  };
}
// Code book: Dynamic security > (Rapport > Information flow), Boundaries; listed out of order on purpose.
const root = code('DS', null, 0);
const rapport = code('DS/Rapport', root.id, 0);
const info = code('DS/Rapport/Info', rapport.id, 0);
const bounds = code('DS/Boundaries', root.id, 1);
const CODES = [bounds, info, root, rapport];

const NOBODY = 'neither coder applied this code here: agreement on it is undefined (0/0)';
const doc = (document: string, both: number, onlyA: number, onlyB: number, neither: number, kappa: number | null, alphaBinary: number | null) => ({
  document,
  n: both + onlyA + onlyB + neither,
  both,
  onlyA,
  onlyB,
  neither,
  percentAgreement: (100 * (both + neither)) / (both + onlyA + onlyB + neither),
  kappa,
  alphaBinary,
  ...(kappa === null && { reasons: { kappa: NOBODY, alphaBinary: NOBODY } }),
});
const pooled = (kappa: number | null, alphaBinary: number | null) => ({
  n: 200,
  both: 10,
  onlyA: 5,
  onlyB: 3,
  neither: 182,
  percentAgreement: 96,
  kappa,
  alphaBinary,
});
const averaged = (kappa: number, alphaBinary: number) => ({
  percentAgreement: 95.5,
  kappa,
  alphaBinary,
  documents: 2,
  skipped: { percentAgreement: 0, kappa: 1, alphaBinary: 1 },
});
const ci = (lower: number, upper: number) => ({
  kappa: { lower, upper },
  alphaBinary: { lower: lower - 0.01, upper: upper - 0.01 },
  level: 0.95,
  resamples: 1000,
  seed: 1,
  resampled: 'documents' as const,
  nullReplicates: { kappa: 0, alphaBinary: 0 },
});

const character: CharacterReport = {
  unit: 'character',
  coders: ['Alice', 'Bob'],
  documentsCompared: ['a.txt', 'b.txt'],
  excluded: [],
  labels: { pooled: 'pooled: summed', mean: 'mean: plain mean', weighted: 'weighted: by length' },
  codes: [
    {
      code: 'DS/Boundaries',
      documents: [doc('a.txt', 0, 0, 0, 100, null, null), doc('b.txt', 10, 5, 3, 82, 0.5123456789, 0.51)],
      pooled: pooled(0.5123456789, 0.51),
      mean: averaged(0.51, 0.5),
      weighted: averaged(0.52, 0.5),
    },
    {
      code: 'DS/Rapport/Info',
      documents: [doc('a.txt', 5, 0, 0, 95, 1, 1), doc('b.txt', 5, 0, 0, 95, 1, 1)],
      pooled: pooled(0.8, 0.8),
      mean: averaged(0.8, 0.8),
      weighted: averaged(0.8, 0.8),
      ci: ci(0.6, 0.9),
    },
    {
      code: 'DS/Rapport',
      documents: [doc('a.txt', 8, 1, 1, 90, 0.7, 0.69), doc('b.txt', 9, 1, 0, 90, 0.66, 0.65)],
      pooled: pooled(0.6669, 0.667),
      mean: averaged(0.68, 0.67),
      weighted: averaged(0.68, 0.67),
    },
  ],
  overall: { pooled: pooled(0.61, 0.6), mean: averaged(0.6, 0.59), weighted: averaged(0.61, 0.6), ci: ci(0.4, 0.7) },
};

describe('codeBookIndex', () => {
  it('walks the code book depth-first by position, whatever order the list is in', () => {
    const index = codeBookIndex(CODES);
    expect([...index.keys()]).toEqual(['DS', 'DS/Rapport', 'DS/Rapport/Info', 'DS/Boundaries']);
    expect(index.get('DS/Rapport/Info')).toMatchObject({ order: 2, depth: 2, guid: 'g-DS/Rapport/Info', name: 'Info' });
  });
});

describe('shapeReport at the character unit', () => {
  const m = shapeReport(character, CODES);
  it('puts rows in code-book order, indented under the codes shown, with the hidden ancestors as context', () => {
    expect(m.rows.map((r) => [r.code, r.depth, r.context])).toEqual([
      ['DS/Rapport', 0, 'DS'],
      ['DS/Rapport/Info', 1, ''],
      ['DS/Boundaries', 0, 'DS'],
    ]);
    expect(m.rows.map((r) => r.guid)).toEqual(['g-DS/Rapport', 'g-DS/Rapport/Info', 'g-DS/Boundaries']);
  });
  it('keeps every value exactly as the report has it, and the reason of each undefined one', () => {
    const b = m.rows.find((r) => r.code === 'DS/Boundaries')!;
    expect(b.stats.kappa).toEqual({ value: 0.5123456789 });
    expect(b.counts).toEqual({ onlyA: 5, onlyB: 3, both: 10, neither: 182, n: 200 });
    expect(b.documents[0]!.stats).toEqual({ percent: { value: 100 }, kappa: { value: null, reason: NOBODY }, alpha: { value: null, reason: NOBODY } });
    expect(b.documents[1]!.counts).toEqual({ onlyA: 5, onlyB: 3, both: 10, neither: 82, n: 100 });
  });
  it('labels the three totals and carries the bootstrap intervals', () => {
    expect(m.totals.map((t) => [t.id, t.label, t.description])).toEqual([
      ['pooled', 'Pooled', 'pooled: summed'],
      ['mean', 'Mean of documents', 'mean: plain mean'],
      ['weighted', 'Length-weighted', 'weighted: by length'],
    ]);
    expect(m.totals[1]!.stats.kappa).toEqual({ value: 0.6 });
    expect(m.totals[1]!.counts).toEqual({});
    expect(m.totals[0]!.ci.kappa).toEqual({ lower: 0.4, upper: 0.7 });
    expect(m.rows[1]!.ci.alpha).toEqual({ lower: 0.59, upper: 0.89 });
    expect(m.ci).toEqual({ level: 0.95, resamples: 1000, seed: 1 });
    expect(m.columns.map((c) => c.id)).toEqual(['percent', 'kappa', 'alpha', 'onlyA', 'onlyB', 'both', 'neither', 'n']);
  });
});

describe('shapeReport at the other units', () => {
  it('document presence: one row per document saying who used the code there', () => {
    const presence: PresenceReport = {
      unit: 'document',
      coders: ['Alice', 'Bob'],
      documentsCompared: ['a.txt', 'b.txt', 'c.txt'],
      excluded: [],
      labels: { unit: 'u', percentAgreement: 'p', kappa: 'k', alpha: 'a', pooled: 'pooled: all' },
      codes: [
        {
          code: 'DS/Rapport',
          usedByA: ['a.txt', 'b.txt'],
          usedByB: ['b.txt'],
          units: 3,
          both: 1,
          onlyA: 1,
          onlyB: 0,
          neither: 1,
          percentAgreement: 200 / 3,
          kappa: 0.4,
          alpha: 0.35,
        },
      ],
      overall: { pooled: { units: 3, both: 1, onlyA: 1, onlyB: 0, neither: 1, percentAgreement: 200 / 3, kappa: 0.4, alpha: 0.35 } },
    };
    const m = shapeReport(presence, CODES);
    expect(m.rows[0]!.stats.alpha).toEqual({ value: 0.35 });
    expect(m.rows[0]!.documents.map((d) => [d.document, d.counts.both, d.counts.onlyA, d.counts.onlyB, d.counts.neither])).toEqual([
      ['a.txt', 0, 1, 0, 0],
      ['b.txt', 1, 0, 0, 0],
      ['c.txt', 0, 0, 0, 1],
    ]);
    expect(heatCells(m, 'alpha').map((c) => [c.document, c.kind, c.text])).toEqual([
      ['a.txt', 'onlyA', 'A'],
      ['b.txt', 'both', 'A+B'],
      ['c.txt', 'neither', ''],
    ]);
  });
  it('segment: percent and Brennan–Prediger κ with segment counts; unitized: the three family totals', () => {
    const counts = { segmentsA: 2, segmentsB: 3, matchedA: 1, matchedB: 1, matched: 2, unmatched: 3, percentAgreement: 40, kappaBP: 0.25 };
    const seg: SegmentReport = {
      unit: 'segment',
      coders: ['Alice', 'Bob'],
      overlapPercent: 50,
      categories: 2,
      documentsCompared: ['a.txt'],
      excluded: [],
      labels: { unit: 'u', matched: 'm', percentAgreement: 'p', kappaBP: 'k', pooled: 'pooled: summed' },
      codes: [{ code: 'DS/Rapport', documents: [{ document: 'a.txt', ...counts }], pooled: counts }],
      overall: { pooled: counts },
    };
    const s = shapeReport(seg, CODES);
    expect(s.columns.map((c) => c.id)).toEqual(['percent', 'kappaBP', 'segmentsA', 'segmentsB', 'matched', 'unmatched']);
    expect(s.rows[0]!.stats).toEqual({ percent: { value: 40 }, kappaBP: { value: 0.25 } });
    expect(s.chartStats[0]).toBe('kappaBP');
    const v = (value: number | null, reason?: string) => ({ value, ...(reason && { reason }) });
    const uni: UnitizedReport = {
      unit: 'unitized',
      coders: ['Alice', 'Bob'],
      codes: ['DS/Rapport', 'DS/Boundaries'],
      documentsCompared: ['a.txt'],
      excluded: [],
      alphaU: v(0.7),
      alphaBinaryU: v(0.6),
      alphaCU: v(null, 'only one category'),
      perCategory: [
        { code: 'DS/Boundaries', alphaCu: v(0.9) },
        { code: 'DS/Rapport', alphaCu: v(0.5) },
      ],
      overall: { alphaU: v(0.7), alphaBinaryU: v(0.6), alphaCU: v(null, 'only one category') },
      labels: { alphaU: 'u-α: all', alphaBinaryU: '|uα', alphaCU: 'cu-α', alphaCu: 'Cu-α' },
    };
    const u = shapeReport(uni, CODES);
    expect(u.rows.map((r) => [r.code, r.stats.alphaCu?.value])).toEqual([
      ['DS/Rapport', 0.5],
      ['DS/Boundaries', 0.9],
    ]);
    expect(u.totals.map((t) => [t.label, t.stats.alphaCu])).toEqual([
      ['u-α', { value: 0.7 }],
      ['|uα', { value: 0.6 }],
      ['cu-α', { value: null, reason: 'only one category' }],
    ]);
  });
});

describe('bands, numbers for people, sorting', () => {
  it('bands at 0.800 and 0.667 (Krippendorff 2004), undefined has none', () => {
    expect([0.8, 0.79999, 0.667, 0.6669, -0.2, null].map(bandOf)).toEqual(['reliable', 'tentative', 'tentative', 'unreliable', 'unreliable', null]);
  });
  it('rounds for reading only, with a real minus sign; the tooltip holds the full value and the reason', () => {
    expect(formatStat('kappa', -0.0104)).toBe('−0.010');
    expect(formatStat('percent', 98.12788398154252)).toBe('98.1 %');
    expect(formatStat('alpha', null)).toBe('undefined');
    const tip = explainStat('character', 'kappa', { value: 0.6208064117221997 }, 'Rapport');
    expect(tip).toContain('0.6208064117221997');
    expect(tip).toMatch(/Cohen/);
    expect(tip).toMatch(/characters/);
    expect(tip).toMatch(/marginalia agreement --json/);
    expect(explainStat('turn', 'alpha', { value: null, reason: NOBODY }, 'x')).toContain(NOBODY);
  });
  it('sorts by any column, undefined values last either way, ties in code-book order', () => {
    const m = shapeReport(character, CODES);
    const withNull = [...m.rows, { ...m.rows[2]!, code: 'DS/Z', order: 9, stats: { kappa: { value: null } } }];
    expect(sortRows(withNull, { key: 'kappa', dir: 'descending' }).map((r) => r.code)).toEqual(['DS/Rapport/Info', 'DS/Rapport', 'DS/Boundaries', 'DS/Z']);
    expect(sortRows(withNull, { key: 'kappa', dir: 'ascending' }).map((r) => r.code)).toEqual(['DS/Boundaries', 'DS/Rapport', 'DS/Rapport/Info', 'DS/Z']);
    expect(sortRows(m.rows, { key: 'both', dir: 'ascending' }).map((r) => r.code)).toEqual(['DS/Rapport', 'DS/Rapport/Info', 'DS/Boundaries']);
    expect(sortRows(m.rows, { key: 'code', dir: 'descending' }).map((r) => r.code)).toEqual(['DS/Boundaries', 'DS/Rapport/Info', 'DS/Rapport']);
  });
});

describe('chart data', () => {
  const m = shapeReport(character, CODES);
  it('one dot per defined value, with its interval and band; the axis indents sub-codes', () => {
    const { dots } = dotData(m, 'kappa');
    expect(dots.map((d) => [d.code, d.value, d.band, d.lower, d.upper])).toEqual([
      ['DS/Rapport', 0.6669, 'unreliable', null, null],
      ['DS/Rapport/Info', 0.8, 'reliable', 0.6, 0.9],
      ['DS/Boundaries', 0.5123456789, 'unreliable', null, null],
    ]);
    expect(codeAxis(m.rows).label.get('DS/Rapport/Info')).toBe('› Info');
    expect(dotDomain(dots, 'kappa')).toEqual([0, 1]);
    expect(dotDomain([{ ...dots[0]!, value: -0.23 }], 'kappa')).toEqual([-0.3, 1]);
  });
  it('one heatmap cell per code × document, undefined cells kept with their reason', () => {
    const cells = heatCells(m, 'kappa');
    expect(cells).toHaveLength(6);
    const empty = cells.find((c) => c.code === 'DS/Boundaries' && c.document === 'a.txt')!;
    expect(empty).toMatchObject({ kind: 'undefined', value: null, text: '–', codeGuid: 'g-DS/Boundaries', row: 2 });
    expect(empty.title).toContain(NOBODY);
    expect(cells.find((c) => c.code === 'DS/Rapport' && c.document === 'b.txt')).toMatchObject({ kind: 'unreliable', value: 0.66, text: '0.660' });
  });
});
