/**
 * The review's keys, live while it is shown: J/K or Down/Up to move, A, B, H, D to decide, S to
 * adjust (then Left/Right move the end, Shift+Left/Right the start, Enter saves, Escape cancels),
 * R for the reason, T for the transcript. Ignored while typing or while a dialog is open.
 */
import { useEffect, useRef } from 'react';
import type { Decision } from '../../../shared/agreement/reports.js';
import { isTyping } from '../../workspace/shortcuts.js';

export interface ReviewKeys {
  adjusting: boolean;
  step(dir: -1 | 1): void;
  decide(d: Exclude<Decision, 'custom'>): void;
  adjust(): void;
  move(edge: 'start' | 'end', dir: -1 | 1): void;
  saveDraft(): void;
  cancelDraft(): void;
  reason(): void;
  transcript(): void;
}

const DECIDE: Record<string, Exclude<Decision, 'custom'>> = { a: 'accept-a', b: 'accept-b', h: 'keep-both', d: 'drop' };

export function useReviewKeys(keys: ReviewKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = ref.current;
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const done = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (k.adjusting) {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') return done(() => k.move(e.shiftKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1));
        if (e.key === 'Enter') return done(k.saveDraft);
        if (e.key === 'Escape') return done(k.cancelDraft);
        return;
      }
      if (e.shiftKey) return; // Shift+A belongs to the workspace (open or close Compare coders)
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      // A focused button takes Enter and Space itself; the letters work anywhere in the view.
      if (key === 'j' || key === 'ArrowDown') return done(() => k.step(1));
      if (key === 'k' || key === 'ArrowUp') return done(() => k.step(-1));
      if (DECIDE[key]) return done(() => k.decide(DECIDE[key]!));
      if (key === 's') return done(k.adjust);
      if (key === 'r') return done(k.reason);
      if (key === 't') return done(k.transcript);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
