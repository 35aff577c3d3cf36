/** The workspace's global keys (the list the `?` sheet shows is in shortcuts.ts). */
import { useEffect, useRef } from 'react';
import { COMMAND_EVENT, isShellCommand } from '../../shared/shell.js';
import { isTyping } from './shortcuts.js';
import { TABS, type TabId } from './Tabs.js';

export interface ShortcutActions {
  dialogOpen: boolean;
  /** Read at the keypress: a selection made a moment ago counts even before the next render. */
  hasSelection(): boolean;
  chosen: string | null;
  pinned: readonly unknown[];
  toggleSheet(): void;
  openPicker(): void;
  applyPinned(index: number): void;
  inVivo(): void;
  removeChosen(): void;
  memoChosen(): void;
  letGo(): void;
  undo(): void;
  redo(): void;
  find(): void;
  tab(t: TabId): void;
  /** Open or close the Compare coders view. */
  compare(): void;
}

export function useShortcuts(actions: ShortcutActions): void {
  // The latest actions, without re-registering the listener on every render.
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z') {
        if (isTyping(e.target)) return; // fields and memo editors undo their own typing
        e.preventDefault();
        return e.shiftKey ? a.redo() : a.undo();
      }
      if (mod && k === 'f') {
        e.preventDefault();
        return a.find();
      }
      if (mod && k === 'k' && !a.dialogOpen) {
        e.preventDefault();
        return a.openPicker();
      }
      if (e.altKey && !mod && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        return a.tab(TABS[Number(e.key) - 1]!.id);
      }
      if (a.dialogOpen || isTyping(e.target) || mod || e.altKey) return;
      if (e.key === '?') return (a.toggleSheet(), e.preventDefault());
      if (e.key === 'A' && e.shiftKey) return (a.compare(), e.preventDefault());
      if (e.key === 'Escape' && a.chosen) return a.letGo();
      if (a.chosen && (e.key === 'Delete' || e.key === 'Backspace')) return (a.removeChosen(), e.preventDefault());
      if (a.chosen && k === 'm') return (a.memoChosen(), e.preventDefault());
      if (!a.hasSelection()) return;
      const n = Number(e.key);
      if (n >= 1 && n <= 9 && a.pinned[n - 1]) return (a.applyPinned(n - 1), e.preventDefault());
      if (k === 'c') return (a.openPicker(), e.preventDefault());
      if (k === 'v') return (a.inVivo(), e.preventDefault());
    };
    // Electron's Edit menu (Undo, Redo, Find) arrives as a DOM event from the preload.
    const onCommand = (e: Event) => {
      const command = (e as CustomEvent<unknown>).detail;
      if (!isShellCommand(command)) return;
      if (command === 'undo') ref.current.undo();
      else if (command === 'redo') ref.current.redo();
      else if (command === 'compare') ref.current.compare();
      else ref.current.find();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(COMMAND_EVENT, onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(COMMAND_EVENT, onCommand);
    };
  }, []);
}
