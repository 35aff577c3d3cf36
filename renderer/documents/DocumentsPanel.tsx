/**
 * The documents panel: each transcript with its case, length and codings per coder; import by
 * the file picker or by dropping files on the panel. Files are imported one call each (each one
 * transaction, one undo step), with a progress bar; a bad file is named in the error banner and
 * the others still come in.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DocumentListItem } from '../../shared/api/types.js';
import { useWorkspace } from '../workspace/context.js';
import { coderInitials } from '../workspace/initials.js';
import { DeleteDocument } from './DeleteDocument.js';
import { fileToBase64, IMPORTABLE } from './upload.js';

export interface DocumentsPanelProps {
  docs: readonly DocumentListItem[];
  /** GUID of the open document. */
  open: string | null;
  onOpen(guid: string): void;
  /** Out of view while another view (Compare coders) has the window; it stays mounted. */
  hidden?: boolean;
}

export function DocumentsPanel({ docs, open, onOpen, hidden = false }: DocumentsPanelProps) {
  const { api, changed, notify, report } = useWorkspace();
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const [deleting, setDeleting] = useState<DocumentListItem | null>(null);
  const closeDelete = useCallback(() => setDeleting(null), []);
  const marks = useMemo(() => coderInitials(docs.flatMap((d) => d.byCoder.map((b) => b.coder))), [docs]);

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    const failed: string[] = [];
    let imported = 0;
    let first: string | null = null;
    // What the import changed or dropped (a reflowed hard wrap, PDF page furniture): said, not hidden.
    const warnings: string[] = [];
    for (const [i, f] of files.entries()) {
      setProgress({ done: i, total: files.length, file: f.name });
      try {
        const r = await api['documents.import']({ files: [{ name: f.name, base64: await fileToBase64(f) }] });
        imported += r.imported.length;
        first ??= r.imported[0]?.guid ?? null;
        warnings.push(...r.imported.flatMap((d) => d.warnings));
        for (const s of r.skipped) failed.push(`${s.file}: already imported as ${s.duplicateOf}`);
      } catch (e) {
        failed.push(e instanceof Error ? e.message : String(e));
      }
    }
    setProgress(null);
    changed();
    notify(`Imported ${imported} of ${files.length} file${files.length === 1 ? '' : 's'}${warnings.length ? ` · ${warnings.join(' · ')}` : ''}`);
    if (failed.length) report(failed.join(' · '));
    if (first) onOpen(first);
  };

  return (
    <nav
      hidden={hidden}
      className={`documents${over ? ' drop-over' : ''}`}
      aria-label="Documents"
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        setOver(false);
        void importFiles([...e.dataTransfer.files]);
      }}
    >
      <div className="panel-head">
        <h2>Documents</h2>
        <button
          type="button"
          className="small"
          aria-label="Import documents…"
          title="Import transcripts (.txt, .md, .docx, .pdf, .vtt, .srt); you can also drop files on this list"
          onClick={() => picker.current?.click()}
          disabled={!!progress}
        >
          Import…
        </button>
      </div>
      <input
        ref={picker}
        type="file"
        multiple
        accept={IMPORTABLE}
        hidden
        aria-label="Files to import"
        onChange={(e) => void importFiles([...(e.target.files ?? [])]).then(() => (e.target.value = ''))}
      />
      {progress && (
        <div className="import-progress">
          <progress aria-label="Import progress" max={progress.total} value={progress.done} />
          <span className="meta">
            {progress.done + 1} of {progress.total}: {progress.file}
          </span>
        </div>
      )}
      <ul aria-label="Transcripts" className="doc-list">
        {docs.map((d) => (
          <li key={d.guid} className="doc-item">
            <button
              type="button"
              className="doc-open"
              aria-current={d.guid === open}
              title={[
                d.name,
                d.caseName && `case ${d.caseName}`,
                `${d.length.toLocaleString()} characters`,
                ...d.byCoder.map((b) => `${b.coder}: ${b.codings} codings`),
              ]
                .filter(Boolean)
                .join('\n')}
              onClick={() => onOpen(d.guid)}
            >
              <span className="doc-name">{d.name}</span>
              <span className="doc-counts">
                {d.byCoder.map((b) => (
                  <span key={b.coderGuid} className="doc-count">
                    <abbr title={b.coder} aria-hidden="true">
                      {marks.get(b.coder)}
                    </abbr>
                    <span className="sr-only">{b.coder}</span> {b.codings}
                  </span>
                ))}
              </span>
            </button>
            <button type="button" className="doc-delete" aria-label={`Delete document ${d.name}`} title="Delete this document" onClick={() => setDeleting(d)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {deleting && <DeleteDocument document={deleting} onClose={closeDelete} />}
      {docs.length === 0 && <p className="hint">No documents yet: import interview transcripts, or drop .txt, .md, .docx, .pdf, .vtt or .srt files here.</p>}
    </nav>
  );
}
