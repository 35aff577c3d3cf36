/**
 * Speaker-turn detection on normalised text (LF only).
 *
 * A turn starts at a line that opens with a speaker label:
 *   `Name:`  `NAME:`  `CO Martin:`  `Officer Berg:`  `I:`  `Q:`  `Interviewer :` (French spacing)
 *   `[Name] speech…` (a bracket label needs speech on the same line; `[Name]: speech` also works)
 * A label is 1–4 words, starts with a letter, is at most 40 characters. To keep `Note:`,
 * `Example:` or a sentence with a colon from becoming speakers, a label is accepted only if it
 * is a well-known interview label (optionally numbered: `Participant 3`, `R1`) or the same label
 * opens a line at least twice in the document. A short deny list drops header words
 * (`Date:`, `Location:`…) and bracketed transcription notes (`[laughs]`, `[inaudible]`).
 *
 * Lines without an accepted label continue the current turn, so a turn can span paragraphs.
 * Runs in linear time: one sticky regex test per line, bounded by the 40-character label limit.
 */
import type { Turn } from '../types.js';

export interface LabelMatch {
  /** The label as written, without colon or brackets. */
  speaker: string;
  /** Offset just after the label's `:` or `]`. */
  labelEnd: number;
}

const MAX_LABEL = 40;
const WORD_HEAD = String.raw`[\p{L}\p{N}]`;
const WORD_TAIL = String.raw`[\p{L}\p{M}\p{N}'’.\-]*`;
const LABEL = String.raw`\p{L}${WORD_TAIL}(?: ${WORD_HEAD}${WORD_TAIL}){0,3}`;
/**
 * Sticky: tested at one line start without slicing the text. Built on first use: a pattern of
 * Unicode classes costs milliseconds to construct, and most commands never look for speakers.
 */
let labelPatterns: { colon: RegExp; bracket: RegExp } | undefined;
const patterns = () =>
  (labelPatterns ??= {
    colon: new RegExp(String.raw`[ \t]*(${LABEL})[ \t\u00A0\u202F]?:(?=[ \t\u00A0\u202F\n]|$)`, 'uy'),
    bracket: new RegExp(String.raw`[ \t]*\[(${LABEL})\]:?[ \t\u00A0\u202F]+(?=[^\s])`, 'uy'),
  });

const WELL_KNOWN = /^(?:interviewer|interviewee|participant|respondent|moderator|i|r|p|q|a)(?: ?\d{1,3})?$/i;

// Words that open lines in transcript headers and notes but are never speakers.
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'nb',
  'n.b.',
  'ps',
  'p.s.',
  'example',
  'examples',
  'e.g.',
  'i.e.',
  're',
  'date',
  'time',
  'duration',
  'location',
  'place',
  'site',
  'setting',
  'venue',
  'page',
  'transcript',
  'transcriber',
  'transcribed by',
  'interview',
  'interview date',
  'recording',
  'file',
  'source',
  'project',
  'title',
  'subject',
  'summary',
  'comment',
  'comments',
  'context',
  'keywords',
  'tags',
  'url',
  'email',
  'e-mail',
  'tel',
  'phone',
  'warning',
  'caution',
  'important',
  'see',
  'see also',
  'total',
  'length',
  'language',
]);
const NOT_BRACKET_SPEAKERS = new Set([
  'laughs',
  'laughter',
  'laughing',
  'laugh',
  'pause',
  'pauses',
  'long pause',
  'short pause',
  'inaudible',
  'unclear',
  'crosstalk',
  'cross talk',
  'silence',
  'sighs',
  'sigh',
  'coughs',
  'cough',
  'overlapping',
  'interruption',
  'interrupted',
  'redacted',
  'name redacted',
  'noise',
  'background noise',
  'music',
  'applause',
  'unintelligible',
  'indistinct',
  'break',
  'recording stops',
  'recording resumes',
  'recording paused',
  'sic',
  'continues',
  'end',
]);

export function isWellKnownLabel(speaker: string): boolean {
  return WELL_KNOWN.test(speaker);
}

/** The candidate label opening the line at `pos` (a line start), before the accept rule. */
export function matchLabelAt(text: string, pos: number): LabelMatch | null {
  const { colon, bracket } = patterns();
  colon.lastIndex = pos;
  let m = colon.exec(text);
  let deny = NOT_SPEAKERS;
  if (!m) {
    bracket.lastIndex = pos;
    m = bracket.exec(text);
    deny = NOT_BRACKET_SPEAKERS;
    if (!m) return null;
  }
  const speaker = m[1] ?? '';
  if (speaker.length > MAX_LABEL || deny.has(speaker.toLowerCase())) return null;
  // For brackets the match ran over following spaces; the label ends at the `]` or `]:`.
  const whole = m[0];
  let labelEnd = pos + whole.length;
  if (deny === NOT_BRACKET_SPEAKERS) labelEnd = pos + whole.trimEnd().length;
  return { speaker, labelEnd };
}

/**
 * The accept rule, given every candidate label found at a line start in the document:
 * well-known labels, or labels seen at least twice (exact spelling).
 */
export function labelAcceptor(candidates: Iterable<string>): (speaker: string) => boolean {
  const counts = new Map<string, number>();
  for (const s of candidates) counts.set(s, (counts.get(s) ?? 0) + 1);
  return (speaker) => isWellKnownLabel(speaker) || (counts.get(speaker) ?? 0) >= 2;
}

const isBlankChar = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 0xa0 || c === 0x202f || c === 13 || c === 12;

interface LineLabel extends LabelMatch {
  lineStart: number;
}

export function detectTurns(text: string): Turn[] {
  const found: LineLabel[] = [];
  for (let pos = 0; pos <= text.length;) {
    const m = matchLabelAt(text, pos);
    if (m) found.push({ ...m, lineStart: pos });
    const nl = text.indexOf('\n', pos);
    if (nl === -1) break;
    pos = nl + 1;
  }
  const accept = labelAcceptor(found.map((f) => f.speaker));
  const starts = found.filter((f) => accept(f.speaker));

  const turns: Turn[] = [];
  for (let k = 0; k < starts.length; k++) {
    const cur = starts[k]!;
    const limit = k + 1 < starts.length ? starts[k + 1]!.lineStart : text.length;
    // Back off over trailing blank lines and trailing spaces: the turn ends at its last
    // non-blank character's line end (never includes the newline).
    let end = limit;
    while (end > cur.labelEnd && isBlankChar(text.charCodeAt(end - 1))) end--;
    if (end < cur.labelEnd) end = cur.labelEnd;
    let speechStart = cur.labelEnd;
    while (speechStart < end && isBlankChar(text.charCodeAt(speechStart))) speechStart++;
    turns.push({ start: cur.lineStart, end, speaker: cur.speaker, speechStart });
  }
  return turns;
}

/** The turn holding `offset`, if any (turns sorted by start, as detectTurns gives them). */
export function turnAt(turns: readonly Turn[], offset: number): Turn | undefined {
  let lo = 0;
  let hi = turns.length - 1;
  let found: Turn | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = turns[mid]!;
    if (t.start <= offset) {
      found = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.end ? found : undefined;
}
