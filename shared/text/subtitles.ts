/**
 * WebVTT and SubRip → coded text. Each cue keeps its timestamps and the offsets of its words
 * in the produced text. Consecutive cues of one speaker become one paragraph
 * `Speaker: text text` (one turn); cues without a speaker are paragraphs of their own and no
 * turn. Paragraphs are separated by "\n\n".
 *
 * Speaker: the first `<v Name>` voice span, else a `Name:` / `[Name]` prefix accepted by the
 * same rule as turns.ts (well-known label, or used by at least two cues).
 */
import { fail } from '../errors.js';
import type { Cue, Turn } from '../types.js';
import { normaliseText } from './normalise.js';
import { labelAcceptor, matchLabelAt } from './turns.js';

export interface SubtitleDocument {
  text: string;
  turns: Turn[];
  cues: Cue[];
}

interface RawCue {
  beginMs: number;
  endMs: number;
  payload: string;
  voice: string | null;
}

const TIME = String.raw`(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}[ \t]+-->[ \t]+${TIME}(?:[ \t].*)?$`);

function toMs(h: string | undefined, m: string, s: string, ms: string): number {
  return ((Number(h ?? '0') * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
}

function parseTiming(line: string, lineNo: number, fileName: string): { beginMs: number; endMs: number } {
  const t = TIMING.exec(line);
  if (!t) fail('corrupt_file', `${fileName}: line ${lineNo}: malformed cue timing "${clip(line)}"`);
  const beginMs = toMs(t[1], t[2]!, t[3]!, t[4]!);
  const endMs = toMs(t[5], t[6]!, t[7]!, t[8]!);
  if (endMs < beginMs) fail('corrupt_file', `${fileName}: line ${lineNo}: cue ends before it begins`);
  return { beginMs, endMs };
}

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s).trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F', quot: '"', apos: "'" };

/** Cue payload → plain words and the first voice name, if any. */
function cleanPayload(payload: string): { words: string; voice: string | null } {
  const v = /<v(?:\.[^\s>]+)*[ \t]+([^>]+)>/.exec(payload);
  const words = payload
    .replace(/<[^>]*>/g, '') // voice, class, italics, ruby, lang, timestamp tags
    .replace(/\{\\[^}]*\}/g, '') // SRT/ASS positioning like {\an8}
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return { words, voice: v ? (v[1] ?? '').trim() || null : null };
}

/** Split into blocks of non-blank lines, remembering each block's first line number (1-based). */
function blocks(text: string): { line: number; lines: string[] }[] {
  const out: { line: number; lines: string[] }[] = [];
  let cur: { line: number; lines: string[] } | null = null;
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') cur = null;
    else if (cur) cur.lines.push(l);
    else out.push((cur = { line: i + 1, lines: [l] }));
  });
  return out;
}

function cueFromBlock(b: { line: number; lines: string[] }, fileName: string, format: 'WebVTT' | 'SRT'): RawCue {
  // Optional identifier line (SRT's counter, VTT's cue id), then the timing line.
  const timingIdx = b.lines[0]!.includes('-->') ? 0 : 1;
  const timing = b.lines[timingIdx];
  if (timing === undefined || !timing.includes('-->')) {
    fail(
      'corrupt_file',
      `${fileName}: line ${b.line + timingIdx}: expected a ${format} cue timing like 00:00:01${format === 'SRT' ? ',' : '.'}000 --> 00:00:04${format === 'SRT' ? ',' : '.'}000`,
    );
  }
  const { beginMs, endMs } = parseTiming(timing, b.line + timingIdx, fileName);
  const { words, voice } = cleanPayload(b.lines.slice(timingIdx + 1).join('\n'));
  return { beginMs, endMs, payload: words, voice };
}

export function parseVtt(source: string, fileName = 'subtitles.vtt'): SubtitleDocument {
  const text = normaliseText(source);
  if (!/^WEBVTT(?:[ \t\n]|$)/.test(text)) {
    fail('corrupt_file', `${fileName}: not a WebVTT file (the first line must be WEBVTT)`);
  }
  const cues: RawCue[] = [];
  for (const [i, raw] of blocks(text).entries()) {
    let b = raw;
    if (i === 0) {
      // Header block: WEBVTT line and optional metadata. Some writers omit the blank line
      // before the first cue; take the cue from its timing line on.
      const at = b.lines.findIndex((l) => l.includes('-->'));
      if (at === -1) continue;
      b = { line: b.line + at, lines: b.lines.slice(at) };
    }
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(b.lines[0]!)) continue;
    cues.push(cueFromBlock(b, fileName, 'WebVTT'));
  }
  return build(cues, fileName);
}

export function parseSrt(source: string, fileName = 'subtitles.srt'): SubtitleDocument {
  const text = normaliseText(source);
  const cues = blocks(text).map((b) => cueFromBlock(b, fileName, 'SRT'));
  return build(cues, fileName);
}

function build(raw: RawCue[], fileName: string): SubtitleDocument {
  const withWords = raw.filter((c) => c.payload !== '');
  if (withWords.length === 0) fail('corrupt_file', `${fileName}: no subtitle cues found`);

  // Speaker prefixes use the turn rule: well-known, or seen on at least two cues.
  const prefixes = withWords.map((c) => (c.voice === null ? matchLabelAt(c.payload, 0) : null));
  const accept = labelAcceptor(prefixes.flatMap((p) => (p ? [p.speaker] : [])));
  const items = withWords.map((c, i) => {
    const p = prefixes[i];
    if (c.voice !== null) return { ...c, speaker: c.voice, words: c.payload };
    if (p && accept(p.speaker)) return { ...c, speaker: p.speaker, words: c.payload.slice(p.labelEnd).trim() };
    return { ...c, speaker: null as string | null, words: c.payload };
  });

  let text = '';
  const cues: Cue[] = [];
  const turns: Turn[] = [];
  let open: Turn | null = null;
  for (const it of items) {
    const continues = open !== null && it.speaker !== null && it.speaker === open.speaker;
    if (continues) {
      if (it.words === '') {
        cues.push({ start: text.length, end: text.length, beginMs: it.beginMs, endMs: it.endMs });
        continue;
      }
      text += ' ';
    } else {
      if (text !== '') text += '\n\n';
      open = null;
      if (it.speaker !== null) {
        const start = text.length;
        text += `${it.speaker}:`;
        open = { start, end: text.length, speaker: it.speaker, speechStart: text.length };
        turns.push(open);
        if (it.words === '') {
          cues.push({ start: text.length, end: text.length, beginMs: it.beginMs, endMs: it.endMs });
          continue;
        }
        text += ' ';
        open.speechStart = text.length;
      }
    }
    const start = text.length;
    text += it.words;
    cues.push({ start, end: text.length, beginMs: it.beginMs, endMs: it.endMs });
    if (open) open.end = text.length;
  }
  return { text, turns, cues };
}
