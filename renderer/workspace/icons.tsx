/** The toolbar's few icons, drawn inline (no icon font to download); each sits beside a label or tooltip. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const UndoIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="M5.5 3.5 2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </svg>
);

export const RedoIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d="m10.5 3.5 3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </svg>
);

export const HelpIcon = () => (
  <svg {...common} aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="6.5" />
    <path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4" />
    <circle cx="8" cy="11.6" r=".5" fill="currentColor" stroke="none" />
  </svg>
);

/** A chevron pointing where the panel goes: 'left' collapses a left column, 'right' a right one. */
export const ChevronIcon = ({ to }: { to: 'left' | 'right' }) => (
  <svg {...common} aria-hidden="true" focusable="false">
    <path d={to === 'left' ? 'M10 3.5 5.5 8l4.5 4.5' : 'm6 3.5 4.5 4.5L6 12.5'} />
  </svg>
);

/** A window with its left or right column filled: shows or hides that column. */
export const PanelIcon = ({ side }: { side: 'left' | 'right' }) => (
  <svg {...common} aria-hidden="true" focusable="false">
    <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
    <path d={side === 'left' ? 'M6 2.75v10.5' : 'M10 2.75v10.5'} />
    <path d={side === 'left' ? 'M2.5 3.5h3v9h-3z' : 'M10.5 3.5h3v9h-3z'} fill="currentColor" stroke="none" opacity=".35" />
  </svg>
);
