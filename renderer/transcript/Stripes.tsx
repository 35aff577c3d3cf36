/**
 * Coding stripes in the margin, as in MAXQDA: one bracket per coding in its own lane (overlapping
 * codings side by side), and beside the lanes the code's name read horizontally, with the coder's
 * initials when several coders are shown. Hover shows the coding's span; a click chooses it.
 */
import { useMemo } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import { coderInitials } from '../workspace/initials.js';
import type { Placed } from './lanes.js';
import { LABEL_HEIGHT, labelColumnWidth, labelTops, leaf } from './stripe-labels.js';

const LANE_WIDTH = 9;
const LANES_LEFT = 6;
const LABEL_GAP = 6;

export interface StripesProps {
  placed: readonly Placed<CodingView>[];
  /** Every coding shown in the document (only those near the visible part are placed). */
  codings: readonly CodingView[];
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

export function Stripes({ placed, codings, lanes, height, showCoder, selected, onHover, onPick }: StripesProps) {
  const initials = useMemo(() => (showCoder ? coderInitials(codings.map((c) => c.coder)) : null), [showCoder, codings]);
  const labelWidth = useMemo(() => labelColumnWidth(codings, initials), [codings, initials]);
  const tops = useMemo(() => labelTops(placed), [placed]);
  const labelsLeft = LANES_LEFT + Math.max(1, lanes) * LANE_WIDTH + LABEL_GAP;
  return (
    <div
      className="stripes"
      data-testid="stripes"
      role="group"
      aria-label="Coding stripes"
      data-total={codings.length}
      style={{ width: labelsLeft + labelWidth + 6, height }}
      onKeyDown={moveFocus}
    >
      {placed.map(({ item: c, top, bottom, lane }, i) => {
        const left = LANES_LEFT + lane * LANE_WIDTH;
        const labelTop = tops.get(c.guid) ?? top;
        const mark = initials?.get(c.coder);
        return (
          <button
            type="button"
            key={c.guid}
            className="stripe"
            data-guid={c.guid}
            aria-pressed={selected === c.guid}
            // One tab stop for all stripes; arrow keys move between them.
            tabIndex={selected === c.guid || (!selected && i === 0) ? 0 : -1}
            title={`${c.code} — ${c.coder}`}
            style={{ top, height: Math.max(10, bottom - top), left, width: LANE_WIDTH - 2, '--code': c.color } as React.CSSProperties}
            onMouseEnter={() => onHover(c.guid)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(c.guid)}
            onBlur={() => onHover(null)}
            onClick={() => onPick(c.guid)}
          >
            <span className="stripe-bar" aria-hidden="true" />
            {/* The name is what the label shows, then whose and where for a screen reader (the path is in the tooltip). */}
            <span className="stripe-label" style={{ left: labelsLeft - left, top: labelTop - top, width: labelWidth, height: LABEL_HEIGHT }}>
              <span className="stripe-code">{leaf(c.code)}</span>
              {mark && <span className="stripe-coder">{mark}</span>}
            </span>
            <span className="sr-only">{`: coding by ${c.coder}, characters ${c.start}–${c.end}`}</span>
          </button>
        );
      })}
    </div>
  );
}
