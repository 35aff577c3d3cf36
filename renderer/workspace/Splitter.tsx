/**
 * A handle between two panels (the ARIA window-splitter pattern): drag it, or focus it and press
 * the arrow keys (Shift: bigger steps; Home/End: smallest/largest). A double click collapses the
 * panel it belongs to, when it can be collapsed.
 */
import { useRef } from 'react';

export interface SplitterProps {
  label: string;
  /** 'vertical': a bar between two columns, moved left and right. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when moving the bar right (or down) makes the panel bigger, -1 when smaller. */
  direction: 1 | -1;
  onChange(px: number): void;
  onCollapse?(): void;
  className?: string;
}

export function Splitter({ label, orientation, value, min, max, direction, onChange, onCollapse, className = '' }: SplitterProps) {
  const drag = useRef<{ from: number; start: number } | null>(null);
  const along = (e: { clientX: number; clientY: number }) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const key = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 64 : 16;
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (e.key === back) next = value - step * direction;
    else if (e.key === fwd) next = value + step * direction;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    else if (e.key === 'Enter' && onCollapse) {
      e.preventDefault();
      return onCollapse();
    }
    if (next === null) return;
    e.preventDefault();
    onChange(next);
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      title={`${label}: drag, or use the arrow keys${onCollapse ? '; double-click or Enter to collapse' : ''}`}
      className={`splitter splitter-${orientation} ${className}`.trim()}
      onKeyDown={key}
      onDoubleClick={onCollapse}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { from: along(e), start: value };
        document.body.classList.add('resizing');
      }}
      onPointerMove={(e) => {
        if (drag.current) onChange(drag.current.start + (along(e) - drag.current.from) * direction);
      }}
      onPointerUp={() => {
        drag.current = null;
        document.body.classList.remove('resizing');
      }}
      onPointerCancel={() => {
        drag.current = null;
        document.body.classList.remove('resizing');
      }}
    />
  );
}
