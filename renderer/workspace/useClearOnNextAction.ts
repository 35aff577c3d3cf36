import { useEffect } from 'react';

/**
 * The status line is about the last action: while there is one, the next click or key press
 * clears it (an error banner, by contrast, stays until it is dismissed).
 */
export function useClearOnNextAction(notice: string | null, setNotice: (notice: string | null) => void): void {
  useEffect(() => {
    if (!notice) return;
    const clear = () => setNotice(null);
    window.addEventListener('pointerdown', clear, { capture: true, once: true });
    window.addEventListener('keydown', clear, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', clear, { capture: true });
      window.removeEventListener('keydown', clear, { capture: true });
    };
  }, [notice, setNotice]);
}
