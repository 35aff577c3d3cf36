/**
 * The transcript's line models are recomputed only for the lines a change touches; whatever
 * the sequence of changes, the result must equal a fresh computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CodingView } from '../../shared/api/types.js';
import { createTranscriptModel, lineAt, transcriptModel } from '../../renderer/transcript/model.js';

const coding = (id: string, start: number, end: number, color = '#336699'): CodingView => ({
  guid: id,
  codeGuid: 'c',
  code: 'A',
  color,
  coderGuid: 'coder-alice',
  coder: 'Alice',
  start,
  end,
  memo: null,
});

describe('transcript line models', () => {
  const text = 'Interviewer: hello there\nOfficer: 👍 fine\n\nthird line é';

  it('tiles each line with pieces, speaker labels apart, one model per stored line', () => {
    const lines = transcriptModel(text, [coding('x', 3, 30)], [{ start: 0, end: 24, speaker: 'Interviewer', speechStart: 13 }]);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(text.split('\n'));
    expect(lines[0]!.pieces.map((p) => [text.slice(p.start, p.end), p.speaker, p.codings])).toEqual([
      ['Int', true, []],
      ['erviewer: ', true, ['x']],
      ['hello there', false, ['x']],
    ]);
    expect(lines[1]!.pieces[0]).toMatchObject({ start: 25, end: 30, codings: ['x'] });
    expect(lines[2]!.pieces).toEqual([]);
  });

  it('reuses untouched lines (same objects) and recomputes the touched one', () => {
    const model = createTranscriptModel();
    const a = model(text, [coding('x', 0, 5)]);
    const b = model(text, [coding('x', 0, 5), coding('y', 44, 49)]);
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(b[3]).not.toBe(a[3]);
    expect(b[3]!.signature).not.toBe(a[3]!.signature);
  });

  it('lineAt finds the line holding an offset', () => {
    const lines = transcriptModel(text, []);
    expect(lineAt(lines, 0)).toBe(0);
    expect(lineAt(lines, 25)).toBe(1);
    expect(lineAt(lines, text.length)).toBe(3);
  });

  it('property: after any sequence of codings, colours and turns, equals a fresh computation', () => {
    const piece = fc.constantFrom('a', 'word ', '👍', 'é', '\n', 'Officer: ', ' ');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('')),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('#aa0000', '#00aa00')), { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (t, steps) => {
          const model = createTranscriptModel();
          for (const step of steps) {
            const cs = step
              .map(([p, q, color], i) => coding(`c${i}`, Math.min(p, q) % (t.length + 1), Math.max(p, q) % (t.length + 1), color))
              .filter((c) => c.start < c.end);
            expect(model(t, cs)).toEqual(transcriptModel(t, cs));
          }
        },
      ),
    );
  });
});
