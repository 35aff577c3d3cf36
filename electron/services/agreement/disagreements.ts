/**
 * Disagreements as reviewable items: for each document and code, the stretches only one coder
 * coded, with the surrounding text, in document order. The stretches come from a sweep over the
 * boundaries of each coder's unioned spans (shared/agreement spanDifference), never from
 * per-character arrays. An item's id is a hash of what it is (document, code, both coders, kind,
 * span), so it stays the same across runs and stored decisions can refer to it; it changes only
 * when the stretch itself changes.
 */
import { documentText } from '../../../db/queries/documents.js';
import { spanDifference } from '../../../shared/agreement/index.js';
import type { Disagreement, DisagreementKind } from '../../../shared/agreement/reports.js';
import { lineRange, lineStarts } from '../../../shared/text/lines.js';
import type { Span, Turn } from '../../../shared/types.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementData, type AgreementScope, type CodedSpan } from './data.js';
import { sha256 } from '../sha256.js';

export type { Disagreement, DisagreementKind };

export function disagreementId(parts: {
  documentGuid: string;
  codeGuid: string;
  coders: [string, string];
  kind: DisagreementKind;
  start: number;
  end: number;
}): string {
  const key = [parts.documentGuid, parts.codeGuid, parts.coders[0], parts.coders[1], parts.kind, parts.start, parts.end].join('|');
  return sha256().update(key).digest('hex').slice(0, 12);
}

const SPACE = /\s/;
const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * About `radius` characters of context either side of `span`, cut at whitespace so no word is
 * split (a hard cut only when there is no whitespace within reach, and never inside a surrogate
 * pair). Runs of whitespace, line breaks included, become one space so an item reads on one line.
 */
export function context(text: string, span: Span, radius = 120): { before: string; after: string } {
  let s = Math.max(0, span.start - radius);
  if (s > 0) {
    let w = s;
    while (w < span.start && !SPACE.test(text[w - 1]!)) w += 1;
    s = w < span.start ? w : s;
    if (isLowSurrogate(text, s)) s += 1;
  }
  let e = Math.min(text.length, span.end + radius);
  if (e < text.length) {
    let w = e;
    while (w > span.end && !SPACE.test(text[w]!)) w -= 1;
    e = w > span.end ? w : e;
    if (isLowSurrogate(text, e)) e -= 1;
  }
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  const before = flat(text.slice(s, span.start));
  const after = flat(text.slice(span.end, e));
  return { before: s > 0 ? `…${before.trimStart()}` : before, after: e < text.length ? `${after.trimEnd()}…` : after };
}

/** The speaker of the turn holding `offset` (turns are sorted by start and do not overlap). */
function speakerAt(turns: readonly Turn[], offset: number): string | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = turns[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t.speaker;
  }
  return null;
}

/** GUIDs of the codings overlapping `s` (a stretch lies inside the union of that coder's spans). */
const sources = (spans: readonly CodedSpan[], s: Span) => spans.filter((c) => c.start < s.end && s.start < c.end).flatMap((c) => (c.guid ? [c.guid] : []));

export function listDisagreements(
  session: Session,
  scope: AgreementScope,
  data: AgreementData = loadAgreementData(session, { ...scope, withGuids: true }),
): Disagreement[] {
  const [a, b] = data.coders;
  const texts = new Map<number, { text: string; starts: number[] }>();
  const out: Disagreement[] = [];
  for (const cell of data.cells) {
    const diff = spanDifference(cell.a, cell.b);
    if (diff.onlyA.length + diff.onlyB.length === 0) continue;
    let t = texts.get(cell.document.id);
    if (!t) {
      const text = documentText(session.project.db, cell.document.id);
      texts.set(cell.document.id, (t = { text, starts: lineStarts(text) }));
    }
    const turns = data.turnsOf(cell.document.id);
    for (const kind of ['onlyA', 'onlyB'] as const) {
      for (const s of diff[kind]) {
        const lines = lineRange(t.starts, s);
        out.push({
          id: disagreementId({ documentGuid: cell.document.guid, codeGuid: cell.code.guid, coders: [a.guid, b.guid], kind, start: s.start, end: s.end }),
          document: cell.document.name,
          documentGuid: cell.document.guid,
          code: cell.code.path,
          codeGuid: cell.code.guid,
          kind,
          // Touching text both coded: the two coders marked the same passage with other edges.
          boundary: diff.both.some((x) => x.end === s.start || x.start === s.end),
          coder: kind === 'onlyA' ? a.name : b.name,
          start: s.start,
          end: s.end,
          text: t.text.slice(s.start, s.end),
          ...context(t.text, s),
          lineStart: lines.first,
          lineEnd: lines.last,
          speaker: speakerAt(turns, s.start),
          codings: sources(kind === 'onlyA' ? cell.a : cell.b, s),
        });
      }
    }
  }
  return out.sort(
    (x, y) => x.document.localeCompare(y.document) || x.start - y.start || x.end - y.end || x.code.localeCompare(y.code) || x.kind.localeCompare(y.kind),
  );
}
