/**
 * Markdown → the plain text an analyst codes. Line based and deliberately small: it keeps the
 * words and the line structure (so `Name:` turns stay at line starts) and drops the markup.
 *
 * - headings lose their `#`s (setext underlines are dropped); each block is its own paragraph
 * - `**b**`, `*i*`, `__b__`, `_i_`, `~~s~~`, `` `code` `` lose their markers; `\*` escapes are honoured
 * - `[text](url)` and `[text][ref]` become `text`; `<https://…>` becomes the address; images
 *   and link reference definitions are dropped
 * - list bullets (`*`, `+`, `-`) become `- ` (indentation kept); ordered lists stay as written
 * - fenced code blocks keep their content verbatim (fences dropped); `> ` quote markers go
 * - soft line breaks inside a paragraph stay as LF; blocks are separated by exactly one blank line
 */
import { normaliseText } from './normalise.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^([ \t]*)[*+-][ \t]+/;
const ORDERED = /^[ \t]*\d{1,9}[.)][ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const REF_DEF = /^ {0,3}\[[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;

// Escaped ASCII punctuation is parked in the private-use area so emphasis rules skip it.
const PARK = 0xe000;
const park = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => String.fromCharCode(PARK + c.charCodeAt(0)));
const unpark = (s: string): string => s.replace(/[\uE021-\uE07E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PARK));

function stripInline(segment: string): string {
  let s = segment;
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, ''); // images
  s = s.replace(/!\[[^\]]*\](?:\[[^\]]*\])?/g, '');
  s = s.replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1'); // inline links
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1'); // reference links
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1'); // autolinks
  s = s.replace(/<!--.*?-->/g, '');
  s = s.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, (m, d: string, inner: string, off: number, all: string) =>
    d === '__' && !wordBoundaryAround(all, off, m.length) ? m : inner,
  );
  s = s.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1');
  s = s.replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, (m, d: string, inner: string, off: number, all: string) =>
    d === '_' && !wordBoundaryAround(all, off, m.length) ? m : inner,
  );
  return s;
}

// `_` emphasis only counts outside words (snake_case stays intact).
function wordBoundaryAround(all: string, off: number, len: number): boolean {
  const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  return !isWord(all[off - 1]) && !isWord(all[off + len]);
}

function inline(line: string): string {
  // Code spans are kept verbatim (backslashes too); only the text between them is stripped.
  const out: string[] = [];
  const re = /(`+)(.+?)\1/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push(unpark(stripInline(park(line.slice(last, m.index)))), codeSpan(m[2] ?? ''));
    last = m.index + m[0].length;
  }
  const tail = unpark(stripInline(park(line.slice(last))));
  // Hard line breaks: a trailing backslash or two spaces.
  out.push(tail.replace(/(?:\\| {2,})$/, ''));
  return out.join('').replace(/[ \t]+$/, '');
}

function codeSpan(inner: string): string {
  return inner.trim() !== '' && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
}

export function markdownToText(md: string): string {
  const lines = normaliseText(md).split('\n');
  const blocks: string[][] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.length > 0) blocks.push(cur);
    cur = [];
  };
  let fence: string | null = null;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (fence !== null) {
      if (raw.trimStart().startsWith(fence) && raw.trim().replace(/[`~]/g, '') === '') {
        fence = null;
        flush();
      } else cur.push(raw);
      continue;
    }
    const f = FENCE.exec(raw);
    if (f) {
      flush();
      fence = f[1] ?? '```';
      continue;
    }
    if (raw.trim() === '') {
      flush();
      continue;
    }
    if (SETEXT.test(raw) && cur.length > 0 && !BULLET.test(cur[cur.length - 1] ?? '')) {
      flush(); // the previous lines were a setext heading
      continue;
    }
    if (THEMATIC.test(raw) || REF_DEF.test(raw)) {
      flush();
      continue;
    }
    const h = ATX.exec(raw);
    if (h) {
      flush();
      const title = inline(h[2] ?? '');
      if (title !== '') blocks.push([title]);
      continue;
    }
    let line = raw;
    while (QUOTE.test(line)) line = line.replace(QUOTE, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const b = BULLET.exec(line);
    if (b) line = `${b[1] ?? ''}- ${line.slice(b[0].length)}`;
    const isItem = b !== null || ORDERED.test(line);
    // A list starts its own block; following items stay in it.
    if (isItem && cur.length > 0 && !isListLine(cur[0] ?? '')) flush();
    const text = isItem && b ? `${b[1] ?? ''}- ${inline(line.slice((b[1] ?? '').length + 2))}` : inline(line);
    if (text.trim() === '') continue; // a line that was only an image
    cur.push(text);
  }
  flush();
  return blocks.map((bl) => bl.join('\n')).join('\n\n');
}

function isListLine(line: string): boolean {
  return /^[ \t]*- /.test(line) || ORDERED.test(line);
}
