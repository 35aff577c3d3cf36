/**
 * Correcting the open transcript: edit → review (what changes, what happens to each coding) →
 * save (one call, one undoable action) → the result. Nothing is written before Save.
 */
import { useState } from 'react';
import type { TextEditReport } from '../../shared/api/types-transcript-edit.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import { EditReport } from './EditReport.js';

type Step = { kind: 'edit' } | { kind: 'review'; report: TextEditReport } | { kind: 'done'; report: TextEditReport };

export function EditTextDialog({ document, text, onClose }: { document: string; text: string; onClose(): void }) {
  const { api, run, changed, notify } = useWorkspace();
  const [draft, setDraft] = useState(text);
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [busy, setBusy] = useState(false);
  const unchanged = draft.replace(/\r\n?/g, '\n') === text;

  const review = async () => {
    setBusy(true);
    const report = await run(api['documents.editPreview']({ document, text: draft }));
    setBusy(false);
    if (report) setStep({ kind: 'review', report });
  };

  const save = async () => {
    setBusy(true);
    const report = await run(api['documents.editText']({ document, text: draft }));
    setBusy(false);
    if (!report) return;
    setStep({ kind: 'done', report });
    changed();
    const c = report.counts;
    notify(`Corrected ${report.document}: ${c.moved + c.edited + c.trimmed} codings moved with their words${c.orphaned ? `, ${c.orphaned} orphaned` : ''}.`);
  };

  const title = step.kind === 'edit' ? 'Edit text' : step.kind === 'review' ? 'Review the correction' : 'Correction saved';
  const actions =
    step.kind === 'edit' ? (
      <>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="te-primary" disabled={unchanged || busy} onClick={() => void review()}>
          Review changes
        </button>
      </>
    ) : step.kind === 'review' ? (
      <>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => setStep({ kind: 'edit' })} disabled={busy}>
          Back to editing
        </button>
        <button type="button" className="te-primary" onClick={() => void save()} disabled={busy}>
          Save
        </button>
      </>
    ) : (
      <button type="button" className="te-primary" onClick={onClose}>
        Close
      </button>
    );

  return (
    <Dialog title={title} onCancel={onClose} className="te-dialog" initialFocus={step.kind === 'edit' ? 'textarea' : '.te-primary'} actions={actions}>
      {step.kind === 'edit' && (
        <>
          <p className="te-help">
            Correct typos, names or speaker labels. Every coding keeps covering the same words; a coding whose words you delete entirely is kept as an orphan
            with its quote. Nothing is saved until you review and save; undo reverses it.
          </p>
          <label className="te-label" htmlFor="te-text">
            Text of the transcript
          </label>
          <textarea id="te-text" className="te-text" spellCheck value={draft} onChange={(e) => setDraft(e.target.value)} />
          <p className="te-muted te-status">{unchanged ? 'No changes yet.' : 'Changed. Review to see what happens to the codings.'}</p>
        </>
      )}
      {step.kind !== 'edit' && <EditReport report={step.report} />}
    </Dialog>
  );
}
