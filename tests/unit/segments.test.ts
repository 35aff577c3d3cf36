import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphs, segmentText } from '../../shared/text/segments.js';

describe('segments: the view is cut from the text', () => {
  it('comes out flat for overlaps: [A] [A,B] [B]', () => {
    const s = segmentText('abcdefghij', [
      { id: 'A', start: 0, end: 6 },
      { id: 'B', start: 3, end: 9 },
    ]);
    expect(s).toEqual([
      { start: 0, end: 3, ids: ['A'] },
      { start: 3, end: 6, ids: ['A', 'B'] },
      { start: 6, end: 9, ids: ['B'] },
      { start: 9, end: 10, ids: [] },
    ]);
  });

  it('tiles the text exactly, and each piece lists exactly the codings covering it (emoji and lines too)', () => {
    const text = 'Officer: trust 👍\nInterviewer: why?\n\nOfficer: respect.';
    const coding = fc
      .tuple(fc.nat(text.length), fc.nat(text.length))
      .map(([a, b]) => ({ id: '', start: Math.min(a, b), end: Math.max(a, b) }))
      .filter((c) => c.start < c.end);
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 8 }), (list) => {
        const codings = list.map((c, i) => ({ ...c, id: `c${i}` }));
        const segs = segmentText(text, codings);
        expect(segs[0]!.start).toBe(0);
        expect(segs.at(-1)!.end).toBe(text.length);
        for (let i = 1; i < segs.length; i += 1) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
        for (const s of segs) {
          expect(s.start).toBeLessThan(s.end);
          const covering = codings.filter((c) => c.start <= s.start && s.end <= c.end).map((c) => c.id);
          expect(s.ids).toEqual(covering);
          expect(codings.every((c) => (c.start <= s.start && s.end <= c.end) || c.end <= s.start || c.start >= s.end)).toBe(true);
        }
        const paras = paragraphs(text, segs);
        expect(paras.map((p) => text.slice(p.start, p.end))).toEqual(text.split('\n'));
      }),
    );
  });
});
