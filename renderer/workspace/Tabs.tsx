/** The right-hand tabs (ARIA tabs pattern: arrow keys move between tabs; Alt+1…4 from anywhere). */
import type { ReactNode } from 'react';

export type TabId = 'codings' | 'retrieval' | 'search' | 'memos';
export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'codings', label: 'Codings' },
  { id: 'retrieval', label: 'Retrieval' },
  { id: 'search', label: 'Search' },
  { id: 'memos', label: 'Memos' },
];

export function Tabs({ tab, onTab, children }: { tab: TabId; onTab(t: TabId): void; children: ReactNode }) {
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
          <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={t.id === tab} aria-controls="tab-panel" tabIndex={t.id === tab ? 0 : -1} onClick={() => onTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {children}
      </div>
    </section>
  );
}
