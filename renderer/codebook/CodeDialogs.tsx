/** The two confirmations the code book asks for: deleting a code and merging it into another. */
import { useEffect, useId, useRef, useState } from 'react';
import type { CodeImpact, CodeWithCounts } from '../../shared/api/types.js';
import { Dialog } from '../workspace/Dialog.js';
import type { CodeActions, CodeRef } from './useCodeActions.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface DeleteDialogProps {
  code: CodeRef;
  actions: CodeActions;
  /** Called after the code was deleted (true) or the dialog was cancelled (false). */
  onClose(deleted: boolean): void;
  fallbackFocus?(): void;
}

/** Asks before deleting, saying how many sub-codes and codings go with the code. */
export function DeleteDialog({ code, actions, onClose, fallbackFocus }: DeleteDialogProps) {
  const [impact, setImpact] = useState<CodeImpact | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    let live = true;
    void actions.impact(code).then((r) => {
      if (!live) return;
      if (r) setImpact(r);
      else close.current(false);
    });
    return () => {
      live = false;
    };
  }, [code, actions]);

  const confirm = async () => {
    setBusy(true);
    const ok = await actions.remove(code);
    setBusy(false);
    onClose(ok);
  };

  return (
    <Dialog
      title={`Delete code “${code.path}”?`}
      role="alertdialog"
      onCancel={() => onClose(false)}
      initialFocus=".cb-cancel"
      fallbackFocus={fallbackFocus}
      actions={
        <>
          <button type="button" className="cb-cancel" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="button" className="cb-danger" disabled={!impact || busy} onClick={() => void confirm()}>
            Delete
          </button>
        </>
      }
    >
      {impact ? (
        <p data-testid="deletion-impact">
          This deletes {plural(impact.subcodes, 'sub-code', 'sub-codes')} and removes {plural(impact.codings, 'coding', 'codings')}. Undo (Ctrl/Cmd+Z) brings
          them back.
        </p>
      ) : (
        <p>Counting what goes with it…</p>
      )}
    </Dialog>
  );
}

export interface MergeDialogProps {
  source: CodeWithCounts;
  /** Codes it may merge into (not itself or its sub-codes). */
  targets: CodeWithCounts[];
  actions: CodeActions;
  /** The GUID of the code it was merged into; null when cancelled or refused. */
  onClose(mergedInto: string | null): void;
  fallbackFocus?(): void;
}

/** Chooses the code to merge into; the source's codings, sub-codes and memo move there. */
export function MergeDialog({ source, targets, actions, onClose, fallbackFocus }: MergeDialogProps) {
  const [target, setTarget] = useState(targets[0]?.guid ?? '');
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const confirm = async () => {
    const into = targets.find((t) => t.guid === target);
    if (!into) return;
    setBusy(true);
    const ok = await actions.merge(source, into);
    setBusy(false);
    onClose(ok ? target : null);
  };
  return (
    <Dialog
      title={`Merge “${source.path}” into another code`}
      onCancel={() => onClose(null)}
      fallbackFocus={fallbackFocus}
      actions={
        <>
          <button type="button" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="button" disabled={!target || busy} onClick={() => void confirm()}>
            Merge
          </button>
        </>
      }
    >
      <p>
        Its {plural(source.own, 'coding', 'codings')}, its sub-codes and its memo move to the chosen code; then “{source.name}” is removed.
      </p>
      <label htmlFor={selectId}>Merge into</label>{' '}
      <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
        {targets.map((t) => (
          <option key={t.guid} value={t.guid}>
            {t.path}
          </option>
        ))}
      </select>
    </Dialog>
  );
}
