/**
 * File → Import REFI-QDA project (.qdpx)…: the file is sent to the server, read and checked
 * there, and imported into a NEW project file beside the open one (the open project is not
 * changed); the dialog then shows the import report and where the new project is.
 */
import { useId, useState } from 'react';
import type { RefiProjectImportReport } from '../../shared/api/types-refi-import.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import type { FileDialogProps } from '../workspace/file-dialog.js';
import { fileAsBase64, ReportCounts, ReportLists } from './ImportRefiReport.js';
import './ImportRefi.css';

type State = { step: 'choose'; error?: string } | { step: 'working'; name: string } | { step: 'done'; report: RefiProjectImportReport };

export function ImportRefiDialog({ onClose }: FileDialogProps) {
  const ws = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [copied, setCopied] = useState(false);
  const inputId = useId();

  const importNow = async () => {
    if (!file) return;
    setState({ step: 'working', name: file.name });
    try {
      const base64 = await fileAsBase64(file);
      const report = await ws.api['refi.importProjectUpload']({ name: file.name, base64 });
      ws.notify(`Imported ${report.file} into a new project`);
      setState({ step: 'done', report });
    } catch (err) {
      setState({ step: 'choose', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const copyPath = async (path: string) => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const done = state.step === 'done' ? state.report : null;
  return (
    <Dialog
      title={done ? 'REFI-QDA import report' : 'Import REFI-QDA project'}
      onCancel={onClose}
      className="refi-import"
      initialFocus={done ? '[data-close]' : `#${CSS.escape(inputId)}`}
      actions={
        <>
          <button type="button" data-close onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          {!done && (
            <button type="button" className="primary" disabled={!file || state.step === 'working'} onClick={() => void importNow()}>
              {state.step === 'working' ? 'Importing…' : 'Import into a new project'}
            </button>
          )}
        </>
      }
    >
      {!done && (
        <>
          <p className="refi-in-lead">
            A <code>.qdpx</code> from NVivo, ATLAS.ti, MAXQDA, QualCoder or Marginalia becomes a <strong>new project file</strong> beside this one. This project
            is not changed.
          </p>
          <div className="refi-in-pick">
            <label htmlFor={inputId}>Project file</label>
            <input
              id={inputId}
              type="file"
              accept=".qdpx,application/zip"
              disabled={state.step === 'working'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setState({ step: 'choose' });
              }}
            />
          </div>
          <p className="refi-in-detail">
            Coders, the code book, cases and variables, text sources, codings and notes come in. PDF, picture and media sources, sets, graphs and links are
            listed in the report.
          </p>
          <div className="refi-in-status" role="status" aria-live="polite">
            {state.step === 'working' && (
              <>
                <progress aria-label={`Importing ${state.name}`} />
                <span>Reading and checking {state.name}…</span>
              </>
            )}
          </div>
          {state.step === 'choose' && state.error && (
            <p className="refi-in-error" role="alert">
              {state.error}
            </p>
          )}
        </>
      )}
      {done && (
        <>
          <p className="refi-in-lead">
            <strong>{done.file}</strong> ({done.entry}
            {done.origin ? `, written by ${done.origin}` : ''}) was imported into a new project:
          </p>
          <div className="refi-in-path">
            <code>{done.project}</code>
            <button type="button" onClick={() => void copyPath(done.project)}>
              {copied ? 'Copied' : 'Copy path'}
            </button>
          </div>
          <p className="refi-in-detail">
            To work in it: in the desktop app, File → Open… and choose it; in browser mode, stop the server and run <code>npm run web -- "{done.project}"</code>
            .
          </p>
          <ReportCounts
            label="Imported"
            counts={[
              ['Documents', done.counts.documents],
              ['Codings', done.counts.codings],
              ['Codes', done.counts.codes],
              ['Coders', done.counts.coders],
              ['Cases', done.counts.cases],
              ['Attributes', done.counts.attributes],
              ['Values', done.counts.values],
              ['Memos', done.counts.memos],
            ]}
          />
          <ReportLists adjusted={done.adjusted} skipped={done.skipped} />
        </>
      )}
    </Dialog>
  );
}
