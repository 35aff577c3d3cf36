/** What every File-menu dialog is given. Its own file: file-actions.ts loads the dialogs, so they cannot import it back. */
export interface FileDialogProps {
  onClose(): void;
}
