/**
 * Helpers for the transcript component tests: render TranscriptView in jsdom, read its
 * [data-start] pieces, and turn document offsets into DOM points the way a browser selection
 * would hold them (a text node and an offset inside it, or an element and a child index).
 */
import { render } from '@testing-library/react';
import type { CodingView } from '../../shared/api/types.js';
import { TranscriptView } from '../../renderer/transcript/TranscriptView.js';

export function coding(guid: string, start: number, end: number, color = '#3366cc'): CodingView {
  return { guid, codeGuid: `code-${guid}`, code: `Code ${guid}`, color, coderGuid: 'coder-alice', coder: 'Alice', start, end, memo: null };
}

export function renderTranscript(text: string, codings: readonly CodingView[], onSelect: (span: { start: number; end: number } | null) => void = () => {}) {
  const r = render(<TranscriptView text={text} codings={codings} onSelect={onSelect} />);
  const host = r.getByTestId('transcript');
  return {
    host,
    rerender: (next: readonly CodingView[]) => r.rerender(<TranscriptView text={text} codings={next} onSelect={onSelect} />),
    unmount: r.unmount,
  };
}

export interface PieceView {
  start: number;
  text: string;
  codings: string[];
  el: HTMLElement;
}

/** The view's pieces in document order. */
export function pieces(host: HTMLElement): PieceView[] {
  return [...host.querySelectorAll<HTMLElement>('[data-start]')].map((el) => ({
    start: Number(el.dataset.start),
    text: el.textContent ?? '',
    codings: el.dataset.codings ? el.dataset.codings.split(' ') : [],
    el,
  }));
}

/** The single text node inside a piece (what a browser selection points into). */
export function textNodeOf(el: HTMLElement): Text {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const n = walker.nextNode();
  if (!n) throw new Error(`piece at ${el.dataset.start} has no text node`);
  return n as Text;
}

/**
 * Every DOM point that stands for document offset `at`: inside the piece holding it, and at a
 * piece boundary both the end of the piece before and the start of the piece after.
 */
export function pointsFor(host: HTMLElement, at: number): { node: Text; offset: number }[] {
  return pieces(host)
    .filter((p) => p.start <= at && at <= p.start + p.text.length)
    .map((p) => ({ node: textNodeOf(p.el), offset: at - p.start }));
}

/**
 * Element points a browser may hold for offset `at` (triple-click, select all, keyboard moves
 * over blank lines): before a line's paragraph in the editor root, at a paragraph's start, at the
 * end of a line with text, and at the start of an empty line.
 */
export function elementPointsFor(host: HTMLElement, text: string, at: number): { node: Node; offset: number }[] {
  const root = host.querySelector<HTMLElement>('.transcript-text')!;
  const chunks = [...root.querySelectorAll<HTMLElement>(':scope > .chunk')];
  const paras = [...root.querySelectorAll<HTMLElement>('.line')];
  const out: { node: Node; offset: number }[] = [];
  let start = 0;
  text.split('\n').forEach((line, i) => {
    const p = paras[i]!;
    const chunk = p.parentElement!;
    const end = start + line.length;
    const inChunk = [...chunk.children].indexOf(p);
    if (at === start) out.push({ node: chunk, offset: inChunk }, { node: p, offset: 0 });
    // The first line of a chunk also starts where the editor root holds that chunk.
    if (at === start && inChunk === 0) out.push({ node: root, offset: chunks.indexOf(chunk) });
    if (at === end && line.length > 0) out.push({ node: p, offset: p.childNodes.length });
    start = end + 1;
  });
  const last = chunks.at(-1);
  if (at === text.length && last) out.push({ node: root, offset: chunks.length }, { node: last, offset: last.children.length });
  return out;
}

/** Puts a real DOM selection over [start, end), choosing among equivalent points with `pick`. */
export function selectOffsets(host: HTMLElement, start: number, end: number, pick: (n: number) => number = () => 0, text?: string): Selection {
  const a = [...pointsFor(host, start), ...(text === undefined ? [] : elementPointsFor(host, text, start))];
  const b = [...pointsFor(host, end), ...(text === undefined ? [] : elementPointsFor(host, text, end))];
  if (!a.length || !b.length) throw new Error(`no text point for ${start} or ${end}`);
  const pa = a[pick(a.length) % a.length]!;
  const pb = b[pick(b.length) % b.length]!;
  const range = host.ownerDocument.createRange();
  range.setStart(pa.node, pa.offset);
  range.setEnd(pb.node, pb.offset);
  const sel = host.ownerDocument.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}
