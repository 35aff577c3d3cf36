/**
 * Turns hard-wrapped page text (what a PDF gives) back into paragraphs.
 *
 * Input: lines, or one text; a line holding "\f" (form feed) marks a page break. When there are
 * no form feeds, page breaks are inferred just after each page-number line.
 *
 * Rules, in order:
 * 1. Page-number lines are dropped: `3`, `Page 4`, `page 4 of 10`, `4 of 10`, `4/10`, `- 5 -`,
 *    `– 5 –`, `Side 3` (Norwegian). With explicit pages only within a page's first or last two
 *    non-blank lines; without, anywhere (a bare number alone on a line is not interview speech).
 * 2. Running headers/footers are dropped: a line within the first or last two non-blank lines
 *    of a page whose shape (whitespace collapsed, digits as `#`) recurs at an edge of at least
 *    two pages and at least half of them. Speaker-label lines are never dropped.
 * 3. Paragraphs. A line opening with an accepted speaker label (turns.ts rule) starts one.
 *    Between two other lines: no blank line → same paragraph; two or more → new paragraph;
 *    exactly one → new paragraph, unless the text is double-spaced there (a neighbouring gap
 *    is also exactly one blank line), when only a "short" line ends a paragraph (under 60% of
 *    the median line length and not ending in a hyphen). A page break (form feed, or dropped
 *    page furniture) ends a paragraph only after such a short line, so sentences run on
 *    across pages. Joined lines are separated by one space.
 * 4. A line ending in letter + `-` (not ` -`) joins the next line:
 *    - without the hyphen when the next line starts with a lowercase letter and the word part
 *      before the hyphen is not a whole word that line-end hyphenation never splits
 *      (`secu-`+`rity` → `security`);
 *    - keeping the hyphen, no space, when the next line starts uppercase or a digit, when the
 *      part before is such a word (`well-`, `self-`, `high-`, `non-`, `ex-` …: `well-known`,
 *      `high-security`), or when that word already holds a hyphen (`face-to-` + `face`).
 * 5. Whitespace runs collapse to one space; paragraphs are joined with "\n\n".
 */
import { normaliseText } from './normalise.js';
import { labelAcceptor, matchLabelAt } from './turns.js';

export interface ReflowResult {
  text: string;
  /** Page-number lines dropped. */
  pageNumbers: number;
  /** Running header/footer lines dropped. */
  headersFooters: number;
  /** Hyphenated line ends joined into one word. */
  dehyphenated: number;
}

const PAGE_NUMBER = /^(?:(?:page|side|p\.)\s*)?\d{1,4}(?:\s*(?:of|av|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^\[\s*\d{1,4}\s*\]$/i;

// Whole words that hyphenation never splits at line end, so `word-` + next line is a compound.
const KEEP_HYPHEN_AFTER = new Set([
  'self',
  'well',
  'non',
  'ex',
  'anti',
  'semi',
  'multi',
  'cross',
  'half',
  'all',
  'high',
  'low',
  'long',
  'short',
  'full',
  'part',
  'ill',
  'first',
  'face',
  'mid',
  'top',
  'day',
  'night',
  'one',
  'two',
  'three',
  'four',
  'five',
]);

const EDGE = 2;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const shape = (s: string): string => collapse(s).replace(/\d+/g, '#').toLowerCase();
export const isPageNumberLine = (line: string): boolean => PAGE_NUMBER.test(collapse(line));

type Page = (string | null)[]; // null: a dropped line

function splitPages(lines: string[]): { pages: Page[]; explicit: boolean } {
  const explicit = lines.some((l) => l.includes('\f'));
  const pages: Page[] = [[]];
  for (const l of lines) {
    if (explicit && l.includes('\f')) {
      // Text on either side of a form feed stays on its own page.
      const parts = l.split('\f');
      parts.forEach((p, i) => {
        if (i > 0) pages.push([]);
        if (p.trim() !== '') pages[pages.length - 1]!.push(p);
      });
      continue;
    }
    pages[pages.length - 1]!.push(l);
    if (!explicit && isPageNumberLine(l)) pages.push([]);
  }
  return { pages, explicit };
}

/** Indices of the first and last `EDGE` non-blank lines of a page. */
function edgeIndices(page: Page): number[] {
  const nonBlank = page.flatMap((l, i) => (l === null || l.trim() === '' ? [] : [i]));
  return [...new Set([...nonBlank.slice(0, EDGE), ...nonBlank.slice(-EDGE)])];
}

export function reflowHardWrapped(input: string | readonly string[]): ReflowResult {
  const lines = typeof input === 'string' ? normaliseText(input).split('\n') : input.map((l) => normaliseText(l));
  const { pages, explicit } = splitPages(lines);
  const isLabel = labelRule(lines);

  // 1. page numbers
  let pageNumbers = 0;
  for (const page of pages) {
    const allowed = explicit ? new Set(edgeIndices(page)) : null;
    page.forEach((l, i) => {
      if (l !== null && (allowed === null || allowed.has(i)) && isPageNumberLine(l)) {
        page[i] = null;
        pageNumbers++;
      }
    });
  }

  // 2. running headers and footers
  let headersFooters = 0;
  const realPages = pages.filter((p) => p.some((l) => l !== null && l.trim() !== ''));
  if (realPages.length >= 2) {
    const seen = new Map<string, number>();
    for (const page of realPages) {
      for (const k of new Set(edgeIndices(page).map((i) => shape(page[i]!)))) seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const needed = Math.max(2, Math.ceil(realPages.length / 2));
    for (const page of realPages) {
      for (const i of edgeIndices(page)) {
        const l = page[i]!;
        if ((seen.get(shape(l)) ?? 0) >= needed && !isLabel(l)) {
          page[i] = null;
          headersFooters++;
        }
      }
    }
  }

  // 3–5. join lines into paragraphs
  const texts: string[] = [];
  const gaps: Gap[] = []; // gaps[k]: what lies between texts[k-1] and texts[k]
  let gap: Gap = { blanks: 0, page: false };
  pages.forEach((page, p) => {
    if (p > 0) gap.page = true;
    for (const raw of page) {
      if (raw === null)
        gap.page = true; // dropped page furniture
      else if (raw.trim() === '') gap.blanks++;
      else {
        texts.push(collapse(raw));
        gaps.push(gap);
        gap = { blanks: 0, page: false };
      }
    }
  });
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const looksLikeEnd = (line: string): boolean => !line.endsWith('-') && line.length < typical * 0.6;
  const isSpacing = (g: Gap | undefined): boolean => g !== undefined && !g.page && g.blanks === 1;

  const paragraphs: string[] = [];
  let cur = '';
  let dehyphenated = 0;
  texts.forEach((line, k) => {
    const g = gaps[k]!;
    const prev = texts[k - 1] ?? '';
    let breakHere: boolean;
    if (k === 0 || isLabel(line)) breakHere = true;
    else if (g.page) breakHere = looksLikeEnd(prev);
    else if (g.blanks === 0) breakHere = false;
    else if (g.blanks === 1 && (isSpacing(gaps[k - 1]) || isSpacing(gaps[k + 1]))) breakHere = looksLikeEnd(prev);
    else breakHere = true;
    if (breakHere && cur !== '') {
      paragraphs.push(cur);
      cur = '';
    }
    if (cur === '') cur = line;
    else {
      const j = joinLines(cur, line);
      cur = j.text;
      if (j.dehyphenated) dehyphenated++;
    }
  });
  if (cur !== '') paragraphs.push(cur);
  return { text: paragraphs.join('\n\n'), pageNumbers, headersFooters, dehyphenated };
}

interface Gap {
  /** Blank lines between two text lines. */
  blanks: number;
  /** A page break or dropped page furniture lies between them. */
  page: boolean;
}

function labelRule(lines: readonly string[]): (line: string) => boolean {
  const cands = lines.flatMap((l) => {
    const m = matchLabelAt(l.trimStart(), 0);
    return m ? [m.speaker] : [];
  });
  const accept = labelAcceptor(cands);
  return (line) => {
    const m = matchLabelAt(line.trimStart(), 0);
    return m !== null && accept(m.speaker);
  };
}

function joinLines(prev: string, next: string): { text: string; dehyphenated: boolean } {
  const m = /(^|[^\p{L}\p{M}-])([\p{L}\p{M}][\p{L}\p{M}-]*)-$/u.exec(prev);
  if (!m) return { text: `${prev} ${next}`, dehyphenated: false };
  const word = m[2] ?? '';
  const keepHyphen = !/^\p{Ll}/u.test(next) || word.includes('-') || KEEP_HYPHEN_AFTER.has(word.toLowerCase());
  if (keepHyphen) return { text: prev + next, dehyphenated: false };
  return { text: prev.slice(0, -1) + next, dehyphenated: true };
}
