/**
 * File → Export REFI-QDA project (.qdpx)…: says what goes into the file, builds it on the
 * server (an indeterminate progress bar meanwhile; the bridge answers in one piece) and
 * downloads it. "Code book only" writes the .qdc instead.
 */
import { useEffect, useId, useState } from 'react';
import type { ProjectInfo } from '../../shared/api/types.js';
import { downloadBase64, downloadText } from '../compare/export/download.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import type { FileDialogProps } from '../workspace/file-dialog.js';
import './refi.css';

type What = 'project' | 'codebook';
type State = { step: 'choose' } | { step: 'working' } | { step: 'done'; line: string };

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

export function ExportRefiDialog({ onClose }: FileDialogProps) {
  const ws = useWorkspace();
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [what, setWhat] = useState<What>('project');
  const [state, setState] = useState<State>({ step: 'choose' });
  const statusId = useId();

  useEffect(() => {
    void ws.run(ws.api['project.info']()).then((i) => i && setInfo(i));
  }, [ws]);

  const exportNow = async () => {
    setState({ step: 'working' });
    if (what === 'project') {
      const r = await ws.run(ws.api['refi.exportProject']());
      if (!r) return setState({ step: 'choose' });
      downloadBase64(r.fileName, 'application/zip', r.base64);
      const line = `Saved ${r.fileName} (${kb(r.bytes)}): ${n(r.documents, 'document')}, ${n(r.codings, 'coding')}, ${n(r.codes, 'code')}, ${n(r.users, 'coder')}, ${n(r.cases, 'case')}, ${n(r.notes, 'memo')}.`;
      ws.notify(`Exported ${r.fileName}`);
      setState({ step: 'done', line });
    } else {
      const r = await ws.run(ws.api['refi.exportCodebook']());
      if (!r) return setState({ step: 'choose' });
      downloadText(r.fileName, 'application/xml', r.content);
      ws.notify(`Exported ${r.fileName}`);
      setState({ step: 'done', line: `Saved ${r.fileName}: ${n(r.codes, 'code')}.` });
    }
  };

  const working = state.step === 'working';
  return (
    <Dialog
      title="Export REFI-QDA"
      onCancel={onClose}
      className="refi-export"
      initialFocus={state.step === 'done' ? '[data-close]' : '[data-export]'}
      actions={
        <>
          <button type="button" data-close onClick={onClose}>
            {state.step === 'done' ? 'Close' : 'Cancel'}
          </button>
          {state.step !== 'done' && (
            <button type="button" className="primary" data-export disabled={working} onClick={() => void exportNow()}>
              {working ? 'Exporting…' : what === 'project' ? 'Export .qdpx' : 'Export .qdc'}
            </button>
          )}
        </>
      }
    >
      <p className="refi-lead">For NVivo, ATLAS.ti, MAXQDA, QualCoder and other tools that read the REFI-QDA exchange standard.</p>
      <fieldset className="refi-choice" disabled={working || state.step === 'done'}>
        <legend className="sr-only">What to export</legend>
        <label>
          <input type="radio" name="refi-what" checked={what === 'project'} onChange={() => setWhat('project')} />
          <span>
            <strong>Whole project</strong> <span className="refi-ext">.qdpx</span>
            <span className="refi-detail">Transcripts, code book, codings with their coder, cases and variables, memos.</span>
          </span>
        </label>
        <label>
          <input type="radio" name="refi-what" checked={what === 'codebook'} onChange={() => setWhat('codebook')} />
          <span>
            <strong>Code book only</strong> <span className="refi-ext">.qdc</span>
            <span className="refi-detail">Codes with their hierarchy, colours and definitions.</span>
          </span>
        </label>
      </fieldset>
      {info && (
        <dl className="refi-counts" aria-label="In this project">
          {(
            [
              ['Documents', info.documents],
              ['Codings', info.codings],
              ['Codes', info.codes],
              ['Coders', info.coders.length],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value.toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      )}
      <div id={statusId} className="refi-status" role="status" aria-live="polite">
        {working && (
          <>
            <progress aria-label="Building the file" />
            <span>Building the file…</span>
          </>
        )}
        {state.step === 'done' && <span className="refi-done">{state.line}</span>}
      </div>
      <p className="hint">GUIDs stay the same from one export to the next, so a re-export updates the same items in the other tool.</p>
    </Dialog>
  );
}
