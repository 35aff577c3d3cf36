/**
 * The workspace's top bar: the project's name, who is coding and whose codings are shown, the
 * three views, the File menu, undo and redo, the two panel toggles and the shortcuts sheet.
 */
import { memo } from 'react';
import { ProjectName } from '../projects/ProjectName.js';
import { CoderBar as CoderBarAll, type CoderBarProps } from './CoderBar.js';
import { FileMenu } from './FileMenu.js';
import { HelpIcon, PanelIcon, RedoIcon, UndoIcon } from './icons.js';

const CoderBar = memo(CoderBarAll);

export type View = 'code' | 'compare' | 'analysis';
export type PanelSide = 'left' | 'right';

export interface ToolbarProps extends CoderBarProps {
  view: View;
  onView(view: View): void;
  onHistory(which: 'history.undo' | 'history.redo'): void;
  /** Which side panels are folded away; the toggles work only in the Code view. */
  collapsed: Record<PanelSide, boolean>;
  onCollapse(side: PanelSide, collapsed: boolean): void;
  onShortcuts(): void;
}

const PANEL_NAMES: Record<PanelSide, { label: string; what: string }> = {
  left: { label: 'Documents and code book', what: 'documents and code book' },
  right: { label: 'Codings, retrieval, search and memos', what: 'codings, retrieval, search and memos' },
};

export function Toolbar({ view, onView, onHistory, collapsed, onCollapse, onShortcuts, ...coderBar }: ToolbarProps) {
  const codeView = view === 'code';
  return (
    <header className="toolbar">
      <ProjectName info={coderBar.info} />
      <CoderBar {...coderBar} />
      <div className="views" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'code'} onClick={() => onView('code')}>
          Code
        </button>
        <button type="button" aria-pressed={view === 'compare'} title="Compare coders (Shift+A)" onClick={() => onView('compare')}>
          Compare coders
        </button>
        <button type="button" aria-pressed={view === 'analysis'} onClick={() => onView('analysis')}>
          Analysis
        </button>
      </div>
      <FileMenu />
      <div className="history" role="group" aria-label="History">
        <button type="button" className="tb-button" title="Undo (Ctrl+Z)" onClick={() => onHistory('history.undo')}>
          <UndoIcon />
          <span className="tb-label">Undo</span>
        </button>
        <button type="button" className="tb-button" title="Redo (Shift+Ctrl+Z)" onClick={() => onHistory('history.redo')}>
          <RedoIcon />
          <span className="tb-label">Redo</span>
        </button>
      </div>
      <div className="layout-toggles" role="group" aria-label="Layout">
        {(['left', 'right'] as const).map((side) => (
          <button
            key={side}
            type="button"
            className="tb-button"
            aria-label={PANEL_NAMES[side].label}
            aria-pressed={!collapsed[side]}
            title={`${collapsed[side] ? 'Show' : 'Hide'} ${PANEL_NAMES[side].what}`}
            disabled={!codeView}
            onClick={() => onCollapse(side, !collapsed[side])}
          >
            <PanelIcon side={side} />
          </button>
        ))}
      </div>
      <button type="button" className="tb-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShortcuts}>
        <HelpIcon />
      </button>
    </header>
  );
}
