/**
 * A code book as a tree of plain specs, and the path/colour rules every layer shares.
 * Paths join names with '/', so names may not contain '/'. Sibling names are unique
 * case-insensitively (after NFC), so "Trust" and "trust" cannot both sit under one parent.
 */
import { fail } from '../errors.js';

export interface CodeSpec {
  guid?: string;
  name: string;
  color?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
  children: CodeSpec[];
}

/** The descriptive fields a code carries besides its name and children. */
export type CodeAttributes = Omit<CodeSpec, 'name' | 'children'>;
export const ATTRIBUTE_KEYS = ['guid', 'color', 'definition', 'inclusion', 'exclusion', 'example'] as const;

export const PATH_SEPARATOR = '/';
export const MAX_NAME_LENGTH = 120;

// Control characters, plus line/paragraph separators that would break one-line displays.
const FORBIDDEN = /[\p{Cc}\u2028\u2029]/u;

/** Validate a code name; returns it trimmed. Length counts characters, not UTF-16 units. */
export function validateCodeName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') fail('invalid_input', 'Code name is empty');
  if (trimmed.includes(PATH_SEPARATOR)) {
    fail('invalid_input', `Code name ${JSON.stringify(trimmed)} contains "/", which separates levels in a path`);
  }
  if (FORBIDDEN.test(trimmed)) {
    fail('invalid_input', `Code name ${JSON.stringify(trimmed)} contains a line break or control character`);
  }
  const length = [...trimmed].length;
  if (length > MAX_NAME_LENGTH) {
    fail('invalid_input', `Code name ${JSON.stringify(trimmed.slice(0, 40) + '…')} is ${length} characters long; the limit is ${MAX_NAME_LENGTH}`);
  }
  return trimmed;
}

export function pathOf(names: readonly string[]): string {
  return names.join(PATH_SEPARATOR);
}

export function childPath(parentPath: string | null, name: string): string {
  return parentPath === null ? name : parentPath + PATH_SEPARATOR + name;
}

/** Split a path into validated, trimmed names. Throws invalid_input on an empty segment. */
export function splitPath(path: string): string[] {
  const parts = path.split(PATH_SEPARATOR).map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    fail('invalid_input', `Code path ${JSON.stringify(path)} has an empty level (check for a leading, trailing or doubled "/")`);
  }
  return parts.map(validateCodeName);
}

/** The key under which two names or paths count as the same code. */
export function nameKey(nameOrPath: string): string {
  return nameOrPath.normalize('NFC').toLowerCase();
}

export interface FlatCode {
  path: string;
  parentPath: string | null;
  spec: CodeSpec;
  depth: number;
  /** 0-based index among its siblings. */
  position: number;
}

/**
 * Pre-order list of every code with its path. Validates names and rejects duplicate siblings,
 * since a path that named two codes would be useless for import and export.
 */
export function flattenTree(specs: readonly CodeSpec[]): FlatCode[] {
  const out: FlatCode[] = [];
  const walk = (list: readonly CodeSpec[], parentPath: string | null, depth: number): void => {
    const seen = new Set<string>();
    list.forEach((spec, position) => {
      const path = childPath(parentPath, validateCodeName(spec.name));
      const key = nameKey(path);
      if (seen.has(key)) fail('duplicate', `Duplicate code "${path}": names must be unique under one parent`);
      seen.add(key);
      out.push({ path, parentPath, spec, depth, position });
      walk(spec.children, path, depth + 1);
    });
  };
  walk(specs, null, 0);
  return out;
}

export interface PathRow extends CodeAttributes {
  path: string;
  /** Where the row came from, for messages, e.g. "codebook.csv row 7". */
  where?: string;
}

/**
 * Build nested specs from flat rows. Missing parents are created (named by the path alone);
 * a later row for such a parent fills in its attributes. Row order is sibling order.
 * Undefined attributes are left out of the specs.
 */
export function treeFromPaths(rows: readonly PathRow[]): CodeSpec[] {
  const roots: CodeSpec[] = [];
  const nodes = new Map<string, { spec: CodeSpec; explicit: string | null }>();
  for (const row of rows) {
    const prefix = row.where ? `${row.where}: ` : '';
    let names: string[];
    try {
      names = splitPath(row.path);
    } catch (err) {
      throw prefix ? relabel(err, prefix) : err;
    }
    let siblings = roots;
    let node: { spec: CodeSpec; explicit: string | null } | undefined;
    names.forEach((name, i) => {
      const key = nameKey(pathOf(names.slice(0, i + 1)));
      node = nodes.get(key);
      if (!node) {
        node = { spec: { name, children: [] }, explicit: null };
        nodes.set(key, node);
        siblings.push(node.spec);
      }
      siblings = node.spec.children;
    });
    const target = node!;
    if (target.explicit !== null) {
      const first = target.explicit ? ` (first at ${target.explicit})` : '';
      fail('duplicate', `${prefix}duplicate code path "${pathOf(names)}"${first}; paths must be unique, ignoring case`);
    }
    target.explicit = row.where ?? '';
    for (const k of ATTRIBUTE_KEYS) {
      const v = row[k];
      if (v !== undefined) target.spec[k] = v;
    }
  }
  return roots;
}

function relabel(err: unknown, prefix: string): unknown {
  if (err instanceof Error) err.message = prefix + err.message;
  return err;
}

// ---- Colours ---------------------------------------------------------------------------

const HEX3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const HEX6 = /^#[0-9a-f]{6}$/i;
const RGB = /^rgb\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*\)$/i;

/** '#ABC', '#aabbcc' or 'rgb(r, g, b)' → '#rrggbb' lowercase; anything else throws. */
export function normaliseColor(input: string): string {
  const s = input.trim();
  if (HEX6.test(s)) return s.toLowerCase();
  const short = HEX3.exec(s);
  if (short) return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}`.toLowerCase();
  const rgb = RGB.exec(s);
  if (rgb) {
    const parts = [rgb[1], rgb[2], rgb[3]].map(Number);
    if (parts.every((p) => p <= 255)) {
      return '#' + parts.map((p) => p.toString(16).padStart(2, '0')).join('');
    }
  }
  fail('invalid_input', `Invalid colour ${JSON.stringify(input)}: use #rrggbb, #rgb or rgb(r, g, b)`);
}

/**
 * Light highlight tints, twelve hues spaced evenly in OKLCH and ordered so neighbours differ
 * strongly. Each keeps black text above 13:1 contrast.
 */
export const DEFAULT_PALETTE: readonly string[] = [
  '#ffbab3', // red
  '#ace1ad', // green
  '#b4d1ff', // blue
  '#eccd8c', // yellow
  '#85e2ed', // cyan
  '#f0bdf2', // magenta
  '#ffc298', // orange
  '#8fe5ce', // teal
  '#d5c6ff', // lavender
  '#cfd994', // lime
  '#95dbff', // sky
  '#ffb9d4', // pink
];

export function pickColor(index: number): string {
  const n = DEFAULT_PALETTE.length;
  const i = ((Math.trunc(index) % n) + n) % n;
  return DEFAULT_PALETTE[i]!;
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio of two colours (1–21); the renderer uses it to choose text colour. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string): number => {
    const h = normaliseColor(hex);
    return 0.2126 * channel(h, 1) + 0.7152 * channel(h, 3) + 0.0722 * channel(h, 5);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Code paths compare case-insensitively, segment by segment, ignoring spaces around "/". */
export function normalisePath(path: string): string {
  return path
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join('/')
    .toLowerCase();
}
