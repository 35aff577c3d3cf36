/**
 * One disagreement's passage with some context: coder A's spans of the code underlined solid,
 * coder B's dashed, the consensus coder's dotted above, and the stretch under review (or the span
 * being adjusted) tinted. Below, the same spans as text, so nothing depends on seeing colour.
 */
import { useEffect, useRef, useState } from 'react';
import type { Span } from '../../../shared/types.js';
import { stepWord } from '../../../shared/text/snap.js';
import type { CodingView } from '../../../shared/api/types.js';
import type { QueueItem } from './queue.js';
import { dragEdge, offsetInPassage } from './draft-handles.js';

const CONTEXT = 120;
const SPACE = /\s/;

/** The shown window: the item and the spans touching it, plus context cut at whitespace. */
function windowOf(text: string, focus: Span): Span {
  let start = Math.max(0, focus.start - CONTEXT);
  while (start > 0 && start < focus.start && !SPACE.test(text[start - 1]!)) start += 1;
  let end = Math.min(text.length, focus.end + CONTEXT);
  while (end < text.length && end > focus.end && !SPACE.test(text[end]!)) end -= 1;
  return { start, end };
}

interface Layer {
  key: 'a' | 'b' | 'c' | 'item';
  spans: Span[];
}

/** Cuts [w.start, w.end) at every layer boundary: each piece knows which layers cover it. */
function pieces(w: Span, layers: Layer[]): { start: number; end: number; on: Set<Layer['key']> }[] {
  const cuts = new Set([w.start, w.end]);
  for (const l of layers) for (const s of l.spans) for (const x of [s.start, s.end]) if (x > w.start && x < w.end) cuts.add(x);
  const sorted = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i]!, sorted[i + 1]!];
    out.push({ start, end, on: new Set(layers.filter((l) => l.spans.some((s) => s.start < end && start < s.end)).map((l) => l.key)) });
  }
  return out;
}

export interface PassageProps {
  item: QueueItem;
  text: string;
  /** Codings of A, B and the consensus in this document (null while read). */
  codings: CodingView[] | null;
  coders: { a: string; b: string; consensus: string | null };
  names: { a: string; b: string; consensus: string | null };
  /** The span being adjusted, shown instead of the stretch, with a handle at each end. */
  draft: Span | null;
  /** A handle was dragged or moved by key: the new span (nothing is stored until it is saved). */
  onDraft?(span: Span): void;
}

const quote = (text: string, spans: Span[]) => (spans.length ? spans.map((s) => `“${text.slice(s.start, s.end)}”`).join(' + ') : 'nothing here');

/**
 * A handle on one end of the span being adjusted: press it to drag (the Passage follows the
 * pointer, as the handle itself moves between pieces while dragging), or focus it and press
 * Left/Right (Alt: one character), as on the transcript's coding handles.
 */
function Handle({ edge, text, draft, onDraft, onGrab }: { edge: 'start' | 'end'; text: string; draft: Span; onDraft(span: Span): void; onGrab(): void }) {
  return (
    <button
      type="button"
      className={`resize-handle rv-handle resize-${edge}`}
      aria-label={`${edge === 'start' ? 'Start' : 'End'} of the adjusted span: drag, or Left/Right to move it a word`}
      onPointerDown={(e) => {
        e.preventDefault();
        onGrab();
      }}
      onKeyDown={(e) => {
        const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!dir) return;
        e.preventDefault();
        e.stopPropagation();
        const from = draft[edge];
        const at = e.altKey ? Math.max(0, Math.min(text.length, from + dir)) : stepWord(text, from, dir);
        onDraft(dragEdge(text, draft, edge, at, true));
      }}
    />
  );
}

/** While an end is dragged, the pointer anywhere on the page moves it; releasing ends the drag. */
function useDrag(text: string, draft: Span | null, onDraft: ((span: Span) => void) | undefined) {
  const [edge, setEdge] = useState<'start' | 'end' | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(() => {
    if (!edge || !onDraft) return;
    const move = (e: PointerEvent) => {
      const at = offsetInPassage(e.clientX, e.clientY);
      const now = latest.current;
      if (at === null || !now) return;
      const next = dragEdge(text, now, edge, at, e.altKey);
      if (next.start !== now.start || next.end !== now.end) onDraft(next);
    };
    const stop = () => setEdge(null);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, [edge, text, onDraft]);
  return { dragging: edge, grab: setEdge };
}

export function Passage({ item, text, codings, coders, names, draft, onDraft }: PassageProps) {
  const drag = useDrag(text, draft, onDraft);
  const near = (c: CodingView) => c.codeGuid === item.codeGuid && c.start < item.end + CONTEXT && item.start - CONTEXT < c.end;
  const mine = (who: string | null) => (codings ?? []).filter((c) => c.coderGuid === who && near(c)).map((c) => ({ start: c.start, end: c.end }));
  const a = mine(coders.a);
  const b = mine(coders.b);
  const c = coders.consensus ? mine(coders.consensus) : [];
  const focus = draft ?? { start: item.start, end: item.end };
  const touching = [...a, ...b].filter((s) => s.start <= item.end && item.start <= s.end);
  const w = windowOf(text, {
    start: Math.min(focus.start, ...touching.map((s) => s.start)),
    end: Math.max(focus.end, ...touching.map((s) => s.end)),
  });
  const layers: Layer[] = [
    { key: 'a', spans: a },
    { key: 'b', spans: b },
    { key: 'c', spans: c },
    { key: 'item', spans: [focus] },
  ];
  const inWindow = (spans: Span[]) => spans.filter((s) => s.start < w.end && w.start < s.end);
  return (
    <div className="rv-passage-box">
      <p className={drag.dragging ? 'rv-passage rv-dragging' : 'rv-passage'} aria-describedby="rv-spans-text">
        {w.start > 0 && '… '}
        {pieces(w, layers).map((p) => {
          const cls = [...p.on].map((k) => (k === 'item' ? 'rv-here' : `rv-${k}`)).join(' ');
          const t = text.slice(p.start, p.end);
          const body = p.on.has('b') ? <span className="rv-b">{t}</span> : t;
          const withC = p.on.has('c') ? <span className="rv-c">{body}</span> : body;
          const handle = (edge: 'start' | 'end') =>
            draft && onDraft && <Handle key={edge} edge={edge} text={text} draft={draft} onDraft={onDraft} onGrab={() => drag.grab(edge)} />;
          return (
            <span key={p.start} className={cls.replace(/rv-[bc]\b/g, '').trim() || undefined} data-layers={[...p.on].join(' ') || undefined}>
              {p.start === focus.start && handle('start')}
              <span data-start={p.start}>{withC}</span>
              {p.end === focus.end && handle('end')}
            </span>
          );
        })}
        {w.end < text.length && ' …'}
      </p>
      <dl className="rv-spans" id="rv-spans-text" aria-label="Legend: each coder's spans here">
        <dt>
          <span className="rv-key rv-key-a" aria-hidden="true" /> A · {names.a} <span className="rv-how">solid</span>
        </dt>
        <dd>{quote(text, inWindow(a))}</dd>
        <dt>
          <span className="rv-key rv-key-b" aria-hidden="true" /> B · {names.b} <span className="rv-how">dashed</span>
        </dt>
        <dd>{quote(text, inWindow(b))}</dd>
        {names.consensus && (
          <>
            <dt>
              <span className="rv-key rv-key-c" aria-hidden="true" /> Consensus now <span className="rv-how">dotted, above</span>
            </dt>
            <dd>{quote(text, inWindow(c))}</dd>
          </>
        )}
        <dt>
          <span className="rv-key rv-key-item" aria-hidden="true" /> {draft ? 'Adjusted span' : 'Under review'} <span className="rv-how">shaded</span>
        </dt>
        <dd>{quote(text, [focus])}</dd>
      </dl>
    </div>
  );
}
