/** Deleting a document: the confirmation says how many codings go with it; undo brings all back. */
import { useEffect, useState } from 'react';
import type { DocumentImpact } from '../../shared/api/types.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';

export function DeleteDocument({ document, onClose }: { document: { guid: string; name: string }; onClose(): void }) {
  const { api, run, changed, notify } = useWorkspace();
  const [impact, setImpact] = useState<DocumentImpact | null>(null);
  const { guid, name } = document;
  useEffect(() => {
    void run(api['documents.deletionImpact']({ document: guid })).then((i) => (i ? setImpact(i) : onClose()));
  }, [api, run, guid, onClose]);
  if (!impact) return null;
  const remove = async () => {
    onClose();
    if ((await run(api['documents.delete']({ document: guid }))) === undefined) return;
    notify(`Deleted ${name} and its ${impact.codings} codings (Ctrl/Cmd+Z brings them back)`);
    changed();
  };
  return (
    <Dialog
      title={`Delete ${name}?`}
      role="alertdialog"
      onCancel={onClose}
      initialFocus="[data-cancel]"
      actions={
        <>
          <button type="button" data-cancel onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete document
          </button>
        </>
      }
    >
      <p>
        The transcript and its {impact.codings} coding{impact.codings === 1 ? '' : 's'} (every coder’s) will be removed from the project. Undo brings them back.
      </p>
    </Dialog>
  );
}
