/**
 * A modal dialog: focus moves in on open, Tab stays inside, Escape closes, and focus returns to
 * where it was. Used for the code picker, the shortcuts sheet and the coder prompt.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, onClose, children, className }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('input, button, select, textarea, [tabindex="0"]');
    (first ?? box.current)?.focus();
    return () => before?.focus?.();
  }, []);
  const trap = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const all = [...box.current.querySelectorAll<HTMLElement>('input, button, select, textarea, [tabindex="0"]')].filter((el) => !el.hasAttribute('disabled'));
    if (all.length === 0) return;
    const [first, last] = [all[0]!, all[all.length - 1]!];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} role="dialog" aria-modal="true" aria-label={title} className={`dialog ${className ?? ''}`} tabIndex={-1} onKeyDown={trap}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
