import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, toOriginal } from '../../shared/search/fold.js';
import { parseQuery, termPattern, toFtsQuery } from '../../shared/search/query.js';

describe('accent folding with offsets', () => {
  it('folds accents and case, and maps folded spans back to UTF-16 offsets', () => {
    const s = 'La Sécurité 👍 være Ærlig';
    const f = fold(s);
    // Like SQLite's remove_diacritics: marks that decompose go (é→e, å→a); letters such as æ, ø stay.
    expect(f.text).toBe('la securite 👍 være ærlig');
    expect(fold('Gård på Østlandet').text).toBe('gard pa østlandet');
    const at = f.text.indexOf('securite');
    expect(s.slice(...(Object.values(toOriginal(f, at, at + 8)) as [number, number]))).toBe('Sécurité');
  });

  it('maps every folded span to a span of whole original characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat(), (s, a, b) => {
        const f = fold(s);
        if (f.text.length === 0) return;
        const i = a % f.text.length;
        const j = i + 1 + (b % (f.text.length - i));
        const o = toOriginal(f, i, j);
        expect(o.start).toBeGreaterThanOrEqual(0);
        expect(o.end).toBeLessThanOrEqual(s.length);
        expect(o.start).toBeLessThan(o.end);
        // never cut a surrogate pair
        const code = s.charCodeAt(o.start);
        expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
      }),
    );
  });
});

describe('query syntax', () => {
  it('turns words, phrases and prefixes into a safe FTS5 query', () => {
    const t = parseQuery('trust "first name" secur* Sécurité');
    expect(t).toEqual([
      { words: ['trust'], prefix: false },
      { words: ['first', 'name'], prefix: false },
      { words: ['secur'], prefix: true },
      { words: ['securite'], prefix: false },
    ]);
    expect(toFtsQuery(t)).toBe('"trust" AND "first name" AND "secur"* AND "securite"');
    expect(toFtsQuery(parseQuery('NEAR( AND -x :y'))).toBe('"near" AND "and" AND "x" AND "y"');
  });

  it('matches whole words unless it is a prefix', () => {
    const word = termPattern({ words: ['rat'], prefix: false });
    expect('a rat, rather'.match(word)).toEqual(['rat']);
    const pre = termPattern({ words: ['secur'], prefix: true });
    expect('security secure insecure'.match(pre)).toEqual(['security', 'secure']);
    const phrase = termPattern({ words: ['tips', 'you', 'off'], prefix: false });
    expect('he tips  you\noff now'.match(phrase)).toEqual(['tips  you\noff']);
  });
});
