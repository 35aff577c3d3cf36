import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PALETTE,
  contrastRatio,
  flattenTree,
  nameKey,
  normaliseColor,
  pathOf,
  pickColor,
  splitPath,
  treeFromPaths,
  validateCodeName,
  type CodeSpec,
} from '../../shared/codebook/tree.js';
import { MarginaliaError, type ErrorCode } from '../../shared/errors.js';

function thrown(fn: () => unknown, code: ErrorCode): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MarginaliaError);
    expect((err as MarginaliaError).code).toBe(code);
    return (err as MarginaliaError).message;
  }
  throw new Error(`expected ${code}`);
}

const leaf = (name: string, extra: Partial<CodeSpec> = {}): CodeSpec => ({ name, children: [], ...extra });

describe('names and paths', () => {
  it('joins and splits paths', () => {
    expect(pathOf(['Dynamic security', 'Rapport'])).toBe('Dynamic security/Rapport');
    expect(splitPath(' Dynamic security / Rapport ')).toEqual(['Dynamic security', 'Rapport']);
    expect(splitPath('Solo')).toEqual(['Solo']);
  });

  it('rejects empty path segments', () => {
    for (const p of ['', '/A', 'A/', 'A//B', 'A/  /B']) {
      expect(thrown(() => splitPath(p), 'invalid_input')).toMatch(/empty level/);
    }
  });

  it('validates names and returns them trimmed', () => {
    expect(validateCodeName('  Trust  ')).toBe('Trust');
    expect(validateCodeName('Ça, "va" 😀')).toBe('Ça, "va" 😀');
    expect(validateCodeName('x'.repeat(120))).toHaveLength(120);
    expect(validateCodeName('😀'.repeat(120))).toHaveLength(240); // counted as characters
  });

  it('rejects bad names', () => {
    expect(thrown(() => validateCodeName('   '), 'invalid_input')).toBe('Code name is empty');
    expect(thrown(() => validateCodeName('a/b'), 'invalid_input')).toMatch(/contains "\/"/);
    expect(thrown(() => validateCodeName('a\nb'), 'invalid_input')).toMatch(/control character/);
    expect(thrown(() => validateCodeName('a\u0007b'), 'invalid_input')).toMatch(/control character/);
    expect(thrown(() => validateCodeName('a\u2028b'), 'invalid_input')).toMatch(/line break/);
    expect(thrown(() => validateCodeName('x'.repeat(121)), 'invalid_input')).toMatch(/121 characters long; the limit is 120/);
  });

  it('compares names ignoring case and Unicode composition', () => {
    expect(nameKey('Café')).toBe(nameKey('CAFE\u0301'));
  });
});

describe('flattenTree', () => {
  const tree: CodeSpec[] = [leaf('A', { children: [leaf('A1'), leaf('A2', { children: [leaf('A2x')] })] }), leaf('B')];

  it('lists codes in pre-order with parent, depth and position', () => {
    expect(flattenTree(tree).map(({ path, parentPath, depth, position }) => [path, parentPath, depth, position])).toEqual([
      ['A', null, 0, 0],
      ['A/A1', 'A', 1, 0],
      ['A/A2', 'A', 1, 1],
      ['A/A2/A2x', 'A/A2', 2, 0],
      ['B', null, 0, 1],
    ]);
    expect(flattenTree(tree)[3]!.spec).toBe(tree[0]!.children[1]!.children[0]);
  });

  it('rejects duplicate siblings ignoring case, but allows the same name under different parents', () => {
    expect(thrown(() => flattenTree([leaf('A', { children: [leaf('x'), leaf('X')] })]), 'duplicate')).toBe(
      'Duplicate code "A/X": names must be unique under one parent',
    );
    expect(flattenTree([leaf('A', { children: [leaf('Other')] }), leaf('B', { children: [leaf('Other')] })])).toHaveLength(4);
  });

  it('rejects invalid names', () => {
    thrown(() => flattenTree([leaf('A', { children: [leaf('b/c')] })]), 'invalid_input');
  });
});

describe('treeFromPaths', () => {
  it('builds nesting, creating missing parents and keeping row order', () => {
    const specs = treeFromPaths([
      { path: 'Root/B', definition: 'b' },
      { path: 'Root/A/Deep', color: '#112233' },
      { path: 'Other' },
      { path: 'Root', definition: 'root filled in later' },
    ]);
    expect(specs).toEqual([
      {
        name: 'Root',
        definition: 'root filled in later',
        children: [
          { name: 'B', definition: 'b', children: [] },
          { name: 'A', children: [{ name: 'Deep', color: '#112233', children: [] }] },
        ],
      },
      { name: 'Other', children: [] },
    ]);
  });

  it('reuses a parent whose path differs only in case', () => {
    const specs = treeFromPaths([{ path: 'Rapport' }, { path: 'rapport/Trust' }]);
    expect(specs).toEqual([{ name: 'Rapport', children: [{ name: 'Trust', children: [] }] }]);
  });

  it('rejects duplicate paths case-insensitively, naming both rows', () => {
    const msg = thrown(
      () =>
        treeFromPaths([
          { path: 'A/B', where: 'cb.csv row 2' },
          { path: 'a/ b', where: 'cb.csv row 5' },
        ]),
      'duplicate',
    );
    expect(msg).toBe('cb.csv row 5: duplicate code path "a/b" (first at cb.csv row 2); paths must be unique, ignoring case');
    expect(thrown(() => treeFromPaths([{ path: 'A' }, { path: 'A' }]), 'duplicate')).toMatch(/^duplicate code path "A"/);
  });

  it('prefixes path errors with where the row came from', () => {
    expect(thrown(() => treeFromPaths([{ path: 'A//B', where: 'cb.csv row 3' }]), 'invalid_input')).toMatch(
      /^cb\.csv row 3: Code path "A\/\/B" has an empty level/,
    );
  });

  it('inverts flattenTree (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => {
      try {
        return validateCodeName(s) === s;
      } catch {
        return false;
      }
    });
    const { tree } = fc.letrec((tie) => ({
      node: fc.record({ name, definition: fc.option(fc.string(), { nil: undefined }), children: tie('forest') }),
      forest: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant([]),
        fc.uniqueArray(tie('node'), { maxLength: 4, selector: (n) => nameKey((n as CodeSpec).name) }),
      ),
      tree: fc.uniqueArray(tie('node'), { minLength: 1, maxLength: 5, selector: (n) => nameKey((n as CodeSpec).name) }),
    }));
    fc.assert(
      fc.property(tree, (specs) => {
        const clean = JSON.parse(JSON.stringify(specs)) as CodeSpec[];
        const rows = flattenTree(clean).map(({ path, spec }) => ({ path, definition: spec.definition }));
        expect(treeFromPaths(rows)).toEqual(clean);
      }),
    );
  });
});

describe('colours', () => {
  it('normalises hex and rgb forms', () => {
    expect(normaliseColor('#ABC')).toBe('#aabbcc');
    expect(normaliseColor(' #AaBbCc ')).toBe('#aabbcc');
    expect(normaliseColor('rgb(255, 0, 16)')).toBe('#ff0010');
    expect(normaliseColor('RGB(1 2 3)')).toBe('#010203');
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'red', 'aabbcc', '#abcd', '#gggggg', 'rgb(256,0,0)', 'rgb(1,2)', 'rgba(1,2,3,0.5)']) {
      expect(thrown(() => normaliseColor(bad), 'invalid_input')).toMatch(/^Invalid colour/);
    }
  });

  it('has a palette of distinct, valid, readable highlight colours', () => {
    expect(DEFAULT_PALETTE.length).toBeGreaterThanOrEqual(10);
    expect(new Set(DEFAULT_PALETTE).size).toBe(DEFAULT_PALETTE.length);
    for (const c of DEFAULT_PALETTE) {
      expect(normaliseColor(c)).toBe(c);
      expect(contrastRatio(c, '#000000')).toBeGreaterThanOrEqual(7);
    }
  });

  it('picks colours cyclically for any integer', () => {
    const n = DEFAULT_PALETTE.length;
    expect(pickColor(0)).toBe(DEFAULT_PALETTE[0]);
    expect(pickColor(n + 1)).toBe(DEFAULT_PALETTE[1]);
    expect(pickColor(-1)).toBe(DEFAULT_PALETTE[n - 1]);
    fc.assert(fc.property(fc.integer(), (i) => DEFAULT_PALETTE.includes(pickColor(i))));
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });
});
