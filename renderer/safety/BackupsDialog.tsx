/**
 * File → Backups…: the project's backups (newest first, why each was taken), a backup now, how
 * many to keep, a full integrity check, and Restore (after a confirmation: the project as it is
 * now is backed up first, then the chosen copy replaces it and everything re-reads).
 */
import { useEffect, useId, useState } from 'react';
import type { BackupsView, BackupView, IntegrityView } from '../../shared/safety/types.js';
import { Confirm } from '../workspace/Confirm.js';
import { Dialog } from '../workspace/Dialog.js';
import { useWorkspace } from '../workspace/context.js';
import '../workspace/dialog-table.css';
import './safety.css';

/** Local time, sortable at a glance; the cell's title has the exact UTC time. */
const when = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The reason in a file name, in words. */
export function reasonLabel(reason: string): string {
  const schema = /^before-migration-schema(\d+)$/.exec(reason);
  if (schema) return `Before upgrading from schema ${schema[1]}`;
  const known: Record<string, string> = {
    daily: 'Daily, on opening',
    manual: 'Made by hand',
    'before-merge': 'Before merging a coder’s project',
    'before-refi-import': 'Before a REFI-QDA import',
    'before-restore': 'Before a restore',
    'before-restore-damaged': 'Before a restore (damaged file, kept as it was)',
    file: 'Backup file',
  };
  return known[reason] ?? reason.replace(/-/g, ' ');
}

/** The props every File-menu dialog gets (file-actions.ts's FileDialogProps; not imported, as that file loads this one). */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const ws = useWorkspace();
  const [view, setView] = useState<BackupsView | null>(null);
  const [keep, setKeep] = useState('');
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<IntegrityView | null>(null);
  const [confirm, setConfirm] = useState<BackupView | null>(null);
  const keepId = useId();
  const statusId = useId();

  const load = async () => {
    const v = await ws.run(ws.api['project.backups']());
    if (!v) return;
    setView(v);
    setKeep(String(v.keep));
  };

  useEffect(() => {
    void load();
    // ws.version: a restore or a merge made while the dialog is open shows up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws.version]);

  const act = async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await ws.run(call());
    } finally {
      setBusy(false);
    }
  };

  const backupNow = async () => {
    const made = await act(() => ws.api['project.backup']({}));
    if (!made) return;
    ws.notify(`Backed up to ${made.name}`);
    await load();
  };

  const saveKeep = async () => {
    const n = Number(keep);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return ws.report('Keep: a whole number from 1 to 1000');
    const r = await act(() => ws.api['project.backupSettings']({ keep: n }));
    if (!r) return;
    ws.notify(r.removed.length ? `Keeping the newest ${r.keep}; deleted ${r.removed.length} older` : `Keeping the newest ${r.keep}`);
    await load();
  };

  const runCheck = async () => {
    setCheck(null);
    const r = await act(() => ws.api['project.check']());
    if (r) setCheck(r);
  };

  const restore = async (b: BackupView) => {
    setConfirm(null);
    const r = await act(() => ws.api['project.restore']({ backup: b.name }));
    if (!r) return;
    ws.notify(`Restored the backup from ${when(r.restored.at)}; the project as it was is kept as a backup`);
    ws.changed();
    await load();
  };

  const backups = view?.backups ?? [];
  return (
    <>
      <Dialog
        title="Backups"
        onCancel={onClose}
        className="backups-dialog"
        initialFocus="[data-backup-now]"
        actions={
          <>
            <button type="button" onClick={() => void runCheck()} disabled={busy}>
              Check integrity
            </button>
            <span className="backups-spacer" />
            <button type="button" data-close onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" data-backup-now disabled={busy || !view} onClick={() => void backupNow()}>
              Back up now
            </button>
          </>
        }
      >
        <p className="backups-lead">
          Complete copies of this project, taken before upgrades, merges and REFI-QDA imports, once a day, and when you ask. They are kept in{' '}
          <code title={view?.folder}>{view ? view.folder.split(/[\\/]/).pop() : '…'}</code> beside the project file.
        </p>
        <div className="dialog-scroll backups-scroll" tabIndex={0} role="region" aria-label="Backups, newest first">
          <table className="dialog-table backups-table">
            <colgroup>
              <col className="backups-col-when" />
              <col />
              <col className="backups-col-size" />
              <col className="backups-col-act" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view && backups.length === 0 && (
                <tr>
                  <td colSpan={4} className="backups-empty">
                    No backups yet. “Back up now” makes the first.
                  </td>
                </tr>
              )}
              {backups.map((b) => (
                <tr key={b.name} data-backup={b.name}>
                  <td className="backups-when" title={`${b.at} · ${b.name}`}>
                    {when(b.at)}
                  </td>
                  <td>{reasonLabel(b.reason)}</td>
                  <td className="num">{size(b.bytes)}</td>
                  <td className="backups-act">
                    <button type="button" disabled={busy} onClick={() => setConfirm(b)} aria-label={`Restore the backup from ${when(b.at)}`}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="backups-foot">
          <label htmlFor={keepId}>Keep the newest</label>
          <input
            id={keepId}
            type="number"
            min={1}
            max={1000}
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void saveKeep()}
          />
          <button type="button" disabled={busy || !view || keep === String(view.keep)} onClick={() => void saveKeep()}>
            Save
          </button>
          <span id={statusId} className={`backups-check${check ? (check.ok ? ' ok' : ' bad') : ''}`} role="status" aria-live="polite">
            {check &&
              (check.ok
                ? 'Integrity check: sound (no damage, no broken links)'
                : `Integrity check: damaged (${check.integrity.length + check.foreignKeys.length} problems); restore a backup`)}
          </span>
        </div>
      </Dialog>
      {confirm && (
        <Confirm title="Restore this backup?" confirm="Restore" onConfirm={() => void restore(confirm)} onCancel={() => setConfirm(null)}>
          <p>
            The project will be replaced by the backup made {when(confirm.at)} ({reasonLabel(confirm.reason).toLowerCase()}). Changes made since then leave the
            project, but not for good: the project as it is now is backed up first, and can be restored the same way.
          </p>
        </Confirm>
      )}
    </>
  );
}
