/**
 * The code book panel's "Import .qdc…" action: a REFI-QDA code book merged into this project's
 * code book (by GUID, then by path; one undoable step), then its report in a dialog.
 */
import { useRef, useState } from 'react';
import type { RefiCodebookImportReport } from '../../shared/api/types-refi-import.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import { ReportCounts, ReportLists } from './ImportRefiReport.js';
import './ImportRefi.css';

export function ImportCodebookButton() {
  const ws = useWorkspace();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RefiCodebookImportReport | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await ws.run(ws.api['refi.importCodebook']({ content: await file.text(), name: file.name }));
      if (r) {
        ws.changed();
        ws.notify(`${r.file}: ${r.created.length} codes added`);
        setReport(r);
      }
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()} title="Import a REFI-QDA code book (.qdc) into this code book">
        Import .qdc…
      </button>
      <input ref={input} type="file" accept=".qdc,.xml" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void pick(e.target.files?.[0])} />
      {report && (
        <Dialog
          title="Code book import report"
          onCancel={() => setReport(null)}
          className="refi-import"
          actions={
            <button type="button" onClick={() => setReport(null)}>
              Close
            </button>
          }
        >
          <p className="refi-in-lead">
            <strong>{report.file}</strong>
            {report.origin ? ` (written by ${report.origin})` : ''} was merged into the code book, matching codes by GUID and then by path.
          </p>
          <ReportCounts
            label="Code book import"
            counts={[
              ['Codes added', report.created.length],
              ['Already present', report.matched],
            ]}
          />
          {report.created.length > 0 && (
            <ul className="refi-in-created" aria-label="Codes added">
              {report.created.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <ReportLists adjusted={report.adjusted} skipped={report.skipped} />
        </Dialog>
      )}
    </>
  );
}
