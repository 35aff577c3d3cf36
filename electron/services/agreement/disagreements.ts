/**
 * Disagreements as reviewable items: for each document and code, the stretches only one coder
 * coded, with the surrounding text, in document order. An item's id is a hash of what it is
 * (document, code, both coders, kind, span), so it stays the same across runs and decisions
 * can refer to it.
 */
import { createHash } from 'node:crypto';
import { documentText } from '../../../db/queries/documents.js';
import { spanDifference } from '../../../shared/agreement/index.js';
import { lineRange, lineStarts } from '../../../shared/text/lines.js';
import type { Span, Turn } from '../../../shared/types.js';
import type { Session } from '../session.js';
import { loadAgreementData, type AgreementData, type AgreementScope, type CodedSpan } from './data.js';

export type DisagreementKind = 'onlyA' | 'onlyB';

export interface Disagreement {
  id: string;
  document: string;
  documentGuid: string;
  code: string;
  codeGuid: string;
  kind: DisagreementKind;
  /** Who coded the stretch (the other coder did not). */
  coder: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  lineStart: number;
  lineEnd: number;
  speaker: string | null;
  /** The coder's codings this stretch comes from. */
  codings: string[];
}

export function disagreementId(parts: { documentGuid: string; codeGuid: string; coders: [string, string]; kind: DisagreementKind; start: number; end: number }): string {
  const key = [parts.documentGuid, parts.codeGuid, parts.coders[0], parts.coders[1], parts.kind, parts.start, parts.end].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** About `radius` characters of context, cut at a word boundary, on one line. */
export function context(text: string, span: Span, radius = 120): { before: string; after: string } {
  let s = Math.max(0, span.start - radius);
  if (s > 0) {
    const space = text.indexOf(' ', s);
    if (space !== -1 && space < span.start) s = space + 1;
  }
  let e = Math.min(text.length, span.end + radius);
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space > span.end) e = space;
  }
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  return { before: `${s > 0 ? '…' : ''}${flat(text.slice(s, span.start))}`, after: `${flat(text.slice(span.end, e))}${e < text.length ? '…' : ''}` };
}

function speakerAt(turns: readonly Turn[], offset: number): string | null {
  for (const t of turns) if (t.start <= offset && offset < t.end) return t.speaker;
  return null;
}

const overlapping = (spans: CodedSpan[], s: Span) => spans.filter((c) => c.start < s.end && s.start < c.end).flatMap((c) => (c.guid ? [c.guid] : []));

export function listDisagreements(session: Session, scope: AgreementScope, data: AgreementData = loadAgreementData(session, { ...scope, withGuids: true })): Disagreement[] {
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
          coder: kind === 'onlyA' ? a.name : b.name,
          start: s.start,
          end: s.end,
          text: t.text.slice(s.start, s.end),
          ...context(t.text, s),
          lineStart: lines.first,
          lineEnd: lines.last,
          speaker: speakerAt(turns, s.start),
          codings: overlapping(kind === 'onlyA' ? cell.a : cell.b, s),
        });
      }
    }
  }
  return out.sort((x, y) => x.document.localeCompare(y.document) || x.start - y.start || x.end - y.end || x.code.localeCompare(y.code));
}
