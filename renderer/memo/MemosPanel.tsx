/**
 * The memos that belong with what is on screen: the project's, the open document's and the
 * selected code's, as tabs (Left/Right/Home/End move between them, as the ARIA tabs pattern has it).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MemoTarget } from './MemoEditor.js';
import { LazyMemoEditor as MemoEditor } from './LazyMemoEditor.js';
import './memo.css';

export interface MemosPanelProps {
  /** The open document and the selected code: their GUIDs go to the API, names are shown. */
  document: { guid: string; name: string } | null;
  code: { guid: string; path: string } | null;
}

type Which = 'project' | 'document' | 'code';

interface Tab {
  id: Which;
  title: string;
  target: MemoTarget | null;
  /** Shown after the tab's title: the document's name or the code's path. */
  named: string;
  label: string;
  empty: string;
}

export function MemosPanel({ document: doc, code }: MemosPanelProps) {
  const [active, setActive] = useState<Which>('project');
  const base = useId();
  const tabRefs = useRef(new Map<Which, HTMLButtonElement>());
  const tabs: Tab[] = [
    { id: 'project', title: 'Project', target: { kind: 'project' }, named: '', label: 'Project memo', empty: '' },
    {
      id: 'document',
      title: 'Document',
      target: doc ? { kind: 'document', target: doc.guid } : null,
      named: doc?.name ?? '',
      label: `Memo on document ${doc?.name ?? ''}`,
      empty: 'Open a document to write its memo.',
    },
    {
      id: 'code',
      title: 'Code',
      target: code ? { kind: 'code', target: code.guid } : null,
      named: code?.path ?? '',
      label: `Memo on code ${code?.path ?? ''}`,
      empty: 'Select a code in the code book to write its memo.',
    },
  ];
  const current = tabs.find((t) => t.id === active)!;

  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[to % tabs.length]!;
    setActive(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <section className="memos-panel" aria-label="Memos">
      <div role="tablist" aria-label="Memos" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
            }}
            type="button"
            role="tab"
            id={`${base}-${t.id}-tab`}
            aria-controls={`${base}-panel`}
            aria-selected={t.id === active}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => setActive(t.id)}
          >
            {t.title}
            {t.target && t.id !== 'project' && <span className="meta"> · {t.named}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${active}-tab`}>
        {current.target ? <MemoEditor target={current.target} label={current.label} /> : <p className="meta">{current.empty}</p>}
      </div>
    </section>
  );
}
