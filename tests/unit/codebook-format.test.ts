import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCodebookCsv, parseCodebookJson, serializeCodebookCsv, serializeCodebookJson } from '../../shared/codebook/format.js';
import { nameKey, validateCodeName, type CodeSpec } from '../../shared/codebook/tree.js';
import { parseCsv } from '../../shared/csv.js';
import { MarginaliaError, type ErrorCode } from '../../shared/errors.js';

function thrown(fn: () => unknown, code: ErrorCode): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MarginaliaError);
    expect((err as MarginaliaError).code).toBe(code);
    expect((err as MarginaliaError).message).not.toContain('\n');
    return (err as MarginaliaError).message;
  }
  throw new Error(`expected ${code}`);
}

const sample: CodeSpec[] = [
  {
    name: 'Dynamic security',
    color: '#d6d6d6',
    definition: 'Line one\nline two, with "quotes"',
    children: [
      { name: 'Rapport, "trust" & café 😀', guid: '0F8FAD5B-D9CB-469F-A165-70867728950E', children: [] },
      { name: 'Boundaries', example: ' leading space', inclusion: '=not a formula', children: [{ name: 'Först', children: [] }] },
    ],
  },
  { name: 'Other', exclusion: 'x', children: [] },
];

const doc = (codes: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'marginalia-codebook', version: 1, codes, ...extra });

describe('JSON code book', () => {
  it('serialises pretty-printed with a fixed key order', () => {
    const text = serializeCodebookJson([{ children: [], example: 'e', name: 'A', guid: 'g', color: '#010203' }]);
    expect(text).toBe(
      '{\n  "format": "marginalia-codebook",\n  "version": 1,\n  "codes": [\n    {\n      "guid": "g",\n      "name": "A",\n' +
        '      "color": "#010203",\n      "example": "e",\n      "children": []\n    }\n  ]\n}\n',
    );
  });

  it('round-trips the sample exactly', () => {
    expect(parseCodebookJson(serializeCodebookJson(sample), 'cb.json')).toEqual(sample);
  });

  it('normalises colours, trims names and defaults children', () => {
    const specs = parseCodebookJson(doc([{ name: '  A ', color: '#ABC' }]), 'cb.json');
    expect(specs).toEqual([{ name: 'A', color: '#aabbcc', children: [] }]);
  });

  it('accepts a BOM and an empty list', () => {
    expect(parseCodebookJson('\uFEFF' + doc([]), 'cb.json')).toEqual([]);
  });

  it('rejects empty, invalid JSON and foreign formats', () => {
    expect(thrown(() => parseCodebookJson(' \n', 'cb.json'), 'empty_file')).toBe('cb.json is empty');
    expect(thrown(() => parseCodebookJson('{"format":', 'cb.json'), 'corrupt_file')).toMatch(/^cb\.json is not valid JSON: /);
    expect(thrown(() => parseCodebookJson('[]', 'cb.json'), 'unsupported_format')).toMatch(/^cb\.json is not a Marginalia code book/);
    expect(thrown(() => parseCodebookJson(doc([], { format: 'nvivo' }), 'cb.json'), 'unsupported_format')).toMatch(/not a Marginalia code book/);
  });

  it('rejects unknown versions, explaining a newer one', () => {
    expect(thrown(() => parseCodebookJson(doc([], { version: 2 }), 'cb.json'), 'unsupported_format')).toBe(
      'cb.json is code book version 2, made by a newer Marginalia; this version reads version 1',
    );
    expect(thrown(() => parseCodebookJson(doc([], { version: '1' }), 'cb.json'), 'unsupported_format')).toMatch(/unknown code book version "1"/);
  });

  it('names the file and the offending code path', () => {
    const nested = (child: unknown) => doc([{ name: 'A', children: [{ name: 'B', children: [child] }] }]);
    expect(thrown(() => parseCodebookJson(doc({}), 'cb.json'), 'invalid_input')).toBe('cb.json: "codes" must be a list');
    expect(thrown(() => parseCodebookJson(nested(7), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: codes[0].children[0].children[0] must be an object with a "name"',
    );
    expect(thrown(() => parseCodebookJson(nested({ color: '#fff' }), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: codes[0].children[0].children[0] has no "name" text',
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'x/y' }), 'cb.json'), 'invalid_input')).toMatch(
      /^cb\.json: codes\[0\]\.children\[0\]\.children\[0\]: Code name "x\/y" contains "\/"/,
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', color: 'blue' }), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: code "A/B/C": Invalid colour "blue": use #rrggbb, #rgb or rgb(r, g, b)',
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', color: 3 }), 'cb.json'), 'invalid_input')).toMatch(/code "A\/B\/C": "color" must be text/);
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', definition: ['x'] }), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: code "A/B/C": "definition" must be text',
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', children: {} }), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: code "A/B/C": "children" must be a list',
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', defintion: 'typo' }), 'cb.json'), 'invalid_input')).toBe(
      'cb.json: code "A/B/C" has unknown field "defintion"',
    );
    expect(thrown(() => parseCodebookJson(nested({ name: 'C', guid: '' }), 'cb.json'), 'invalid_input')).toMatch(
      /code "A\/B\/C" has an empty or non-text "guid"/,
    );
  });

  it('rejects duplicate siblings and duplicate guids', () => {
    expect(thrown(() => parseCodebookJson(doc([{ name: 'A' }, { name: 'a' }]), 'cb.json'), 'duplicate')).toBe(
      'cb.json: duplicate code "a"; names must be unique under one parent',
    );
    const twice = doc([{ name: 'A', guid: 'G1', children: [{ name: 'B', guid: 'g1' }] }]);
    expect(thrown(() => parseCodebookJson(twice, 'cb.json'), 'duplicate')).toBe('cb.json: code "A/B" has the same guid as code "A"');
  });

  it('refuses to serialise a tree it could not read back', () => {
    thrown(
      () =>
        serializeCodebookJson([
          { name: 'A', children: [] },
          { name: 'A', children: [] },
        ]),
      'duplicate',
    );
  });
});

describe('CSV code book', () => {
  it('writes the documented header and one row per code, parents first', () => {
    const rows = parseCsv(serializeCodebookCsv(sample));
    expect(rows[0]).toEqual(['path', 'color', 'definition', 'inclusion', 'exclusion', 'example', 'guid']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'Dynamic security',
      'Dynamic security/Rapport, "trust" & café 😀',
      'Dynamic security/Boundaries',
      'Dynamic security/Boundaries/Först',
      'Other',
    ]);
  });

  it('round-trips the sample exactly', () => {
    expect(parseCodebookCsv(serializeCodebookCsv(sample), 'cb.csv')).toEqual(sample);
  });

  it('can guard against formula injection for spreadsheet users', () => {
    const safe = serializeCodebookCsv(sample, { spreadsheetSafe: true });
    expect(safe).toContain("'=not a formula");
    expect(serializeCodebookCsv(sample)).not.toContain("'=not a formula");
  });

  it('reads a hand-made file: optional columns, any order, CRLF, missing parents', () => {
    const text = '\uFEFFcolor,Path\r\n#F00,Rapport/Trust\r\n,Rapport\r\n,\r\n';
    expect(parseCodebookCsv(text, 'cb.csv')).toEqual([{ name: 'Rapport', children: [{ name: 'Trust', color: '#ff0000', children: [] }] }]);
  });

  it('reports errors with file and row', () => {
    expect(thrown(() => parseCodebookCsv('', 'cb.csv'), 'csv_error')).toMatch(/^cb\.csv is empty/);
    expect(thrown(() => parseCodebookCsv('name,color\nA,\n', 'cb.csv'), 'csv_error')).toBe('cb.csv: missing column "path"');
    expect(thrown(() => parseCodebookCsv('path,colour\nA,red\n', 'cb.csv'), 'csv_error')).toMatch(/^cb\.csv: unknown column "colour"/);
    expect(thrown(() => parseCodebookCsv('path,color\nA\n', 'cb.csv'), 'csv_error')).toBe('cb.csv row 2: expected 2 fields, found 1');
    expect(thrown(() => parseCodebookCsv('path,color\nA,#fff\n,#000\n', 'cb.csv'), 'invalid_input')).toBe('cb.csv row 3: "path" is empty');
    expect(thrown(() => parseCodebookCsv('path,color\nA,#fff\nA/B,teal\n', 'cb.csv'), 'invalid_input')).toBe(
      'cb.csv row 3: code "A/B": Invalid colour "teal": use #rrggbb, #rgb or rgb(r, g, b)',
    );
    expect(thrown(() => parseCodebookCsv('path\nA\nA//B\n', 'cb.csv'), 'invalid_input')).toMatch(/^cb\.csv row 3: Code path "A\/\/B" has an empty level/);
    expect(thrown(() => parseCodebookCsv('path\nA/B\nC\na/b\n', 'cb.csv'), 'duplicate')).toBe(
      'cb.csv row 4: duplicate code path "a/b" (first at cb.csv row 2); paths must be unique, ignoring case',
    );
    expect(thrown(() => parseCodebookCsv('path,guid\nA,x1\nB,X1\n', 'cb.csv'), 'duplicate')).toBe('cb.csv row 3: guid X1 is already used at row 2');
  });
});

describe('round trips (property)', () => {
  const nameArb = fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
      fc.string({ unit: fc.constantFrom('a', 'É', ',', '"', ' ', '😀', "'", '='), minLength: 1, maxLength: 8 }),
    )
    .filter((s) => {
      try {
        return validateCodeName(s) === s;
      } catch {
        return false;
      }
    });
  const textArb = fc.option(fc.string({ unit: fc.constantFrom('x', 'ü', ',', '"', '\n', '\r\n', ' ', '🙂', '-'), minLength: 1, maxLength: 12 }), {
    nil: undefined,
  });
  const colorArb = fc.option(
    fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((c) => '#' + c.map((x) => x.toString(16).padStart(2, '0')).join('')),
    { nil: undefined },
  );
  const { codes } = fc.letrec((tie) => ({
    node: fc.record(
      {
        name: nameArb,
        color: colorArb,
        definition: textArb,
        inclusion: textArb,
        exclusion: textArb,
        example: textArb,
        children: tie('forest'),
      },
      { requiredKeys: ['name', 'children'] },
    ),
    forest: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant([]),
      fc.uniqueArray(tie('node'), { maxLength: 4, selector: (n) => nameKey((n as CodeSpec).name) }),
    ),
    // At least one root so most runs exercise a real tree.
    codes: fc.uniqueArray(tie('node'), { minLength: 1, maxLength: 5, selector: (n) => nameKey((n as CodeSpec).name) }),
  }));
  // Drop undefined keys and add unique GUIDs, as a project export would have.
  const codebookArb = fc.tuple(codes, fc.boolean()).map(([specs, withGuids]) => {
    let n = 0;
    const clean = (list: unknown): CodeSpec[] =>
      (list as CodeSpec[]).map((s) => {
        const out = JSON.parse(JSON.stringify({ ...s, children: [] })) as CodeSpec;
        if (withGuids) out.guid = `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
        out.children = clean(s.children);
        return out;
      });
    return clean(specs);
  });

  it('JSON: parse(serialise(codebook)) is exact', () => {
    fc.assert(
      fc.property(codebookArb, (specs) => {
        expect(parseCodebookJson(serializeCodebookJson(specs), 'p.json')).toEqual(specs);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: parse(serialise(codebook)) is exact', () => {
    fc.assert(
      fc.property(codebookArb, (specs) => {
        expect(parseCodebookCsv(serializeCodebookCsv(specs), 'p.csv')).toEqual(specs);
      }),
      { numRuns: 300 },
    );
  });

  it('JSON → CSV → JSON keeps the same text', () => {
    fc.assert(
      fc.property(codebookArb, (specs) => {
        const json = serializeCodebookJson(specs);
        const viaCsv = parseCodebookCsv(serializeCodebookCsv(parseCodebookJson(json, 'a.json')), 'b.csv');
        expect(serializeCodebookJson(viaCsv)).toBe(json);
      }),
      { numRuns: 100 },
    );
  });
});
