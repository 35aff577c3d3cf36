/**
 * The right-hand tabs (ARIA tabs pattern: arrow keys move between tabs; Alt+1…4 from anywhere).
 * Every panel stays mounted (hidden when not shown), so filters, queries and results survive a switch.
 */
import type { ReactNode } from 'react';

export type TabId = 'codings' | 'retrieval' | 'search' | 'memos';
export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'codings', label: 'Codings' },
  { id: 'retrieval', label: 'Retrieval' },
  { id: 'search', label: 'Search' },
  { id: 'memos', label: 'Memos' },
];

export function Tabs({ tab, onTab, panels }: { tab: TabId; onTab(t: TabId): void; panels: Record<TabId, ReactNode> }) {
  const key = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = TABS[(i + d + TABS.length) % TABS.length]!;
    onTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <section className="tabs">
      <div role="tablist" aria-label="Panels" onKeyDown={key}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} className="tab-panel" hidden={t.id !== tab}>
          {panels[t.id]}
        </div>
      ))}
    </section>
  );
}
