/**
 * The toolbar's File menu: a button opening a list of actions (import, export, backups…), each
 * opening its own dialog. Arrow keys move through the list, Escape closes it and returns focus.
 */
import { Fragment, Suspense, useEffect, useRef, useState } from 'react';
import { FILE_ACTIONS, type FileAction } from './file-actions.js';

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<FileAction | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  };

  const choose = (a: FileAction) => {
    setOpen(false);
    setActive(a);
  };
  const Active = active?.dialog;
  return (
    <div className="file-menu">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} disabled={FILE_ACTIONS.length === 0} onClick={() => setOpen((o) => !o)}>
        File
      </button>
      {open && (
        <ul ref={list} role="menu" aria-label="File" className="file-menu-list" onKeyDown={onKeyDown}>
          {FILE_ACTIONS.map((a, i) => (
            <Fragment key={a.id}>
              {i > 0 && FILE_ACTIONS[i - 1]!.group !== a.group && <li role="separator" />}
              <li role="none">
                <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(a)}>
                  {a.label}
                </button>
              </li>
            </Fragment>
          ))}
        </ul>
      )}
      {Active && (
        <Suspense fallback={null}>
          <Active
            onClose={() => {
              setActive(null);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
