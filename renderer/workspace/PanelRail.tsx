/** The thin strip a folded side panel leaves behind: clicking it unfolds the panel. */
import { ChevronIcon } from './icons.js';
import type { PanelSide } from './Toolbar.js';

const RAILS: Record<PanelSide, { label: string; text: string; to: 'left' | 'right' }> = {
  left: { label: 'Show documents and code book', text: 'Documents · Code book', to: 'right' },
  right: { label: 'Show the panels', text: 'Codings · Retrieval · Search · Memos', to: 'left' },
};

export function PanelRail({ side, onShow }: { side: PanelSide; onShow(): void }) {
  const { label, text, to } = RAILS[side];
  return (
    <button type="button" className="rail" aria-label={label} title={label} onClick={onShow}>
      <ChevronIcon to={to} />
      <span>{text}</span>
    </button>
  );
}
