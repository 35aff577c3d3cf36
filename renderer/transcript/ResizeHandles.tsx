/**
 * Two handles on the chosen coding's ends. Drag one to a new place in the text, or focus it and
 * press Left/Right to move that end a word (Alt: one character); Alt while dragging skips
 * snapping to words. The new span goes to onResize; the coding itself changes only when stored.
 */
import { useRef, useState } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import { stepWord } from '../../shared/text/snap.js';
import { paint, rangeOf, type PieceIndex } from './geometry.js';
import { offsetAtPoint, type OffsetSpan } from './selection.js';

export interface ResizeHandlesProps {
  text: string;
  coding: CodingView;
  index: PieceIndex;
  container: HTMLElement;
  onResize(guid: string, span: OffsetSpan, exact: boolean): void;
}

type End = 'start' | 'end';

function handlePosition(index: PieceIndex, container: HTMLElement, at: number, end: End) {
  const r = rangeOf(index, at, at);
  const rect = r?.getClientRects()[0] ?? r?.getBoundingClientRect();
  if (!rect) return null;
  const box = container.getBoundingClientRect();
  return { left: rect.left - box.left - (end === 'start' ? 6 : 0), top: rect.top - box.top, height: rect.height || 18 };
}

export function ResizeHandles({ text, coding, index, container, onResize }: ResizeHandlesProps) {
  const [drag, setDrag] = useState<{ end: End; at: number } | null>(null);
  const dragging = useRef(false);
  const spanWith = (end: End, at: number): OffsetSpan => {
    const s = end === 'start' ? { start: at, end: coding.end } : { start: coding.start, end: at };
    return s.start <= s.end ? s : { start: s.end, end: s.start };
  };
  const move = (end: End, e: React.PointerEvent) => {
    if (!dragging.current) return;
    const at = offsetAtPoint(e.clientX, e.clientY, container);
    if (at === null) return;
    setDrag({ end, at });
    const s = spanWith(end, at);
    paint(
      'coding-chosen',
      [rangeOf(index, s.start, s.end)].filter((r): r is Range => !!r),
    );
  };
  const finish = (end: End, e: React.PointerEvent) => {
    if (!dragging.current) return;
    dragging.current = false;
    setDrag(null);
    if (drag && drag.end === end) onResize(coding.guid, spanWith(end, drag.at), e.altKey);
  };
  const key = (end: End, e: React.KeyboardEvent) => {
    const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    e.stopPropagation();
    const from = end === 'start' ? coding.start : coding.end;
    const at = e.altKey ? Math.max(0, Math.min(text.length, from + dir)) : stepWord(text, from, dir);
    const s = spanWith(end, at);
    if (s.start < s.end) onResize(coding.guid, s, true);
  };

  return (
    <>
      {(['start', 'end'] as const).map((end) => {
        const at = drag?.end === end ? drag.at : coding[end];
        const pos = handlePosition(index, container, at, end);
        if (!pos) return null;
        return (
          <button
            key={end}
            type="button"
            className={`resize-handle resize-${end}`}
            aria-label={`${end === 'start' ? 'Start' : 'End'} of the chosen coding (${coding.code}): drag, or Left/Right to move it a word`}
            style={{ left: pos.left, top: pos.top, height: pos.height }}
            onPointerDown={(e) => {
              dragging.current = true;
              e.currentTarget.setPointerCapture(e.pointerId);
              e.preventDefault();
            }}
            onPointerMove={(e) => move(end, e)}
            onPointerUp={(e) => finish(end, e)}
            onKeyDown={(e) => key(end, e)}
          />
        );
      })}
    </>
  );
}
