/** Coding stripes in the margin: one bar per coding, labelled; hover shows its span, click selects it. */
import type { CodingView } from '../../shared/api/types.js';
import type { Placed } from './lanes.js';

const LANE_WIDTH = 16;

export interface StripesProps {
  placed: readonly Placed<CodingView>[];
  /** Codings shown in the document (only those near the visible part get a stripe element). */
  total: number;
  lanes: number;
  height: number;
  showCoder: boolean;
  selected: string | null;
  onHover(guid: string | null): void;
  onPick(guid: string): void;
}

/** Up/Down (and Left/Right) move focus to the previous or next stripe in reading order. */
function moveFocus(e: React.KeyboardEvent<HTMLDivElement>): void {
  const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
  if (!step) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('.stripe')];
  const next = all[all.indexOf(document.activeElement as HTMLElement) + step];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

const leaf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function Stripes({ placed, total, lanes, height, showCoder, selected, onHover, onPick }: StripesProps) {
  return (
    <div
      className="stripes"
      data-testid="stripes"
      role="group"
      aria-label="Coding stripes"
      data-total={total}
      style={{ width: Math.max(1, lanes) * LANE_WIDTH + 8, height }}
      onKeyDown={moveFocus}
    >
      {placed.map(({ item: c, top, bottom, lane }, i) => {
        const label = `${leaf(c.code)}${showCoder ? ` · ${c.coder}` : ''}`;
        return (
          <button
            type="button"
            key={c.guid}
            className="stripe"
            data-guid={c.guid}
            aria-pressed={selected === c.guid}
            // One tab stop for all stripes; arrow keys move between them.
            tabIndex={selected === c.guid || (!selected && i === 0) ? 0 : -1}
            aria-label={`Coding ${c.code} by ${c.coder}, characters ${c.start}–${c.end}`}
            title={`${c.code} — ${c.coder}`}
            style={{ top, height: Math.max(8, bottom - top), left: 4 + lane * LANE_WIDTH, borderColor: c.color, color: c.color }}
            onMouseEnter={() => onHover(c.guid)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(c.guid)}
            onBlur={() => onHover(null)}
            onClick={() => onPick(c.guid)}
          >
            <span className="stripe-label">{label}</span>
          </button>
        );
      })}
    </div>
  );
}
