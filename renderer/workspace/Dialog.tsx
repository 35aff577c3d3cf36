/**
 * A modal dialog (code picker, shortcuts, code book confirmations): focus moves in (to `initialFocus`, or the first control), Tab and Shift+Tab
 * stay inside, Escape cancels, and on close focus goes back where it was — or, if that element
 * is gone (a deleted code's row), to `fallbackFocus`.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** alertdialog for destructive confirmations. */
  role?: 'dialog' | 'alertdialog';
  onCancel(): void;
  /** A CSS selector inside the dialog for the control focused first. */
  initialFocus?: string;
  fallbackFocus?(): void;
  /** What the dialog says (its accessible description). */
  children: ReactNode;
  /** The buttons. */
  actions?: ReactNode;
  /** Extra class on the dialog box (e.g. its width). */
  className?: string;
}

export function Dialog({ title, role = 'dialog', onCancel, initialFocus, fallbackFocus, children, actions, className }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = box.current!;
    const first = (initialFocus && el.querySelector<HTMLElement>(initialFocus)) || el.querySelector<HTMLElement>(FOCUSABLE) || el;
    // A long dialog (the shortcuts sheet) opens at its top even when its first control is further down.
    first.focus({ preventScroll: true });
    return () => {
      // After React has removed the dialog, so the restored focus is not taken back by it.
      queueMicrotask(() => {
        if (before && before.isConnected && before !== document.body) before.focus();
        else fallback.current?.();
      });
    };
  }, [initialFocus]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = Array.from(box.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return e.preventDefault();
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      // A long dialog (the shortcuts sheet) opens at its top even when its first control is further down.
      first.focus({ preventScroll: true });
    }
  };

  return (
    <div className="cb-backdrop" onMouseDown={(e) => e.target === e.currentTarget && cancel.current()}>
      <div
        ref={box}
        className={`cb-dialog dialog${className ? ` ${className}` : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId}>{children}</div>
        {actions && <div className="cb-actions">{actions}</div>}
      </div>
    </div>
  );
}
