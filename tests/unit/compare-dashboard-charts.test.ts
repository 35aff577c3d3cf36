// @vitest-environment jsdom
/** The dashboard's Plot charts drawn into jsdom, and the choice bar's scope helpers. */
import { describe, expect, it } from 'vitest';
import type { CasesView, CodeWithCounts, CoderWithCounts, DocumentListItem } from '../../shared/api/types.js';
import type { Dot, HeatCell } from '../../renderer/compare/dashboard/chart-data.js';
import { LINKED_CELLS, dotChart, heatmap } from '../../renderer/compare/dashboard/charts.js';
import { fileName } from '../../renderer/compare/dashboard/save.js';
import { attributeChoices, defaultPair, docsBothCoded, docsWithAttribute, subtree, subtreeRoot } from '../../renderer/compare/dashboard/scope.js';

const axis = {
  codes: ['R', 'R/I', 'B'],
  label: new Map([
    ['R', 'R'],
    ['R/I', '› I'],
    ['B', 'B'],
  ]),
};
const dot = (code: string, value: number, band: Dot['band'], lower: number | null = null, upper: number | null = null): Dot => ({
  code,
  value,
  band,
  lower,
  upper,
  title: `${code} ${value}`,
});

describe('dot chart', () => {
  it('draws one mark per band, whiskers only where an interval exists, and the band thresholds as rules', () => {
    const svg = dotChart(axis, [dot('R', 0.9, 'reliable', 0.8, 0.95), dot('R/I', 0.7, 'tentative'), dot('B', -0.1, 'unreliable')], 'kappa', 600, document);
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('style')).toHaveLength(0);
    for (const band of ['reliable', 'tentative', 'unreliable']) expect(svg.querySelectorAll(`g.band-${band} > *`)).toHaveLength(1);
    expect(svg.querySelectorAll('g.whisker > *')).toHaveLength(3); // one rule and two end ticks
    const labels = [...svg.querySelectorAll('g.rule-label text')].map((t) => t.textContent);
    expect(labels).toEqual(['reliable ≥ 0.800', 'tentative ≥ 0.667']);
    expect([...svg.querySelectorAll('g.band-reliable title')].map((t) => t.textContent)).toEqual(['R 0.9']);
    // Sub-codes keep their indent on the axis.
    expect([...svg.querySelectorAll('text')].some((t) => t.textContent === '› I')).toBe(true);
  });
});

describe('heatmap', () => {
  const cell = (row: number, code: string, document: string, kind: HeatCell['kind'], value: number | null): HeatCell => ({
    row,
    code,
    codeGuid: `g-${code}`,
    document,
    kind,
    value,
    text: String(value),
    title: `${code} in ${document}`,
  });
  it('draws one linked cell per code × document, grouped by band, with values printed when there is room', () => {
    const cells = [
      cell(0, 'R', 'a.txt', 'reliable', 0.9),
      cell(0, 'R', 'b.txt', 'undefined', null),
      cell(2, 'B', 'a.txt', 'unreliable', 0.1),
      cell(2, 'B', 'b.txt', 'tentative', 0.7),
    ];
    const svg = heatmap(axis, ['a.txt', 'b.txt'], cells, 700, document);
    const links = [...svg.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(['#cell:0:0', '#cell:0:1', '#cell:2:0', '#cell:2:1']);
    expect(svg.querySelectorAll('g.heat-undefined rect')).toHaveLength(1);
    expect(svg.querySelectorAll('g.heat-text text')).toHaveLength(4);
    expect(svg.querySelector('g.heat-reliable rect')?.getAttribute('aria-label')).toBe('R in a.txt');
  });
  it('with many cells, one path per band instead of a link each, no per-document labels or printed values', () => {
    const docs = Array.from({ length: 400 }, (_, i) => `d${i}.txt`);
    const cells = [0, 2].flatMap((row) => docs.map((d, i) => cell(row, row === 0 ? 'R' : 'B', d, i % 2 ? 'reliable' : 'unreliable', 0.9)));
    expect(cells.length).toBeGreaterThan(LINKED_CELLS);
    const svg = heatmap(axis, docs, cells, 900, document);
    expect(svg.querySelectorAll('a')).toHaveLength(0);
    expect(svg.querySelectorAll('g.heat-reliable path, g.heat-unreliable path')).toHaveLength(2);
    // 400 cells per band, each a closed rectangle in the path.
    expect(svg.querySelector('g.heat-reliable path')!.getAttribute('d')!.split('z').filter(Boolean)).toHaveLength(400);
    expect(svg.querySelectorAll('g.heat-text')).toHaveLength(0);
    expect(svg.textContent).toContain('400 documents');
  });
});

describe('choice helpers', () => {
  const coder = (guid: string, name: string, codings: number): CoderWithCounts => ({ id: 0, guid, name, codings, documents: 1 });
  it('picks the first two coders who coded, consensus coders last', () => {
    expect(defaultPair([coder('c', 'Consensus (A+B)', 50), coder('e', 'Eve', 0), coder('a', 'Alice', 3), coder('b', 'Bob', 9)])).toEqual(['a', 'b']);
    expect(defaultPair([coder('a', 'Alice', 3), coder('c', 'Consensus (A+B)', 50)])).toEqual(['a', 'c']);
    expect(defaultPair([coder('a', 'Alice', 3)])).toBeNull();
  });
  const c = (id: number, path: string, parentId: number | null): CodeWithCounts => ({
    id,
    guid: `g${id}`,
    parentId,
    name: path,
    path,
    color: '',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    position: id,
    own: 0,
    total: 0,
  });
  const codes = [c(1, 'R', null), c(2, 'R/I', 1), c(3, 'R/I/x', 2), c(4, 'Re', null)];
  it('a subtree is the code and everything under it (not a sibling sharing a prefix)', () => {
    expect(subtree(codes, 'g1')).toEqual(['g1', 'g2', 'g3']);
    expect(subtreeRoot(codes, ['g2', 'g3'])).toBe('g2');
    expect(subtreeRoot(codes, ['g2', 'g4'])).toBeNull();
    expect(subtreeRoot(codes, [])).toBeNull();
  });
  it('documents both coded, and documents by case attribute', () => {
    const d = (guid: string, caseName: string | null, by: string[]): DocumentListItem => ({
      id: 0,
      guid,
      name: guid,
      format: 'txt',
      length: 1,
      turns: 0,
      caseName,
      importedAt: '',
      codings: 1,
      byCoder: by.map((b) => ({ coderGuid: b, coder: b, codings: 1 })),
    });
    const docs = [d('d1', 'CO-01', ['a', 'b']), d('d2', 'IP-01', ['a']), d('d3', 'CO-03', ['a', 'b'])];
    expect(docsBothCoded(docs, 'a', 'b').map((x) => x.guid)).toEqual(['d1', 'd3']);
    const cases: CasesView = {
      attributes: [],
      cases: [
        { name: 'CO-01', guid: '1', attributes: { role: 'officer', site: 'B' } },
        { name: 'IP-01', guid: '2', attributes: { role: 'resident', site: '' } },
        { name: 'CO-03', guid: '3', attributes: { role: 'officer' } },
      ],
    };
    expect(attributeChoices(cases)).toEqual([
      { attribute: 'role', value: 'officer' },
      { attribute: 'role', value: 'resident' },
      { attribute: 'site', value: 'B' },
    ]);
    expect(docsWithAttribute(docs, cases, 'role', 'officer')).toEqual(['d1', 'd3']);
  });
  it('names saved charts safely', () => {
    expect(fileName(['Alice', 'Consensus (A+B)', 'segment', '90pct', 'kappaBP', 'heatmap'], 'png')).toBe(
      'alice-consensus-a-b-segment-90pct-kappabp-heatmap.png',
    );
  });
});
