/** Deleting a document: the confirmation says how many codings go with it; undo brings all back. */
import { useEffect, useState } from 'react';
import type { DocumentImpact } from '../../shared/api/types.js';
import { Confirm } from '../workspace/Confirm.js';
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
    <Confirm title={`Delete ${name}?`} confirm="Delete document" onCancel={onClose} onConfirm={() => void remove()}>
      <p>
        The transcript and its {impact.codings} coding{impact.codings === 1 ? '' : 's'} (every coder’s) will be removed from the project. Undo brings them back.
      </p>
    </Confirm>
  );
}
