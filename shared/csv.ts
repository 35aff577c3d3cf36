/**
 * RFC 4180 CSV, pure. Tolerant where spreadsheets differ harmlessly (BOM, CRLF or LF or lone CR
 * line endings, a missing or present trailing newline) and strict where data could be lost
 * silently (unterminated quotes, stray text after a closing quote, ragged rows).
 *
 * Numbering: `row` counts records the way a spreadsheet numbers rows (header = row 1);
 * `line` is the physical line the record starts on. They differ only when a quoted field holds
 * a newline, so messages name the row and add the line when it differs.
 */
import { fail } from './errors.js';

const BOM = '\uFEFF';

export interface CsvRecord {
  fields: string[];
  /** 1-based record number, header included (what a spreadsheet shows). */
  row: number;
  /** 1-based physical line on which the record starts. */
  line: number;
}

function where(fileName: string, row: number, line: number): string {
  return row === line ? `${fileName} row ${row}` : `${fileName} row ${row} (line ${line})`;
}

/** Parse into records with their positions. Throws csv_error naming the file. */
export function parseCsvRecords(text: string, fileName = 'CSV'): CsvRecord[] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    // One record: fields separated by commas, ended by a line break or end of text.
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) {
            fail('csv_error', `${where(fileName, records.length + 1, quoteLine)}: unterminated quote (a field opened with " is never closed)`);
          }
          const c = s[i]!;
          if (c === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        const next = s[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          fail(
            'csv_error',
            `${where(fileName, records.length + 1, startLine)}: unexpected text after a closing quote (a quote inside a field must be doubled: "")`,
          );
        }
      } else {
        // Unquoted: a stray quote in the middle is kept literally, as spreadsheets do.
        let j = i;
        while (j < n) {
          const c = s[j];
          if (c === ',' || c === '\n' || c === '\r') break;
          j++;
        }
        field = s.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (s[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // End of record: consume one line break (CRLF, LF or lone CR).
    if (s[i] === '\r') i++;
    if (s[i] === '\n') i++;
    line++;
    records.push({ fields, row: records.length + 1, line: startLine });
  }
  return records;
}

/** Parse CSV text into rows of fields. Empty text gives []. */
export function parseCsv(text: string, fileName = 'CSV'): string[][] {
  return parseCsvRecords(text, fileName).map((r) => r.fields);
}

export interface CsvTableOptions {
  /** Columns that must be present (matched trimmed and case-insensitively). */
  required: string[];
  optional?: string[];
  /** When true, any header column not in required/optional is an error. */
  exact?: boolean;
}

export interface CsvTableRow {
  row: number;
  line: number;
  /** Keyed by the canonical column name from the options (or the trimmed header if unknown). */
  values: Record<string, string>;
}

export interface CsvTable {
  /** Canonical names of the columns present, in file order. */
  columns: string[];
  rows: CsvTableRow[];
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f === '');
}

function quoteName(name: string): string {
  return JSON.stringify(name);
}

/**
 * Read a CSV with a required header row. Blank rows (every field empty, as spreadsheets leave
 * at the end) are skipped; absent optional columns read as ''. Values are never trimmed.
 */
export function readCsvTable(text: string, fileName: string, options: CsvTableOptions): CsvTable {
  const records = parseCsvRecords(text, fileName);
  const headerIndex = records.findIndex((r) => !isBlank(r.fields));
  const header = records[headerIndex];
  if (!header) {
    fail('csv_error', `${fileName} is empty: expected a header row with ${options.required.join(', ')}`);
  }
  const known = [...options.required, ...(options.optional ?? [])];
  const byKey = new Map(known.map((k) => [k.trim().toLowerCase(), k]));
  const columns: (string | null)[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const raw of header.fields) {
    const name = raw.trim();
    const canonical = byKey.get(name.toLowerCase()) ?? (options.exact || name === '' ? null : name);
    if (canonical === null) {
      if (options.exact) unknown.push(quoteName(name));
      columns.push(null);
      continue;
    }
    if (seen.has(canonical.toLowerCase())) {
      fail('csv_error', `${fileName}: column ${quoteName(canonical)} appears twice in the header`);
    }
    seen.add(canonical.toLowerCase());
    columns.push(canonical);
  }
  const missing = options.required.filter((r) => !seen.has(r.toLowerCase()));
  if (missing.length > 0) {
    const only = header.fields.length === 1 ? header.fields[0]! : '';
    // A common cause: a spreadsheet saved with ';' or tab as the separator.
    const hint = /[;\t]/.test(only) ? ' (the header looks separated by ";" or tabs; save as comma-separated CSV)' : '';
    fail('csv_error', `${fileName}: missing column${missing.length > 1 ? 's' : ''} ${missing.map(quoteName).join(', ')}${hint}`);
  }
  if (unknown.length > 0) {
    fail('csv_error', `${fileName}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected only ${known.join(', ')}`);
  }
  const rows: CsvTableRow[] = [];
  for (const rec of records.slice(headerIndex + 1)) {
    if (isBlank(rec.fields)) continue;
    if (rec.fields.length !== columns.length) {
      fail('csv_error', `${where(fileName, rec.row, rec.line)}: expected ${columns.length} fields, found ${rec.fields.length}`);
    }
    const values: Record<string, string> = {};
    for (const k of known) if (!seen.has(k.toLowerCase())) values[k] = '';
    columns.forEach((c, idx) => {
      if (c !== null) values[c] = rec.fields[idx]!;
    });
    rows.push({ row: rec.row, line: rec.line, values });
  }
  return { columns: columns.filter((c): c is string => c !== null), rows };
}

export interface ToCsvOptions {
  /**
   * Guard against formula injection when the file will be opened in a spreadsheet: a cell that
   * starts with = + - @ (or tab/CR) gets a leading '. Off by default so round trips are exact.
   */
  spreadsheetSafe?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number cannot run as a formula; leave "-3" alone so numbers stay numbers.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function cell(value: string, safe: boolean, lone: boolean): string {
  let v = value;
  if (safe && FORMULA_START.test(v) && !PLAIN_NUMBER.test(v)) v = `'${v}`;
  // A lone empty cell is quoted so the row is not mistaken for a blank line.
  const needsQuotes = /[",\r\n]/.test(v) || /^[ \t]|[ \t]$/.test(v) || v.startsWith(BOM) || (lone && v === '');
  return needsQuotes ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Serialise rows as CSV with LF line endings and a final newline. Quotes only when needed. */
export function toCsv(rows: readonly (readonly string[])[], options: ToCsvOptions = {}): string {
  const safe = options.spreadsheetSafe === true;
  let out = '';
  for (const r of rows) {
    const cells = r.length === 0 ? [''] : r;
    out += cells.map((v) => cell(v, safe, cells.length === 1)).join(',') + '\n';
  }
  return out;
}
