/**
 * The widths of the side columns (and the height of the document list above the code book),
 * and whether each column is collapsed, remembered on this machine so the workspace opens as it
 * was left.
 */
import { useCallback, useEffect, useState } from 'react';

export const PANELS_KEY = 'marginalia.panels';

export interface PanelSizes {
  /** Left column (documents over the code book), px. */
  left: number;
  /** Right column (the tabs), px. */
  right: number;
  /** The document list's share of the left column, px. */
  docs: number;
  leftCollapsed: boolean;
  rightCollapsed: boolean;
}

export type PanelSize = 'left' | 'right' | 'docs';

export const LIMITS: Record<PanelSize, { min: number; max: number }> = {
  left: { min: 200, max: 520 },
  right: { min: 260, max: 720 },
  docs: { min: 90, max: 600 },
};

/** Sizes that suit the window: narrower columns on a laptop, wider on a big screen. */
export function defaultSizes(width: number): PanelSizes {
  const clampTo = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));
  return {
    left: clampTo(width * 0.2, 250, 340),
    right: clampTo(width * 0.23, 290, 460),
    docs: 190,
    leftCollapsed: false,
    rightCollapsed: false,
  };
}

export function clampSize(which: PanelSize, v: number): number {
  return Math.round(Math.min(LIMITS[which].max, Math.max(LIMITS[which].min, v)));
}

/** The remembered sizes, or the defaults for this window (anything unreadable is ignored). */
export function loadSizes(storage: Pick<Storage, 'getItem'>, width: number): PanelSizes {
  const base = defaultSizes(width);
  try {
    const raw = JSON.parse(storage.getItem(PANELS_KEY) ?? 'null') as Partial<PanelSizes> | null;
    if (!raw || typeof raw !== 'object') return base;
    const num = (k: PanelSize) => (typeof raw[k] === 'number' && Number.isFinite(raw[k]) ? clampSize(k, raw[k]) : base[k]);
    return {
      left: num('left'),
      right: num('right'),
      docs: num('docs'),
      leftCollapsed: raw.leftCollapsed === true,
      rightCollapsed: raw.rightCollapsed === true,
    };
  } catch {
    return base;
  }
}

export function usePanels() {
  const [sizes, setSizes] = useState(() => loadSizes(localStorage, window.innerWidth));
  useEffect(() => localStorage.setItem(PANELS_KEY, JSON.stringify(sizes)), [sizes]);
  const resize = useCallback((which: PanelSize, px: number) => setSizes((s) => ({ ...s, [which]: clampSize(which, px) })), []);
  const collapse = useCallback(
    (which: 'left' | 'right', on: boolean) => setSizes((s) => ({ ...s, [which === 'left' ? 'leftCollapsed' : 'rightCollapsed']: on })),
    [],
  );
  return { sizes, resize, collapse };
}
