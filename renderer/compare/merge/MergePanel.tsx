/**
 * Merging a second coder's project from the workspace: pick or drop the file, watch one bar while
 * it is sent and merged, then read the report (added, matched, skipped, every conflict), save it,
 * and see where the backup is. The merge is the same service as the CLI's `merge` and the File
 * menu's; the file is sent as bytes so it works in browser mode and in Electron alike. A refused
 * file is named in one line and the project is left exactly as it was.
 */
import { useRef, useState } from 'react';
import type { CoderProjectMergeReport } from '../../../shared/api/types.js';
import { ApiCallError } from '../../api/client.js';
import { fileToBase64 } from '../../documents/upload.js';
import { useWorkspace } from '../../workspace/context.js';
import { downloadText } from '../export/download.js';
import { MergeReportView } from './MergeReportView.js';
import { mergeReportMarkdown } from './merge-report.js';
import './merge.css';

/** The merge service reads files up to the upload limit; larger ones are refused before sending. */
const MAX_BYTES = 50 * 1024 * 1024;

export function MergePanel() {
  const ws = useWorkspace();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ report: CoderProjectMergeReport; project: string; at: Date } | null>(null);
  const [over, setOver] = useState(false);

  const merge = async (file: File) => {
    setError(null);
    if (file.size === 0) return setError(`${file.name}: the file is empty, not a Marginalia project. Nothing was changed.`);
    if (file.size > MAX_BYTES)
      return setError(`${file.name}: larger than the 50 MB limit for a merge from here; use File → Merge a Coder’s Project or \`marginalia merge\`.`);
    setBusy(file.name);
    try {
      const base64 = await fileToBase64(file);
      const report = await ws.api['project.mergeCoderUpload']({ name: file.name, base64 });
      const info = await ws.api['project.info']();
      setDone({ report, project: info.path.split(/[\\/]/).pop() ?? info.name, at: new Date() });
      ws.notify(
        `Merged ${file.name}: ${report.codings.added} codings added, ${report.conflicts.length} ${report.conflicts.length === 1 ? 'conflict' : 'conflicts'}.`,
      );
      ws.changed();
    } catch (e) {
      const why = e instanceof ApiCallError ? e.message : String(e);
      setError(`${why}. Nothing was changed.`);
    } finally {
      setBusy(null);
    }
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) return setError('Drop one project file at a time.');
    void merge(files[0]!);
  };

  return (
    <div className="merge-panel">
      <header className="compare-part-head">
        <h2>Merge a coder’s project</h2>
        <p className="meta">
          Bring a second coder’s project file (.marginalia) into this one. Documents match by their text, codes by GUID and then by path; the other coder’s
          codings are added under their own name, and nothing here is overwritten. A backup of this project is written first.
        </p>
      </header>
      <div
        className={`merge-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) onFiles(e.dataTransfer.files);
        }}
      >
        <button type="button" className="primary" onClick={() => picker.current?.click()} disabled={!!busy}>
          Choose a project file…
        </button>
        <span className="meta">or drop it here</span>
        <input
          ref={picker}
          type="file"
          accept=".marginalia"
          hidden
          aria-label="Project file to merge"
          data-testid="merge-file"
          onChange={(e) => {
            onFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {busy && (
        <div className="merge-progress" role="status">
          <progress aria-label={`Merging ${busy}`} />
          <span>
            Sending and merging <strong>{busy}</strong>…
          </span>
        </div>
      )}
      {error && (
        <p className="merge-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <MergeReportView
          report={done.report}
          onSave={(format) => {
            const stem = `merge report ${done.report.from.replace(/\.[^.]+$/, '')} ${done.at.toISOString().slice(0, 10)}`;
            if (format === 'md') downloadText(`${stem}.md`, 'text/markdown;charset=utf-8', mergeReportMarkdown(done.report, done.project, done.at));
            else
              downloadText(
                `${stem}.json`,
                'application/json',
                `${JSON.stringify({ project: done.project, at: done.at.toISOString(), ...done.report }, null, 2)}\n`,
              );
          }}
        />
      )}
    </div>
  );
}
