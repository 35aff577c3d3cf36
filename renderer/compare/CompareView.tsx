/**
 * Compare coders: the agreement dashboard, the disagreement review that builds the consensus,
 * merging a second coder's project, and the agreement report, over one shared choice of coders,
 * unit and scope. It replaces the coding columns while it is open (Shift+A or the toolbar).
 */
import { useState } from 'react';
import type { CoderWithCounts, CodeWithCounts, DocumentListItem } from '../../shared/api/types.js';
import { AgreementDashboard } from './dashboard/AgreementDashboard.js';
import { ReportExport } from './export/ReportExport.js';
import { MergePanel } from './merge/MergePanel.js';
import { DisagreementReview } from './review/DisagreementReview.js';
import { FIRST_CHOICE, type CompareChoice } from './choice.js';
import './compare.css';

export type ComparePart = 'agreement' | 'review' | 'merge' | 'report';
const PARTS: readonly { id: ComparePart; label: string }[] = [
  { id: 'agreement', label: 'Agreement' },
  { id: 'review', label: 'Disagreements' },
  { id: 'merge', label: 'Merge a coder’s project' },
  { id: 'report', label: 'Report' },
];

export interface CompareViewProps {
  coders: readonly CoderWithCounts[];
  codes: readonly CodeWithCounts[];
  docs: readonly DocumentListItem[];
  /** Back to the Code view (the disagreement review opens a passage in the transcript). */
  onShowTranscript?(): void;
}

export function CompareView({ coders, codes, docs, onShowTranscript }: CompareViewProps) {
  const [part, setPart] = useState<ComparePart>('agreement');
  const [choice, setChoice] = useState<CompareChoice>(FIRST_CHOICE);
  const shared = { choice, onChoice: setChoice, coders, codes, docs };
  return (
    <section className="compare" aria-label="Compare coders">
      <div className="compare-parts" role="tablist" aria-label="Compare coders">
        {PARTS.map((p) => (
          <button
            key={p.id}
            id={`compare-${p.id}`}
            type="button"
            role="tab"
            aria-selected={p.id === part}
            aria-controls={`compare-panel-${p.id}`}
            tabIndex={p.id === part ? 0 : -1}
            onClick={() => setPart(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {PARTS.map((p) => (
        <div key={p.id} id={`compare-panel-${p.id}`} role="tabpanel" aria-labelledby={`compare-${p.id}`} className="compare-panel" hidden={p.id !== part}>
          {p.id === 'agreement' && <AgreementDashboard {...shared} onReview={() => setPart('review')} />}
          {p.id === 'review' && part === 'review' && <DisagreementReview {...shared} {...(onShowTranscript && { onShowInTranscript: onShowTranscript })} />}
          {p.id === 'merge' && <MergePanel />}
          {p.id === 'report' && part === 'report' && <ReportExport {...shared} />}
        </div>
      ))}
    </section>
  );
}
