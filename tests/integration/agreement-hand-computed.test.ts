/**
 * Agreement reports on real project files, checked against values worked out by hand from the
 * formulas in shared/agreement (κ = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)); |uα in closed form,
 * see characterAlpha; Brennan–Prediger κ = (p_o − 1/q)/(1 − 1/q)).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { characterReport } from '../../electron/services/agreement/character.js';
import { segmentReport } from '../../electron/services/agreement/segments.js';
import { turnReport } from '../../electron/services/agreement/turns.js';
import { unitizedReport } from '../../electron/services/agreement/unitized.js';
import { addCoder, applyCoding } from '../../electron/services/codings.js';
import { createCode } from '../../electron/services/codebook.js';
import { addText, tempProject, type TempProject } from './helpers.js';

let p: TempProject;
afterEach(() => p.done());

function project(docs: Record<string, string>, codes: string[]) {
  p = tempProject({ empty: true });
  for (const [name, text] of Object.entries(docs)) addText(p.session, name, text);
  for (const c of codes) createCode(p.session, null, c);
  addCoder(p.session, 'A');
  addCoder(p.session, 'B');
  return (document: string, code: string, coder: string, start: number, end: number) => applyCoding(p.session, { document, code, coder, start, end });
}

/** |uα from counts: 1 − (onlyA + onlyB)(ℓ..² − ΣlA² − ΣlB² − gaps) / (ℓ.. · coded · gaps), ℓ.. = 2n. */
function uAlpha(n: number, both: number, onlyA: number, onlyB: number, squaresA: number, squaresB: number): number {
  const total = 2 * n;
  const coded = 2 * both + onlyA + onlyB;
  const gaps = total - coded;
  return 1 - ((onlyA + onlyB) * (total * total - squaresA - squaresB - gaps)) / (total * coded * gaps);
}

/** 2×2 κ = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)). */
const kappa = (a: number, b: number, c: number, d: number) => (2 * (a * d - b * c)) / ((a + b) * (b + d) + (a + c) * (c + d));

describe('character unit: pooled, mean and length-weighted differ, and each is what its label says', () => {
  it('per code and overall, for percent agreement, κ and |uα', () => {
    // d1 (100): X by A [0,20), B [10,30); Y only by A [50,60). d2 (300): X by both [0,100).
    const code = project({ 'd1.txt': 'a'.repeat(100), 'd2.txt': 'b'.repeat(300) }, ['X', 'Y']);
    code('d1.txt', 'X', 'A', 0, 20);
    code('d1.txt', 'X', 'B', 10, 30);
    code('d1.txt', 'Y', 'A', 50, 60);
    code('d2.txt', 'X', 'A', 0, 100);
    code('d2.txt', 'X', 'B', 0, 100);
    const r = characterReport(p.session, { coders: ['A', 'B'] });
    const x = r.codes.find((c) => c.code === 'X')!;
    const d1 = { pa: 80, k: kappa(10, 10, 10, 70), a: uAlpha(100, 10, 10, 10, 400, 400) };
    expect(d1.k).toBe(0.375);
    expect(d1.a).toBeCloseTo(0.39, 10);
    expect(x.documents[0]).toMatchObject({ percentAgreement: 80, kappa: 0.375 });
    expect(x.documents[0]!.alphaBinary).toBeCloseTo(0.39, 12);
    // d2 is perfect: 100 %, κ = 1, |uα = 1.
    expect(x.pooled).toMatchObject({ n: 400, both: 110, onlyA: 10, onlyB: 10, neither: 270, percentAgreement: 95 });
    expect(x.pooled.kappa).toBeCloseTo(kappa(110, 10, 10, 270), 4); // 0.8810
    expect(x.pooled.alphaBinary).toBeCloseTo(uAlpha(400, 110, 10, 10, 400 + 100 ** 2, 400 + 100 ** 2), 4); // 0.8849
    expect(x.mean).toMatchObject({ percentAgreement: 90, kappa: 0.6875, documents: 2 });
    expect(x.mean.alphaBinary).toBeCloseTo((0.39 + 1) / 2, 4);
    expect(x.weighted.percentAgreement).toBe(95);
    expect(x.weighted.kappa).toBeCloseTo((100 * 0.375 + 300) / 400, 4); // 0.84375
    expect(x.weighted.alphaBinary).toBeCloseTo((100 * 0.39 + 300) / 400, 4); // 0.8475
    // Y: only A used it; κ = 0 in d1 (chance-level), undefined in d2 (nobody used it there).
    const y = r.codes.find((c) => c.code === 'Y')!;
    expect(y.documents[0]).toMatchObject({ both: 0, onlyA: 10, neither: 90, kappa: 0, note: 'only A applied this code' });
    expect(y.documents[0]!.alphaBinary).toBeCloseTo(uAlpha(100, 0, 10, 0, 100, 0), 4); // −0.045
    expect(y.documents[1]).toMatchObject({ kappa: null, alphaBinary: null, percentAgreement: 100 });
    expect(y.mean.skipped).toEqual({ percentAgreement: 0, kappa: 1, alphaBinary: 1 });
    // Overall: per document the codes' tables are summed. d1: a=10 b=20 c=10 d=160; d2: a=100 d=500.
    const o = r.overall;
    expect(o.pooled).toMatchObject({ n: 800, both: 110, onlyA: 20, onlyB: 10, neither: 660, percentAgreement: 96.25 });
    expect(o.pooled.kappa).toBeCloseTo(kappa(110, 20, 10, 660), 4); // 0.8578
    expect(o.pooled.alphaBinary).toBeCloseTo(uAlpha(800, 110, 20, 10, 400 + 10000 + 100, 400 + 10000), 4); // 0.8590
    const k1 = kappa(10, 20, 10, 160);
    const a1 = uAlpha(200, 10, 20, 10, 500, 400);
    expect(o.mean).toMatchObject({ percentAgreement: 92.5 });
    expect(o.mean.kappa).toBeCloseTo((k1 + 1) / 2, 4); // 0.6591
    expect(o.mean.alphaBinary).toBeCloseTo((a1 + 1) / 2, 4);
    expect(o.weighted.percentAgreement).toBe(96.25);
    expect(o.weighted.kappa).toBeCloseTo((200 * k1 + 600) / 800, 4); // 0.8295
    expect(o.weighted.alphaBinary).toBeCloseTo((200 * a1 + 600) / 800, 4);
    // The three really differ here, so a reader must be told which one is which.
    expect(new Set([o.pooled.kappa, o.mean.kappa, o.weighted.kappa]).size).toBe(3);
  });

  it('overlapping codes are compared code by code, each on its own 2×2 table', () => {
    // A: X [0,30), Y [20,50); B: X [0,30), Y [25,50) — X and Y overlap in the text for both coders.
    const code = project({ 'e.txt': 'e'.repeat(60) }, ['X', 'Y']);
    code('e.txt', 'X', 'A', 0, 30);
    code('e.txt', 'Y', 'A', 20, 50);
    code('e.txt', 'X', 'B', 0, 30);
    code('e.txt', 'Y', 'B', 25, 50);
    const r = characterReport(p.session, { coders: ['A', 'B'] });
    expect(r.codes.map((c) => c.code)).toEqual(['X', 'Y']);
    expect(r.codes[0]!.documents[0]).toMatchObject({ both: 30, onlyA: 0, onlyB: 0, neither: 30, percentAgreement: 100, kappa: 1, alphaBinary: 1 });
    const y = r.codes[1]!.documents[0]!;
    expect(y).toMatchObject({ n: 60, both: 25, onlyA: 5, onlyB: 0, neither: 30 });
    expect(y.percentAgreement).toBeCloseTo((100 * 55) / 60, 2);
    expect(y.kappa).toBeCloseTo(kappa(25, 5, 0, 30), 4); // 1500/1800 = 0.8333
    expect(y.alphaBinary).toBeCloseTo(uAlpha(60, 25, 5, 0, 900, 625), 4); // 0.8507
  });

  it('bootstrap intervals resample documents: the same seed repeats, another seed differs, one document gives null', () => {
    const docs: Record<string, string> = {};
    for (let i = 0; i < 8; i += 1) docs[`d${i}.txt`] = `${i}`.repeat(100 + 37 * i); // distinct texts: duplicates are not imported
    const code = project(docs, ['X']);
    for (let i = 0; i < 8; i += 1) {
      code(`d${i}.txt`, 'X', 'A', 0, 40);
      // Irregular disagreement, so that pooled κ of a resample is not a function of one sum.
      code(`d${i}.txt`, 'X', 'B', (3 * i * i) % 23, 35 + ((13 * i) % 29));
    }
    const ci = (seed: number) => characterReport(p.session, { coders: ['A', 'B'] }, { ci: { resamples: 400, seed } });
    const one = ci(7);
    expect(ci(7).codes[0]!.ci).toEqual(one.codes[0]!.ci);
    expect(ci(7).overall.ci).toEqual(one.overall.ci);
    const other = ci(8);
    expect(other.codes[0]!.ci!.kappa).not.toEqual(one.codes[0]!.ci!.kappa);
    const c = one.codes[0]!.ci!;
    expect(c).toMatchObject({ resamples: 400, seed: 7, level: 0.95, resampled: 'documents' });
    expect(c.kappa.lower!).toBeLessThanOrEqual(one.codes[0]!.pooled.kappa!);
    expect(c.kappa.upper!).toBeGreaterThanOrEqual(one.codes[0]!.pooled.kappa!);
    expect(c.alphaBinary.lower!).toBeLessThan(c.alphaBinary.upper!);
    const single = characterReport(p.session, { coders: ['A', 'B'], documents: ['d3.txt'] }, { ci: { resamples: 100, seed: 1 } });
    expect(single.codes[0]!.ci!.kappa).toEqual({ lower: null, upper: null, reason: expect.stringMatching(/one document/) });
  });
});

describe('segment unit at 90 % and 50 % overlap', () => {
  it('matches by |A∩B| / |A∪B| from both sides, with Brennan–Prediger p_c = 1/q over the codes compared', () => {
    const code = project({ 's.txt': 's'.repeat(300) }, ['X', 'Y', 'Z']);
    code('s.txt', 'X', 'A', 0, 100); // B [0,60): overlap 60/100 = 0.6
    code('s.txt', 'X', 'B', 0, 60);
    code('s.txt', 'X', 'A', 120, 150); // B [121,150): 29/30 ≈ 0.967
    code('s.txt', 'X', 'B', 121, 150);
    code('s.txt', 'X', 'A', 200, 250); // B [200,245): 45/50 = 0.9 exactly — matched at 90 (≥)
    code('s.txt', 'X', 'B', 200, 245);
    code('s.txt', 'Y', 'A', 160, 200); // only A
    code('s.txt', 'Z', 'B', 100, 110); // only B
    const bp = (po: number, q: number) => (po - 1 / q) / (1 - 1 / q);
    const at90 = segmentReport(p.session, { coders: ['A', 'B'] }, 90);
    expect(at90.categories).toBe(3);
    const x90 = at90.codes.find((c) => c.code === 'X')!.pooled;
    expect(x90).toMatchObject({ segmentsA: 3, segmentsB: 3, matchedA: 2, matchedB: 2, matched: 4, unmatched: 2 });
    expect(x90.percentAgreement).toBeCloseTo(200 / 3, 12);
    expect(x90.kappaBP).toBeCloseTo(bp(4 / 6, 3), 4); // 0.5
    expect(at90.codes.find((c) => c.code === 'Y')!.pooled).toMatchObject({
      segmentsA: 1,
      segmentsB: 0,
      matched: 0,
      unmatched: 1,
      percentAgreement: 0,
      kappaBP: expect.closeTo(-0.5, 12),
    });
    expect(at90.overall.pooled).toMatchObject({ matched: 4, unmatched: 4, percentAgreement: 50, kappaBP: expect.closeTo(0.25, 12) });
    const at50 = segmentReport(p.session, { coders: ['A', 'B'] }, 50);
    expect(at50.codes.find((c) => c.code === 'X')!.pooled).toMatchObject({ matched: 6, unmatched: 0, percentAgreement: 100, kappaBP: expect.closeTo(1, 12) });
    expect(at50.overall.pooled).toMatchObject({ matched: 6, unmatched: 2, percentAgreement: 75, kappaBP: expect.closeTo(0.625, 12) });
    expect(at50.labels.unit).toMatch(/≥ 50% \(\|A∩B\| \/ \|A∪B\|\)/);
    // A code nobody used in a document: null with the reason, never NaN.
    const z = segmentReport(p.session, { coders: ['A', 'B'], codes: ['X', 'Y', 'Z'] }, 90).codes.find((c) => c.code === 'Z')!;
    expect(z.pooled).toMatchObject({ segmentsA: 0, segmentsB: 1, percentAgreement: 0 });
  });
});

describe('speaker turns', () => {
  it('counts turns touched by any character, and lists documents without turns with a reason', () => {
    const text = 'Interviewer: one two three.\nOfficer: four five six.\nInterviewer: seven.\nOfficer: eight nine.';
    const code = project({ 't.txt': text, 'plain.txt': 'no speakers here at all, just one paragraph of notes' }, ['X']);
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    code('t.txt', 'X', 'A', ...at('five'));
    code('t.txt', 'X', 'B', ...at('four five six'));
    code('t.txt', 'X', 'B', ...at('eight'));
    code('plain.txt', 'X', 'A', 0, 10);
    code('plain.txt', 'X', 'B', 0, 10);
    const r = turnReport(p.session, { coders: ['A', 'B'] });
    expect(r.documentsCompared).toEqual(['t.txt']);
    expect(r.excluded).toEqual([{ document: 'plain.txt', reason: 'no speaker turns were detected in it' }]);
    // turns: [–,–], [A,B], [–,–], [–,B]: 3 of 4 agree; κ = (0.75 − 0.5)/(1 − 0.5) = 0.5;
    // α (nominal): o00 = 4, o11 = 2, o01 = o10 = 1, n = 8 → 1 − 7·1/(5·3) = 0.5333.
    expect(r.codes[0]!.documents).toEqual([
      expect.objectContaining({
        document: 't.txt',
        units: 4,
        both: 1,
        onlyA: 0,
        onlyB: 1,
        neither: 2,
        percentAgreement: 75,
        kappa: 0.5,
        alpha: expect.closeTo(8 / 15, 12),
      }),
    ]);
    expect(r.overall.pooled).toMatchObject({ units: 4, kappa: 0.5, alpha: expect.closeTo(8 / 15, 12) });
    expect(r.labels.unit).toMatch(/any character/);
  });
});

describe('unitized family', () => {
  it('for one code in one document u-α = |uα = the character |uα; cu-α is undefined with a reason', () => {
    const code = project({ 'd1.txt': 'a'.repeat(100) }, ['X', 'Y']);
    code('d1.txt', 'X', 'A', 0, 20);
    code('d1.txt', 'X', 'B', 10, 30);
    const r = unitizedReport(p.session, { coders: ['A', 'B'], codes: ['X'] });
    expect(r.overall.alphaU.value).toBeCloseTo(0.39, 12);
    expect(r.overall.alphaBinaryU.value).toBeCloseTo(0.39, 12);
    expect(r.overall.alphaCU).toEqual({ value: null, reason: expect.stringMatching(/one category/) });
    expect(r.perCategory).toEqual([{ code: 'X', alphaCu: { value: null, reason: expect.any(String) } }]);
  });

  it('refuses codes one coder overlaps, naming coder, codes and document', () => {
    const code = project({ 'd1.txt': 'a'.repeat(100) }, ['X', 'Y']);
    code('d1.txt', 'X', 'A', 0, 50);
    code('d1.txt', 'Y', 'A', 60, 70);
    code('d1.txt', 'X', 'B', 0, 80);
    code('d1.txt', 'Y', 'B', 10, 20);
    expect(() => unitizedReport(p.session, { coders: ['A', 'B'], codes: ['X', 'Y'] })).toThrow(
      /must not overlap: B coded "X" \[0,80\) and "Y" \[10,20\) in d1\.txt/,
    );
  });

  it('refuses an unknown document or code in the scope', () => {
    const code = project({ 'd1.txt': 'a'.repeat(100) }, ['X']);
    code('d1.txt', 'X', 'A', 0, 50);
    code('d1.txt', 'X', 'B', 0, 50);
    expect(() => characterReport(p.session, { coders: ['A', 'B'], documents: ['nope.txt'] })).toThrow(/nope\.txt/);
    expect(() => characterReport(p.session, { coders: ['A', 'B'], codes: ['No/Such'] })).toThrow(/No\/Such/);
  });
});
