/**
 * Mapping a source tool's character positions onto our stored text. REFI-QDA counts Unicode code
 * points of the plain text (shared/refi/offsets.ts); real tools differ: NVivo counts UTF-16 units
 * over the text as it was on disk (without the BOM, CRLF counting two). We store the text once,
 * normalised (no BOM, LF only), and count UTF-16 units. Each way of counting gives a table from
 * position to stored offset; the one chosen for a source is the one under which every selection
 * fits the text and the most selection edges fall on word edges (never inside an emoji), ties
 * going to what the file's origin is known to write. Only counting that fits is considered.
 */

export type Counting = 'cp-lf' | 'cp-crlf' | 'utf16-crlf' | 'utf16-lf';

export const COUNTING_LABEL: Record<Counting, string> = {
  'cp-lf': 'characters (code points) over the text with LF line ends, as REFI-QDA specifies',
  'cp-crlf': 'characters (code points) over the text with CRLF line ends counted as two',
  'utf16-crlf': 'UTF-16 units over the text with CRLF line ends counted as two (as NVivo writes them)',
  'utf16-lf': 'UTF-16 units over the text with LF line ends',
};

export interface PositionTable {
  counting: Counting;
  /** Stored (normalised) offset for every position 0..length in this counting. */
  toStored: Int32Array;
  /** Positions that fall inside a surrogate pair (not a character edge). */
  inside: Uint8Array;
  length: number;
}

function buildTable(raw: string, counting: Counting): PositionTable {
  const cp = counting.startsWith('cp');
  const crlf = counting.endsWith('crlf');
  const size = raw.length + 1;
  const toStored = new Int32Array(size);
  const inside = new Uint8Array(size);
  let pos = 0;
  let s = 0;
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = pair ? 2 : 1;
    const crBeforeLf = c === 13 && raw.charCodeAt(i + 1) === 10;
    if (!(crBeforeLf && !crlf)) {
      toStored[pos] = s;
      pos += 1;
      if (pair && !cp) {
        toStored[pos] = s;
        inside[pos] = 1;
        pos += 1;
      }
    }
    s += crBeforeLf ? 0 : width;
    i += width;
  }
  toStored[pos] = s;
  return { counting, toStored: toStored.subarray(0, pos + 1), inside: inside.subarray(0, pos + 1), length: pos };
}

const WORD = /[\p{L}\p{N}]/u;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.codePointAt(i)!;
  // The low half of a pair: look at the whole character.
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return WORD.test(String.fromCodePoint(c));
}

/** An edge between two word characters splits a word; anywhere else is a fair edge. */
function edgeScore(stored: string, at: number): number {
  return isWordAt(stored, at - 1) && isWordAt(stored, at) ? 0 : 1;
}

export interface Span {
  start: number;
  end: number;
}

export interface Choice {
  table: PositionTable;
  /** Counting that differs from the standard's and changed at least one offset. */
  adjusted: boolean;
}

/**
 * Picks the counting for one source. `raw` is the text as the source tool had it (BOM already
 * dropped); `stored` its normalised form. Returns null when no counting fits every span.
 */
export function chooseCounting(raw: string, stored: string, spans: Span[], preferred: Counting[]): Choice | null {
  const hasCr = raw.indexOf('\r') !== -1;
  const hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw);
  const all: Counting[] = [...preferred, ...(['cp-lf', 'cp-crlf', 'utf16-crlf', 'utf16-lf'] as Counting[]).filter((c) => !preferred.includes(c))];
  // Countings that cannot differ for this text collapse into the first of their kind.
  const key = (c: Counting) => `${hasAstral ? c.split('-')[0] : '*'}-${hasCr ? c.split('-')[1] : '*'}`;
  const distinct = all.filter((c, i) => all.findIndex((d) => key(d) === key(c)) === i);
  let best: { table: PositionTable; score: number } | null = null;
  for (const counting of distinct) {
    const table = buildTable(raw, counting);
    if (spans.some((s) => s.end > table.length || s.start < 0)) continue;
    let score = 0;
    for (const s of spans) {
      if (table.inside[s.start] || table.inside[s.end]) score -= 5;
      score += edgeScore(stored, table.toStored[s.start]!) + edgeScore(stored, table.toStored[s.end]!);
    }
    if (!best || score > best.score) best = { table, score };
  }
  if (!best) return null;
  const adjusted = (hasCr || hasAstral) && best.table.counting !== 'cp-lf';
  return { table: best.table, adjusted };
}

/** Which counting to try first, from the Project's origin attribute. */
export function preferredCountings(origin: string | undefined): Counting[] {
  const o = (origin ?? '').toLowerCase();
  if (o.includes('nvivo')) return ['utf16-crlf', 'utf16-lf', 'cp-crlf', 'cp-lf'];
  return ['cp-lf', 'cp-crlf', 'utf16-crlf', 'utf16-lf'];
}
