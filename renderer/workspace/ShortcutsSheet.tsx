/** The `?` sheet: every shortcut, grouped by where it works. */
import { Dialog } from './Dialog.js';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const groups = [...new Set(SHORTCUTS.map((s) => s.where))];
  return (
    <Dialog
      title="Keyboard shortcuts"
      onCancel={onClose}
      className="shortcuts"
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {groups.map((g) => (
        <section key={g} aria-label={g}>
          <h3>{g}</h3>
          <dl>
            {SHORTCUTS.filter((s) => s.where === g).map((s) => (
              <div key={s.keys} className="shortcut">
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
