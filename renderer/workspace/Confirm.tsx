/**
 * A yes/no question before something that changes the project (deleting, removing another
 * coder's work, starting or finishing a consensus): Cancel is focused first, so Enter never
 * confirms by accident.
 */
import type { ReactNode } from 'react';
import { Dialog } from './Dialog.js';

export interface ConfirmProps {
  title: string;
  /** The confirming button's words ("Delete document"). */
  confirm: string;
  /** The cancelling button's words (default "Cancel"). */
  cancel?: string;
  /** The confirming button's class (default 'danger', for destructive actions). */
  confirmClass?: string;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

export function Confirm({ title, confirm, cancel = 'Cancel', confirmClass = 'danger', onConfirm, onCancel, children }: ConfirmProps) {
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onCancel={onCancel}
      initialFocus="[data-cancel]"
      actions={
        <>
          <button type="button" data-cancel onClick={onCancel}>
            {cancel}
          </button>
          <button type="button" className={confirmClass} onClick={onConfirm}>
            {confirm}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
