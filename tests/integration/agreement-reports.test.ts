import { afterEach, describe, expect, it } from 'vitest';
import { characterReport } from '../../electron/services/agreement/character.js';
import { presenceReport } from '../../electron/services/agreement/presence.js';
import { segmentReport } from '../../electron/services/agreement/segments.js';
import { turnReport } from '../../electron/services/agreement/turns.js';
import { unitizedReport } from '../../electron/services/agreement/unitized.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

/** d1 (100 units): X by A [0,20) and B [10,30); Y only by A [50,60). d2 (300): X by both [0,100). d3: only A. */
function setup() {
  p = tempProject({ empty: true });
  addText(p.session, 'd1.txt', 'a'.repeat(100));
  addText(p.session, 'd2.txt', 'b'.repeat(300));
  addText(p.session, 'd3.txt', 'c'.repeat(50));
  createCode(p.session, null, 'X');
  createCode(p.session, null, 'Y');
  createCode(p.session, null, 'Z');
  addCoder(p.session, 'A');
  addCoder(p.session, 'B');
  const code = (document: string, code: string, coder: string, start: number, end: number) => applyCoding(p.session, { document, code, coder, start, end });
  code('d1.txt', 'X', 'A', 0, 20);
  code('d1.txt', 'X', 'B', 10, 30);
  code('d1.txt', 'Y', 'A', 50, 60);
  code('d2.txt', 'X', 'A', 0, 100);
  code('d2.txt', 'X', 'B', 0, 100);
  code('d3.txt', 'X', 'A', 0, 10);
}

describe('character-level agreement', () => {
  it('gives hand-computed counts, κ, pooled, mean and length-weighted values, each labelled', () => {
    setup();
    const r = characterReport(p.session, { coders: ['A', 'B'] });
    expect(r.documentsCompared).toEqual(['d1.txt', 'd2.txt']);
    expect(r.excluded).toEqual([{ document: 'd3.txt', reason: 'only A coded it' }]);
    const x = r.codes.find((c) => c.code === 'X')!;
    expect(x.documents[0]).toMatchObject({ document: 'd1.txt', n: 100, both: 10, onlyA: 10, onlyB: 10, neither: 70, percentAgreement: 80, kappa: 0.375 });
    expect(x.documents[1]).toMatchObject({
      document: 'd2.txt',
      n: 300,
      both: 100,
      onlyA: 0,
      onlyB: 0,
      neither: 200,
      percentAgreement: 100,
      kappa: 1,
      alphaBinary: 1,
    });
    // pooled: a=110, b=c=10, d=270 → κ = 2(110·270 − 100)/(2·120·280) = 0.880952
    expect(x.pooled).toMatchObject({ n: 400, both: 110, onlyA: 10, onlyB: 10, neither: 270, percentAgreement: 95 });
    // Values as computed (no rounding in reports): 59200 / 67200 and (100·0.375 + 300·1) / 400.
    expect(x.pooled.kappa).toBeCloseTo(59200 / 67200, 12);
    expect(x.mean.kappa).toBe(0.6875);
    expect(x.weighted.kappa).toBeCloseTo(0.84375, 12);
    expect(r.labels.pooled).toMatch(/summed/);
    const y = r.codes.find((c) => c.code === 'Y')!;
    expect(y.documents[0]).toMatchObject({ kappa: 0, note: 'only A applied this code' });
    expect(y.documents[1]).toMatchObject({ kappa: null, alphaBinary: null, percentAgreement: 100 });
    expect(y.documents[1]!.reasons!.kappa).toMatch(/neither coder applied this code/);
    expect(y.mean.skipped.kappa).toBe(1);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  it('reports a code nobody used as null with a reason, and gives reproducible bootstrap intervals', () => {
    setup();
    const r = characterReport(p.session, { coders: ['A', 'B'], codes: ['Z'] });
    expect(r.codes[0]!.pooled).toMatchObject({ kappa: null, alphaBinary: null });
    expect(r.codes[0]!.pooled.reasons!.kappa).toMatch(/neither coder/);
    const one = characterReport(p.session, { coders: ['A', 'B'] }, { ci: { resamples: 300, seed: 7 } });
    const two = characterReport(p.session, { coders: ['A', 'B'] }, { ci: { resamples: 300, seed: 7 } });
    const other = characterReport(p.session, { coders: ['B', 'A'] }, { ci: { resamples: 300, seed: 8 } });
    expect(one.codes[0]!.ci).toEqual(two.codes[0]!.ci);
    expect(one.codes[0]!.ci!.kappa.lower).toBeLessThanOrEqual(one.codes[0]!.pooled.kappa!);
    expect(other.codes[0]!.pooled.kappa).toBe(one.codes[0]!.pooled.kappa);
  });

  it('refuses unknown coders, the same coder twice, and coders without codings', () => {
    setup();
    addCoder(p.session, 'C');
    expect(() => characterReport(p.session, { coders: ['A', 'Nobody'] })).toThrow(/coder "Nobody" is not in this project/);
    expect(() => characterReport(p.session, { coders: ['A', 'a'] })).toThrow(/two different coders/);
    expect(() => characterReport(p.session, { coders: ['A', 'C'] })).toThrow(/C has no codings/);
  });
});

describe('other units', () => {
  it('segment level counts matches from both sides at the overlap threshold', () => {
    setup();
    const at90 = segmentReport(p.session, { coders: ['A', 'B'] }, 90);
    const x90 = at90.codes.find((c) => c.code === 'X')!;
    expect(x90.pooled).toMatchObject({ segmentsA: 2, segmentsB: 2, matched: 2, unmatched: 2, percentAgreement: 50, kappaBP: 0 });
    const at30 = segmentReport(p.session, { coders: ['A', 'B'] }, 30);
    expect(at30.codes.find((c) => c.code === 'X')!.pooled).toMatchObject({ matched: 4, unmatched: 0, percentAgreement: 100, kappaBP: 1 });
    expect(at30.codes.find((c) => c.code === 'Y')!.pooled).toMatchObject({ segmentsA: 1, matched: 0, percentAgreement: 0 });
  });

  it('document presence: per code, used or not in each document', () => {
    setup();
    const r = presenceReport(p.session, { coders: ['A', 'B'] });
    const x = r.codes.find((c) => c.code === 'X')!;
    expect(x).toMatchObject({ units: 2, both: 2, percentAgreement: 100, kappa: null });
    expect(x.reasons!.kappa).toMatch(/both coders applied this code to every one of these units/);
    expect(r.codes.find((c) => c.code === 'Y')).toMatchObject({ units: 2, onlyA: 1, neither: 1, percentAgreement: 50, kappa: 0 });
  });

  it('speaker turn: a turn is coded when any character of it is', () => {
    p = tempProject({ empty: true });
    const text = 'Interviewer: one two three.\nOfficer: four five six.\nInterviewer: seven.\nOfficer: eight nine.';
    addText(p.session, 't.txt', text);
    createCode(p.session, null, 'X');
    addCoder(p.session, 'A');
    addCoder(p.session, 'B');
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    applyCoding(p.session, { document: 't.txt', code: 'X', coder: 'A', ...at('five') });
    applyCoding(p.session, { document: 't.txt', code: 'X', coder: 'B', ...at('four five six') });
    applyCoding(p.session, { document: 't.txt', code: 'X', coder: 'B', ...at('eight') });
    const r = turnReport(p.session, { coders: ['A', 'B'] });
    // turns: [no,no], [A,B], [no,no], [no,B] → 3 of 4 agree; κ = (0.75 − 0.5)/(1 − 0.5) = 0.5
    expect(r.codes[0]!.pooled).toMatchObject({ units: 4, both: 1, onlyB: 1, neither: 2, percentAgreement: 75, kappa: 0.5 });
  });

  it('unitized family over a group of codes: identical codings give 1', () => {
    setup();
    const r = unitizedReport(p.session, { coders: ['A', 'B'], codes: ['X'], documents: ['d2.txt'] });
    expect(r.alphaU.value).toBe(1);
    expect(r.alphaBinaryU.value).toBe(1);
  });
});
