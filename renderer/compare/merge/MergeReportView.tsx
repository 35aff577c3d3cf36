/**
 * What a merge did, for the person who ran it: counts of what was added, matched and skipped,
 * every conflict with its reason, and the way back (the backup: Undo cannot reverse a merge).
 */
import type { CoderProjectMergeReport } from '../../../shared/api/types.js';

interface Props {
  report: CoderProjectMergeReport;
  onSave(format: 'md' | 'json'): void;
}

function Names({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return <span className="merge-names">{items.join(', ')}</span>;
}

export function MergeReportView({ report: r, onSave }: Props) {
  const rows: { what: string; added: number; names?: readonly string[]; other: string }[] = [
    { what: 'Documents', added: r.documents.added.length, names: r.documents.added, other: `${r.documents.matched} matched` },
    { what: 'Codes', added: r.codes.added.length, names: r.codes.added, other: `${r.codes.matched} matched` },
    { what: 'Coders', added: r.coders.added.length, names: r.coders.added, other: `${r.coders.matched} matched` },
    { what: 'Codings', added: r.codings.added, other: `${r.codings.skipped} skipped (already here)` },
    { what: 'Cases', added: r.cases.added.length, names: r.cases.added, other: `${r.cases.valuesSet} attribute values set` },
    { what: 'Memos', added: r.memos.added, other: '' },
  ];
  return (
    <section className="merge-report" aria-label="Merge report">
      <div className="merge-report-head">
        <h3>
          Merged <span className="mono">{r.from}</span>
        </h3>
        <div className="merge-save">
          <button type="button" className="primary" onClick={() => onSave('md')}>
            Save report (Markdown)
          </button>
          <button type="button" className="primary" onClick={() => onSave('json')}>
            Save report (JSON)
          </button>
        </div>
      </div>
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col">Names</th>
            <th scope="col">Matched or skipped</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.what}>
              <th scope="row">{row.what}</th>
              <td className="num">{row.added}</td>
              <td>
                <Names items={row.names ?? []} />
              </td>
              <td className="meta">{row.other}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>
        Conflicts <span className="count">{r.conflicts.length}</span>
      </h4>
      {r.conflicts.length === 0 ? (
        <p className="meta">None: everything in the file either matched or was added.</p>
      ) : (
        <table className="merge-table conflicts">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Item</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {r.conflicts.map((c, i) => (
              <tr key={i}>
                <td>{c.kind}</td>
                <td className="mono">{c.item}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="merge-backup" role="note">
        <strong>The way back.</strong> Undo (Ctrl/Cmd+Z) takes the whole merge back as one step, as long as nothing added since refers to what it brought in. A
        copy of this project as it was just before the merge is also kept at
        <code data-testid="merge-backup">{r.backup}</code>
        To go back that way, close the project and replace its file with that copy.
      </div>
    </section>
  );
}
