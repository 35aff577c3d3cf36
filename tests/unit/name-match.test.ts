import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, matchCode, matchCoder, matchDocument, stem, typoBudget } from '../../electron/cli/name-match.js';

const item = (name: string, i: number) => ({ guid: `g${i}`, name });
const CODES = [
  'Dynamic security',
  'Dynamic security/Rapport',
  'Dynamic security/Rapport/Information flow',
  'Dynamic security/Rapport/Respect',
  'Dynamic security/Boundaries',
  'Procedural security/Boundaries',
  'Emergent',
].map(item);
const DOCS = ['co-01.txt', 'co-01.docx', 'co-02.txt', 'ip-03-crlf.txt', 'notes.md'].map(item);
const CODERS = ['Alice', 'Bob', 'Charlotte'].map(item);

const names = (m: { found?: { name: string }; suggestions?: { name: string }[] }) => (m.found ? m.found.name : m.suggestions!.map((s) => s.name));

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one each', () => {
    expect(editDistance('flow', 'flow')).toBe(0);
    expect(editDistance('flow', 'flw')).toBe(1);
    expect(editDistance('flow', 'flaw')).toBe(1);
    expect(editDistance('flow', 'lfow')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('allows no typo in very short words and more in long ones', () => {
    expect(typoBudget(3)).toBe(0);
    expect(typoBudget(5)).toBe(1);
    expect(typoBudget(10)).toBe(2);
    expect(typoBudget(40)).toBe(3);
  });
});

describe('code paths', () => {
  it('matches full paths ignoring case and spaces around slashes', () => {
    expect(names(matchCode(CODES, 'dynamic SECURITY / rapport/ information flow'))).toBe('Dynamic security/Rapport/Information flow');
  });

  it('accepts a path without its top-level parents when one code ends that way', () => {
    expect(names(matchCode(CODES, 'Rapport/Information flow'))).toBe('Dynamic security/Rapport/Information flow');
    expect(names(matchCode(CODES, 'respect'))).toBe('Dynamic security/Rapport/Respect');
  });

  it('offers every code that ends the same way instead of picking one', () => {
    const m = matchCode(CODES, 'Boundaries');
    expect(m.found).toBeUndefined();
    expect(m).toMatchObject({ ambiguous: true });
    expect(names(m)).toEqual(['Dynamic security/Boundaries', 'Procedural security/Boundaries']);
  });

  it('suggests codes a typo away, comparing with path endings of the same length', () => {
    expect(names(matchCode(CODES, 'Rapport/Informaton flow'))).toEqual(['Dynamic security/Rapport/Information flow']);
    expect(names(matchCode(CODES, 'Dynamic security/Raport'))).toEqual(['Dynamic security/Rapport']);
    expect(names(matchCode(CODES, 'Emergnet'))).toEqual(['Emergent']);
  });

  it('suggests nothing for a path that is nowhere near', () => {
    expect(matchCode(CODES, 'Nope/Nothing')).toEqual({ suggestions: [] });
    expect(matchCode(CODES, ' / ')).toEqual({ suggestions: [] });
  });
});

describe('document names', () => {
  it('matches ignoring case, and by the last part of a file path', () => {
    expect(names(matchDocument(DOCS, 'CO-02.TXT'))).toBe('co-02.txt');
    expect(names(matchDocument(DOCS, '/some/folder/co-02.txt'))).toBe('co-02.txt');
  });

  it('suggests the documents a name without its extension may mean', () => {
    expect(names(matchDocument(DOCS, 'co-01'))).toEqual(['co-01.txt', 'co-01.docx']);
    expect(names(matchDocument(DOCS, 'notes'))).toEqual(['notes.md']);
    expect(names(matchDocument(DOCS, 'co-02.docx'))).toEqual(['co-02.txt']);
  });

  it('suggests names a typo away, and nothing for a name far from all', () => {
    expect(names(matchDocument(DOCS, 'ip-03-crfl.txt'))).toEqual(['ip-03-crlf.txt']);
    expect(names(matchDocument(DOCS, 'nope.txt'))).toEqual([]);
    // One typo away beats two: co-02 (two digits swapped), not also co-01.
    expect(names(matchDocument(DOCS, 'co-20.txt'))).toEqual(['co-02.txt']);
  });

  it('takes the extension off the last dot only, and not off a leading dot', () => {
    expect(stem('a.b.txt')).toBe('a.b');
    expect(stem('.hidden')).toBe('.hidden');
  });
});

describe('coder names', () => {
  it('matches ignoring case and suggests near misses', () => {
    expect(names(matchCoder(CODERS, 'alice'))).toBe('Alice');
    expect(names(matchCoder(CODERS, 'Alcie'))).toEqual(['Alice']);
    expect(names(matchCoder(CODERS, 'Charlote'))).toEqual(['Charlotte']);
    expect(names(matchCoder(CODERS, 'Zed'))).toEqual([]);
  });
});

describe('did you mean', () => {
  it('lists one, two or three names in plain English', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['A'])).toBe('did you mean "A"?');
    expect(didYouMean(['A', 'B'])).toBe('did you mean "A" or "B"?');
    expect(didYouMean(['A', 'B', 'C'])).toBe('did you mean "A", "B" or "C"?');
  });
});
