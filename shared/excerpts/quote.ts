/**
 * One coded passage → the words a report prints. The stored text is never changed: speaker
 * labels are cut out of a copy (a label is not the participant's words), an ellipsis marks a
 * quote that starts or ends inside a sentence or was shortened, and pseudonyms replace names.
 */
import type { Pseudonyms } from './types.js';

export interface RawQuote {
  /** The stored text of [start, end). */
  text: string;
  start: number;
  /** Speaker labels inside the span, absolute [start, end) (a turn's start to its speechStart). */
  labels: [number, number][];
  /** Up to a few dozen characters before and after the span, for deciding on ellipses. */
  before: string;
  after: string;
}

export interface QuoteOptions {
  keepSpeakers: boolean;
  /** Longer quotes are cut at a word boundary and end in " …"; 0: never. */
  maxChars: number;
}

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?…"”’»)\]]$/u;
const MID_SENTENCE_BEFORE = /[\p{L}\p{N},;\-–—]$/u;

/** Cuts the labels out, tidies the white space, and marks trimmed edges with an ellipsis. */
export function quoteText(q: RawQuote, o: QuoteOptions): string {
  let text = q.text;
  let cutAtStart = false;
  if (!o.keepSpeakers && q.labels.length) {
    const parts: string[] = [];
    let at = 0;
    for (const [ls, le] of [...q.labels].sort((a, b) => a[0] - b[0])) {
      const s = Math.max(0, ls - q.start);
      const e = Math.min(text.length, le - q.start);
      if (e <= at) continue;
      parts.push(text.slice(at, Math.max(at, s)));
      if (s <= 0) cutAtStart = true;
      at = e;
    }
    parts.push(text.slice(at));
    text = parts.join('');
  }
  // Paragraphs stay paragraphs; spaces inside a line collapse as a reader expects.
  text = !text.includes('\n')
    ? text.replace(/[ \t\u00A0]+/g, ' ').trim()
    : text
        .split('\n')
        .map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim())
        .filter((l) => l !== '')
        .join('\n');
  if (text === '') return '';

  // The span began inside a sentence (not at a turn's start, nor after a sentence ended).
  const beforeLine = q.before.slice(q.before.lastIndexOf('\n') + 1).trimEnd();
  const leading = !cutAtStart && beforeLine !== '' && MID_SENTENCE_BEFORE.test(beforeLine);
  const afterLine = q.after.split('\n')[0]!.trimStart();
  let trailing = afterLine !== '' && !SENTENCE_END.test(text);
  if (o.maxChars > 0 && text.length > o.maxChars) {
    const cut = text.slice(0, o.maxChars);
    const space = cut.search(/\s\S*$/);
    text = (space > o.maxChars / 2 ? cut.slice(0, space) : cut).trimEnd();
    trailing = true;
  }
  return `${leading ? `${ELLIPSIS} ` : ''}${text}${trailing ? ` ${ELLIPSIS}` : ''}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each find string as a whole word (letters and digits do not continue it on either side). */
export function replacer(pairs: readonly [string, string][]): (s: string) => string {
  const rules = pairs
    .filter(([f]) => f.trim() !== '')
    .map(([f, r]) => ({ re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(f.trim())}(?![\\p{L}\\p{N}])`, 'gu'), r }));
  if (rules.length === 0) return (s) => s;
  return (s) => rules.reduce((acc, { re, r }) => acc.replace(re, r), s);
}

/** Case name → the label printed: the map's, else "Participant N" in the given case order. */
export function caseLabeller(p: Pseudonyms | null, caseOrder: readonly string[]): (name: string | null) => string | null {
  if (!p) return (n) => n;
  const index = new Map(caseOrder.map((n, i) => [n, i + 1]));
  return (n) => {
    if (n === null) return null;
    return p.cases[n] ?? `Participant ${index.get(n) ?? index.size + 1}`;
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** 62 000 ms → "00:01:02". */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

export function whereLabel(lineStart: number, lineEnd: number, time: { beginMs: number; endMs: number } | null): string {
  if (time) return time.beginMs === time.endMs ? clock(time.beginMs) : `${clock(time.beginMs)}–${clock(time.endMs)}`;
  return lineStart === lineEnd ? `line ${lineStart}` : `lines ${lineStart}–${lineEnd}`;
}

/** "CO-01, officer, Institution B — co-01.txt, lines 12–14". */
export function attribution(caseLabel: string | null, values: readonly string[], document: string, where: string): string {
  const who = [caseLabel, ...values].filter((v): v is string => v !== null && v !== '').join(', ');
  return who ? `${who} — ${document}, ${where}` : `${document}, ${where}`;
}
