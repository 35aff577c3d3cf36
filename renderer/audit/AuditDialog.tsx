/**
 * File → Audit log…: who changed what and when, newest first, from the project's event log.
 * Filters by who made the change and by document; the filtered trail downloads as CSV
 * (RFC 4180, UTF-8 with BOM) for a spreadsheet. Reads only.
 */
import { useEffect, useId, useState } from 'react';
import type { AuditEntry } from '../../shared/api/types-history.js';
import { downloadBase64 } from '../compare/export/download.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import type { FileDialogProps } from '../workspace/file-dialog.js';
import '../workspace/dialog-table.css';
import './audit.css';

const PAGE = 200;

interface Filters {
  actor: string;
  document: string;
}

const when = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  // Local time, sortable at a glance; the cell's title has the exact UTC time.
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

export function AuditDialog({ onClose }: FileDialogProps) {
  const ws = useWorkspace();
  const [filters, setFilters] = useState<Filters>({ actor: '', document: '' });
  const [docs, setDocs] = useState<{ guid: string; name: string }[]>([]);
  const [actors, setActors] = useState<string[]>([]);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const whoId = useId();
  const docId = useId();
  const countId = useId();

  const args = (f: Filters) => ({ ...(f.actor && { actor: f.actor }), ...(f.document && { document: f.document }) });

  useEffect(() => {
    void ws.run(ws.api['documents.list']()).then((d) => d && setDocs(d.map((x) => ({ guid: x.guid, name: x.name }))));
  }, [ws]);

  useEffect(() => {
    let live = true;
    setEntries(null);
    void ws.run(ws.api['project.audit']({ ...args(filters), limit: PAGE })).then((v) => {
      if (!live || !v) return;
      setEntries(v.entries);
      setTotal(v.total);
      setNext(v.nextBefore);
      setActors(v.actors);
    });
    return () => {
      live = false;
    };
    // ws.version: a change made while the dialog is open (e.g. by undo) shows up.
  }, [ws, filters, ws.version]);

  const more = async () => {
    if (next === null) return;
    setBusy(true);
    const v = await ws.run(ws.api['project.audit']({ ...args(filters), limit: PAGE, before: next }));
    setBusy(false);
    if (!v) return;
    setEntries((e) => [...(e ?? []), ...v.entries]);
    setNext(v.nextBefore);
  };

  const download = async () => {
    setBusy(true);
    const file = await ws.run(ws.api['project.auditExport'](args(filters)));
    setBusy(false);
    if (!file) return;
    downloadBase64(file.name, file.mime, file.base64);
    ws.notify(`Saved ${file.name} (${file.rows.toLocaleString()} changes)`);
  };

  return (
    <Dialog
      title="Audit log"
      onCancel={onClose}
      className="audit-dialog"
      initialFocus="select"
      actions={
        <>
          <button type="button" data-close onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" data-csv disabled={busy || !entries?.length} onClick={() => void download()}>
            Download CSV
          </button>
        </>
      }
    >
      <p className="audit-lead">Every change to this project, who made it and when, from the project’s append-only log.</p>
      <div className="audit-filters">
        <label htmlFor={whoId}>Who</label>
        <select id={whoId} value={filters.actor} onChange={(e) => setFilters((f) => ({ ...f, actor: e.target.value }))}>
          <option value="">Everyone</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label htmlFor={docId}>Document</label>
        <select id={docId} value={filters.document} onChange={(e) => setFilters((f) => ({ ...f, document: e.target.value }))}>
          <option value="">All documents</option>
          {docs.map((d) => (
            <option key={d.guid} value={d.guid}>
              {d.name}
            </option>
          ))}
        </select>
        <span id={countId} className="audit-count" role="status" aria-live="polite">
          {entries === null ? 'Reading…' : `${total.toLocaleString()} ${total === 1 ? 'change' : 'changes'}`}
        </span>
      </div>
      <div className="dialog-scroll audit-scroll" tabIndex={0} role="region" aria-label="Changes, newest first">
        <table className="dialog-table audit-table" aria-describedby={countId}>
          <colgroup>
            <col className="audit-col-when" />
            <col className="audit-col-who" />
            <col className="audit-col-doc" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Document</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {entries?.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td className="audit-when" title={e.at}>
                  {when(e.at)}
                </td>
                <td>{e.actor}</td>
                <td>{e.document ?? ''}</td>
                <td>
                  {e.summary}
                  <span className="audit-action">{e.action}</span>
                </td>
              </tr>
            ))}
            {entries?.length === 0 && (
              <tr>
                <td colSpan={4} className="audit-empty">
                  No changes match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {next !== null && (
          <button type="button" className="audit-more" disabled={busy} onClick={() => void more()}>
            Show older changes
          </button>
        )}
      </div>
    </Dialog>
  );
}
