/** Every keyboard shortcut of the workspace, listed once: the sheet (?) shows this list. */
export interface Shortcut {
  keys: string;
  what: string;
  where: 'Anywhere' | 'Transcript' | 'Chosen coding' | 'Code book' | 'Dialogs' | 'Disagreement review';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', what: 'Show or hide this list of shortcuts', where: 'Anywhere' },
  { keys: 'Ctrl/Cmd+Z', what: 'Undo the last change (codings, code book, memos, imports, deletes)', where: 'Anywhere' },
  { keys: 'Shift+Ctrl/Cmd+Z', what: 'Redo', where: 'Anywhere' },
  { keys: 'Ctrl/Cmd+F', what: 'Find in this document', where: 'Anywhere' },
  { keys: 'Enter / Shift+Enter, F3 / Shift+F3', what: 'Next / previous match of Find', where: 'Anywhere' },
  { keys: 'Shift+A', what: 'Open or close Compare coders (agreement, disagreements, consensus)', where: 'Anywhere' },
  { keys: 'Alt+1 … Alt+4', what: 'Show the Codings, Retrieval, Search or Memos tab', where: 'Anywhere' },
  { keys: 'Tab / Shift+Tab', what: 'Move between panels and controls', where: 'Anywhere' },
  { keys: 'Shift+Arrow keys', what: 'Select text by word (Left/Right) or line (Up/Down); with Alt, by character', where: 'Transcript' },
  { keys: 'Arrow keys, Home / End', what: 'Move the caret by word or line, or to the line’s start or end', where: 'Transcript' },
  { keys: 'Ctrl/Cmd+Home / End', what: 'Move the caret to the start or end of the document', where: 'Transcript' },
  { keys: 'C or Ctrl/Cmd+K', what: 'Open the code picker for the selected text (fuzzy search)', where: 'Transcript' },
  { keys: '1 … 9', what: 'Apply pinned code 1 … 9 to the selected text', where: 'Transcript' },
  { keys: 'V', what: 'Code in vivo: a new code named by the selected words', where: 'Transcript' },
  { keys: 'Alt while selecting', what: 'Keep the exact selection (no snapping to whole words)', where: 'Transcript' },
  { keys: 'Delete', what: 'Remove the chosen coding', where: 'Chosen coding' },
  { keys: 'Left / Right on a handle', what: 'Move that end of the chosen coding one word (Alt: one character)', where: 'Chosen coding' },
  { keys: 'M', what: 'Write a memo on the chosen coding', where: 'Chosen coding' },
  { keys: 'Escape', what: 'Let go of the chosen coding, or close a dialog', where: 'Dialogs' },
  { keys: 'Up / Down, Left / Right', what: 'Move in the code tree; collapse or expand', where: 'Code book' },
  { keys: 'Enter', what: 'Apply the focused code to the selected text', where: 'Code book' },
  { keys: 'Space', what: 'Select the focused code (its details, memo and retrieval)', where: 'Code book' },
  { keys: 'F2', what: 'Rename the focused code', where: 'Code book' },
  { keys: 'Insert', what: 'Add a sub-code under the focused code', where: 'Code book' },
  { keys: 'Delete', what: 'Delete the focused code (asks first, showing how many codings go)', where: 'Code book' },
  { keys: 'Alt+Up / Alt+Down', what: 'Move the focused code up or down among its siblings', where: 'Code book' },
  { keys: 'Alt+Left / Alt+Right', what: 'Move the code out one level, or under the code above it', where: 'Code book' },
  { keys: 'Ctrl/Cmd+Enter', what: 'Save the field being edited in the code details', where: 'Code book' },
  { keys: 'J / K, Down / Up', what: 'Next / previous disagreement', where: 'Disagreement review' },
  { keys: 'A, B, H, D', what: 'Accept A, accept B, keep both, or drop the current disagreement', where: 'Disagreement review' },
  {
    keys: 'S',
    what: 'Adjust the span: Left / Right move its end by a word, Shift+Left / Right its start; Enter saves, Escape cancels',
    where: 'Disagreement review',
  },
  { keys: 'R', what: 'Write the reason kept with the decision (Enter keeps it)', where: 'Disagreement review' },
  { keys: 'T', what: 'Show the passage in the transcript', where: 'Disagreement review' },
];

/** True when a key press is typing into a field, where single-letter shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[data-lexical-editor="true"][contenteditable="true"]')) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}
