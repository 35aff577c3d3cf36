/** Pure pieces of the workspace: find-in-document spans, stripe lanes, and stepping a coding's end by a word. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/search/fold.js';
import { findAll } from '../../shared/search/find.js';
import { stepWord } from '../../shared/text/snap.js';
import { assignLanes } from '../../renderer/transcript/lanes.js';

describe('findAll (find in this document)', () => {
  it('finds every occurrence ignoring case and accents, at UTF-16 offsets of the stored text', () => {
    const text = '👍 Sécurité first. SECURITE second, securite third';
    const hits = findAll(fold(text), 'securite');
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Sécurité', 'SECURITE', 'securite']);
    expect(hits[0]).toEqual({ start: 3, end: 11 });
  });
  it('finds nothing for blank input and does not overlap matches', () => {
    expect(findAll(fold('aaaa'), '  ')).toEqual([]);
    expect(findAll(fold('aaaa'), 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });
});

describe('assignLanes (coding stripes)', () => {
  it('puts nested and overlapping codings side by side and reuses a lane once it is free', () => {
    const { placed, lanes } = assignLanes([
      { item: 'outer', top: 0, bottom: 100 },
      { item: 'inner', top: 20, bottom: 40 },
      { item: 'later', top: 50, bottom: 60 },
      { item: 'below', top: 200, bottom: 220 },
    ]);
    const lane = Object.fromEntries(placed.map((p) => [p.item, p.lane]));
    expect(lane).toEqual({ outer: 0, inner: 1, later: 1, below: 0 });
    expect(lanes).toBe(2);
  });
  it('property: stripes in the same lane never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 300 })), { maxLength: 60 }), (raw) => {
        const { placed } = assignLanes(raw.map(([top, h], i) => ({ item: i, top, bottom: top + h })));
        for (const a of placed) for (const b of placed) if (a !== b && a.lane === b.lane) expect(a.bottom + 3 <= b.top || b.bottom + 3 <= a.top).toBe(true);
      }),
    );
  });
});

describe('stepWord (keyboard resize)', () => {
  const text = "Officer: it's  the same, every day.";
  it('moves forward to the end of the next word and back to the start of the previous one', () => {
    expect(text.slice(0, stepWord(text, 8, 1))).toBe("Officer: it's");
    expect(stepWord(text, text.indexOf('same') + 4, -1)).toBe(text.indexOf('same'));
    expect(stepWord(text, text.length, 1)).toBe(text.length);
    expect(stepWord(text, 0, -1)).toBe(0);
  });
});
