import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, parseCsvRecords, readCsvTable, toCsv } from '../../shared/csv.js';
import { MarginaliaError } from '../../shared/errors.js';

function csvError(fn: () => unknown): MarginaliaError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(MarginaliaError);
    const e = err as MarginaliaError;
    expect(e.code).toBe('csv_error');
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected a csv_error');
}

describe('parseCsv', () => {
  it('parses plain fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles quoted commas, doubled quotes and embedded newlines', () => {
    const text = 'name,note\r\n"Smith, J.","He said ""no""\r\nthen left"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Smith, J.', 'He said "no"\r\nthen left'],
    ]);
  });

  it('strips a BOM and accepts a missing trailing newline', () => {
    expect(parseCsv('\uFEFFa,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('treats CRLF, LF and lone CR as record ends', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('keeps empty fields and an empty last field', () => {
    expect(parseCsv(',\na,\n,b')).toEqual([
      ['', ''],
      ['a', ''],
      ['', 'b'],
    ]);
  });

  it('gives [] for empty text and one empty row for a lone newline', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('\n')).toEqual([['']]);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('5" screen,x\n')).toEqual([['5" screen', 'x']]);
  });

  it('reports an unterminated quote with the row and line it opened on', () => {
    const e = csvError(() => parseCsv('a,b\n"x\ny",1\n2,"never closed\nmore', 'codings.csv'));
    expect(e.message).toBe('codings.csv row 3 (line 4): unterminated quote (a field opened with " is never closed)');
  });

  it('rejects text after a closing quote', () => {
    const e = csvError(() => parseCsv('a\n"x"y\n', 'f.csv'));
    expect(e.message).toMatch(/^f\.csv row 2: unexpected text after a closing quote/);
  });

  it('numbers records as rows and physical lines', () => {
    const recs = parseCsvRecords('h\n"a\nb"\nc\n');
    expect(recs.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });
});

describe('readCsvTable', () => {
  const opts = { required: ['path', 'code'], optional: ['memo'] };

  it('returns records keyed by canonical column with row numbers', () => {
    const t = readCsvTable(' Path ,CODE,memo,extra\na,b,,z\n\nc,"d\ne",m,\n', 'c.csv', opts);
    expect(t.columns).toEqual(['path', 'code', 'memo', 'extra']);
    expect(t.rows).toEqual([
      { row: 2, line: 2, values: { path: 'a', code: 'b', memo: '', extra: 'z' } },
      { row: 4, line: 4, values: { path: 'c', code: 'd\ne', memo: 'm', extra: '' } },
    ]);
  });

  it('fills absent optional columns with empty text and never trims values', () => {
    const t = readCsvTable('code,path\n"  x ",y\n', 'c.csv', opts);
    expect(t.columns).toEqual(['code', 'path']);
    expect(t.rows[0]!.values).toEqual({ path: 'y', code: '  x ', memo: '' });
  });

  it('skips blank rows (also ,,, rows) and leading blank lines', () => {
    const t = readCsvTable('\n\npath,code\n,\na,b\n,\n', 'c.csv', opts);
    expect(t.rows.map((r) => r.row)).toEqual([5]);
  });

  it('accepts a header with no rows', () => {
    expect(readCsvTable('path,code\n', 'c.csv', opts).rows).toEqual([]);
  });

  it('rejects an empty file', () => {
    expect(csvError(() => readCsvTable('', 'codings.csv', opts)).message).toBe('codings.csv is empty: expected a header row with path, code');
    expect(csvError(() => readCsvTable('\uFEFF\r\n\r\n', 'codings.csv', opts)).message).toMatch(/^codings\.csv is empty/);
  });

  it('names missing columns', () => {
    expect(csvError(() => readCsvTable('memo\nx\n', 'codings.csv', opts)).message).toBe('codings.csv: missing columns "path", "code"');
    expect(csvError(() => readCsvTable('path,memo\nx,y\n', 'codings.csv', opts)).message).toBe('codings.csv: missing column "code"');
  });

  it('hints when the file is semicolon-separated', () => {
    expect(csvError(() => readCsvTable('path;code\nx;y\n', 'c.csv', opts)).message).toMatch(/separated by ";"/);
  });

  it('rejects unknown columns when exact', () => {
    const e = csvError(() => readCsvTable('path,code,colour\n', 'codebook.csv', { ...opts, exact: true }));
    expect(e.message).toBe('codebook.csv: unknown column "colour"; expected only path, code, memo');
  });

  it('rejects a duplicate column', () => {
    expect(csvError(() => readCsvTable('path,code,Path\n', 'c.csv', opts)).message).toBe('c.csv: column "path" appears twice in the header');
  });

  it('names the row with the wrong number of fields', () => {
    const text = 'path,code\na,b\n"multi\nline",b\nc\n';
    expect(csvError(() => readCsvTable(text, 'codings.csv', opts)).message).toBe('codings.csv row 4 (line 5): expected 2 fields, found 1');
    expect(csvError(() => readCsvTable('path,code\na,b,c\n', 'codings.csv', opts)).message).toBe('codings.csv row 2: expected 2 fields, found 3');
  });

  it('passes through an unterminated quote error', () => {
    expect(csvError(() => readCsvTable('path,code\n"a,b\n', 'x.csv', opts)).message).toMatch(/^x\.csv row 2: unterminated quote/);
  });
});

describe('toCsv', () => {
  it('quotes only when needed, with LF endings', () => {
    const rows = [['plain', 'with,comma', 'say "hi"', 'two\nlines', 'cr\rhere', ' lead', 'trail ', 'é 😀']];
    expect(toCsv(rows)).toBe('plain,"with,comma","say ""hi""","two\nlines","cr\rhere"," lead","trail ",é 😀\n');
  });

  it('quotes a lone empty cell so the row survives', () => {
    expect(toCsv([['a'], [''], ['b']])).toBe('a\n""\nb\n');
    expect(parseCsv(toCsv([['a'], [''], ['b']]))).toEqual([['a'], [''], ['b']]);
  });

  it('leaves formulas alone by default', () => {
    expect(toCsv([['=SUM(A1)', '+1+1', '-x', '@cmd']])).toBe('=SUM(A1),+1+1,-x,@cmd\n');
  });

  it('neutralises formulas when spreadsheetSafe, but not plain numbers', () => {
    const out = toCsv([['=SUM(A1)', '+1+1', '-x', '@cmd', '\tx', '-12.5', '+3', 'ok']], { spreadsheetSafe: true });
    expect(parseCsv(out)).toEqual([["'=SUM(A1)", "'+1+1", "'-x", "'@cmd", "'\tx", '-12.5', '+3', 'ok']]);
  });

  it('gives empty text for no rows', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('CSV round trip (property)', () => {
  const cellArb = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\t', '\uFEFF', 'é', '😀', '=') }),
    fc.string({ unit: 'binary' }),
  );
  const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it('parseCsv(toCsv(rows)) equals rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('survives CRLF line endings and a BOM added by a spreadsheet', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        // Only the record separators change: embedded newlines are inside quotes.
        const crlf = '\uFEFF' + toCsv(rows).replace(/\n(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\r\n');
        expect(parseCsv(crlf)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('readCsvTable returns what was written, row numbers counting the header', () => {
    const nonBlankRow = fc.tuple(cellArb, cellArb).filter(([a, b]) => a !== '' || b !== '');
    fc.assert(
      fc.property(fc.array(nonBlankRow, { maxLength: 8 }), (rows) => {
        const t = readCsvTable(toCsv([['a', 'b'], ...rows]), 't.csv', { required: ['a', 'b'], exact: true });
        expect(t.rows.map((r) => [r.values.a, r.values.b])).toEqual(rows);
        expect(t.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
      }),
    );
  });
});
