/**
 * Code book exchange formats, pure: Marginalia's nested JSON and a flat CSV a researcher can
 * edit in a spreadsheet. Both validate names, colours and duplicates on the way in, and every
 * error is one line naming the file and the code path (or JSON location) at fault.
 */
import { fail, MarginaliaError } from '../errors.js';
import { readCsvTable, toCsv, type ToCsvOptions } from '../csv.js';
import { type CodeSpec, childPath, flattenTree, nameKey, normaliseColor, treeFromPaths, validateCodeName, type PathRow } from './tree.js';

export const CODEBOOK_FORMAT = 'marginalia-codebook';
export const CODEBOOK_VERSION = 1;

const TEXT_KEYS = ['definition', 'inclusion', 'exclusion', 'example'] as const;
const CODE_KEYS = new Set(['guid', 'name', 'color', ...TEXT_KEYS, 'children']);
/** Deeper code books are refused, not walked: no real one nests this far, and a hostile one would exhaust the stack. */
export const MAX_CODE_DEPTH = 100;

// ---- JSON ------------------------------------------------------------------------------

/** Key order fixed (name first, children last) so diffs of exported files stay readable. */
function toJsonCode(spec: CodeSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.guid !== undefined) out.guid = spec.guid;
  out.name = spec.name;
  if (spec.color !== undefined) out.color = spec.color;
  for (const k of TEXT_KEYS) if (spec[k] !== undefined) out[k] = spec[k];
  out.children = spec.children.map(toJsonCode);
  return out;
}

export function serializeCodebookJson(specs: readonly CodeSpec[]): string {
  flattenTree(specs); // refuse to write a code book we could not read back
  const doc = { format: CODEBOOK_FORMAT, version: CODEBOOK_VERSION, codes: specs.map(toJsonCode) };
  return JSON.stringify(doc, null, 2) + '\n';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Re-throw a tree error with the file and location in front, keeping its code. */
function at(fileName: string, where: string, fn: () => string): string {
  try {
    return fn();
  } catch (err) {
    if (err instanceof MarginaliaError) throw new MarginaliaError(err.code, `${fileName}: ${where}: ${err.message}`);
    throw err;
  }
}

export function parseCodebookJson(text: string, fileName: string): CodeSpec[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') fail('empty_file', `${fileName} is empty`);
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    // JSON.parse quotes the bad spot of the file; its control characters would break the one line.
    const why =
      err instanceof Error
        ? (err.message.split('\n')[0] ?? '').replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        : 'syntax error';
    fail('corrupt_file', `${fileName} is not valid JSON: ${why}`);
  }
  if (!isObject(doc) || doc.format !== CODEBOOK_FORMAT) {
    fail('unsupported_format', `${fileName} is not a Marginalia code book (expected "format": "${CODEBOOK_FORMAT}")`);
  }
  if (doc.version !== CODEBOOK_VERSION) {
    const newer = typeof doc.version === 'number' && doc.version > CODEBOOK_VERSION;
    fail(
      'unsupported_format',
      newer
        ? `${fileName} is code book version ${doc.version}, made by a newer Marginalia; this version reads version ${CODEBOOK_VERSION}`
        : `${fileName} has an unknown code book version ${JSON.stringify(doc.version)}; expected ${CODEBOOK_VERSION}`,
    );
  }
  if (!Array.isArray(doc.codes)) fail('invalid_input', `${fileName}: "codes" must be a list`);
  const guids = new Map<string, string>();

  const readList = (list: unknown[], parentPath: string | null, loc: string, depth = 1): CodeSpec[] => {
    if (depth > MAX_CODE_DEPTH) fail('invalid_input', `${fileName}: codes are nested more than ${MAX_CODE_DEPTH} levels deep`);
    const seen = new Set<string>();
    return list.map((raw, i) => {
      const here = `${loc}[${i}]`;
      if (!isObject(raw)) fail('invalid_input', `${fileName}: ${here} must be an object with a "name"`);
      if (typeof raw.name !== 'string') fail('invalid_input', `${fileName}: ${here} has no "name" text`);
      const rawName = raw.name;
      const name = at(fileName, here, () => validateCodeName(rawName));
      const path = childPath(parentPath, name);
      const label = `code "${path}"`;
      if (seen.has(nameKey(name))) fail('duplicate', `${fileName}: duplicate ${label}; names must be unique under one parent`);
      seen.add(nameKey(name));
      const unknown = Object.keys(raw).filter((k) => !CODE_KEYS.has(k));
      if (unknown.length > 0) fail('invalid_input', `${fileName}: ${label} has unknown field ${JSON.stringify(unknown[0])}`);
      const spec: CodeSpec = { name, children: [] };
      if (raw.guid !== undefined) {
        if (typeof raw.guid !== 'string' || raw.guid.trim() === '') fail('invalid_input', `${fileName}: ${label} has an empty or non-text "guid"`);
        const other = guids.get(raw.guid.toLowerCase());
        if (other) fail('duplicate', `${fileName}: ${label} has the same guid as code "${other}"`);
        guids.set(raw.guid.toLowerCase(), path);
        spec.guid = raw.guid;
      }
      if (raw.color !== undefined) {
        const color = raw.color;
        if (typeof color !== 'string') fail('invalid_input', `${fileName}: ${label}: "color" must be text like "#aabbcc"`);
        spec.color = at(fileName, label, () => normaliseColor(color));
      }
      for (const k of TEXT_KEYS) {
        const v = raw[k];
        if (v === undefined) continue;
        if (typeof v !== 'string') fail('invalid_input', `${fileName}: ${label}: "${k}" must be text`);
        spec[k] = v;
      }
      if (raw.children !== undefined) {
        if (!Array.isArray(raw.children)) fail('invalid_input', `${fileName}: ${label}: "children" must be a list`);
        spec.children = readList(raw.children, path, `${here}.children`, depth + 1);
      }
      return spec;
    });
  };
  return readList(doc.codes, null, 'codes');
}

// ---- CSV -------------------------------------------------------------------------------

export const CODEBOOK_CSV_COLUMNS = ['path', 'color', 'definition', 'inclusion', 'exclusion', 'example', 'guid'] as const;

/**
 * One row per code in pre-order, so parents come before children and sibling order survives.
 * CSV cannot tell an empty text from an absent one: both read back as absent.
 */
export function serializeCodebookCsv(specs: readonly CodeSpec[], options: ToCsvOptions = {}): string {
  const rows: string[][] = [[...CODEBOOK_CSV_COLUMNS]];
  for (const { path, spec } of flattenTree(specs)) {
    rows.push([path, spec.color ?? '', spec.definition ?? '', spec.inclusion ?? '', spec.exclusion ?? '', spec.example ?? '', spec.guid ?? '']);
  }
  return toCsv(rows, options);
}

export function parseCodebookCsv(text: string, fileName: string): CodeSpec[] {
  const [required, ...optional] = CODEBOOK_CSV_COLUMNS;
  const table = readCsvTable(text, fileName, { required: [required], optional, exact: true });
  const guids = new Map<string, string>();
  const rows: PathRow[] = table.rows.map(({ row, values }) => {
    const where = `${fileName} row ${row}`;
    const path = values.path ?? '';
    if (path.trim() === '') fail('invalid_input', `${where}: "path" is empty`);
    if (path.split('/').length > MAX_CODE_DEPTH) fail('invalid_input', `${where}: the path has more than ${MAX_CODE_DEPTH} levels`);
    const out: PathRow = { path, where };
    const color = values.color ?? '';
    if (color.trim() !== '') out.color = at(where, `code "${path.trim()}"`, () => normaliseColor(color));
    for (const k of TEXT_KEYS) {
      const v = values[k] ?? '';
      if (v !== '') out[k] = v;
    }
    const guid = (values.guid ?? '').trim();
    if (guid !== '') {
      const other = guids.get(guid.toLowerCase());
      if (other) fail('duplicate', `${where}: guid ${guid} is already used at ${other}`);
      guids.set(guid.toLowerCase(), `row ${row}`);
      out.guid = guid;
    }
    return out;
  });
  return treeFromPaths(rows);
}
