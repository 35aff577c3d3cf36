/**
 * The reader head's "Edit text" button and orphaned-codings note for the open document.
 * Editing is a dialog with the whole text in a plain editor: Review shows every changed place and
 * what happens to the codings (documents.editPreview, nothing written); Save makes the one
 * documents.editText call; the result (moved, changed, trimmed, orphaned) is shown before closing.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { OrphanList } from '../../shared/api/types-transcript-edit.js';
import { useWorkspace } from '../workspace/context.js';
import './transcript-edit.css';

const EditTextDialog = lazy(() => import('./EditTextDialog.js').then((m) => ({ default: m.EditTextDialog })));

export function TranscriptEditControls({ document, text }: { document: string | null; text: string }) {
  const { api, version } = useWorkspace();
  const [editing, setEditing] = useState(false);
  const [orphans, setOrphans] = useState<OrphanList | null>(null);
  const [listOpen, setListOpen] = useState(false);

  useEffect(() => {
    let live = true;
    setOrphans(null);
    if (document)
      api['documents.orphans']({ document })
        .then((r) => live && setOrphans(r))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, document, version]);

  if (!document) return null;
  const n = orphans?.orphans.length ?? 0;
  return (
    <span className="te-controls">
      <button
        type="button"
        className="te-button"
        onClick={() => setEditing(true)}
        title="Correct typos or names in this transcript; codings move with their words"
      >
        Edit text
      </button>
      {n > 0 && (
        <span className="te-orphans">
          <button type="button" className="te-orphan-toggle" aria-expanded={listOpen} onClick={() => setListOpen((v) => !v)}>
            {n} orphaned coding{n === 1 ? '' : 's'}
          </button>
          {listOpen && (
            <ul className="te-orphan-list" aria-label="Orphaned codings: their words were deleted by a correction">
              {orphans!.orphans.map((o) => (
                <li key={o.guid}>
                  <span className="te-code">{o.code}</span> <span className="te-muted">({o.coder})</span> <q>{o.quote}</q>
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
      {editing && (
        <Suspense fallback={null}>
          <EditTextDialog document={document} text={text} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </span>
  );
}
