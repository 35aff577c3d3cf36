/** What a correction changes (or changed): the places in the text, and each coding that moves, changes, is trimmed or orphaned. */
import type { CodingFate, TextEditReport } from '../../shared/api/types-transcript-edit.js';

const FATE: Record<CodingFate, string> = {
  moved: 'moved',
  edited: 'words changed',
  trimmed: 'trimmed',
  orphaned: 'orphaned',
};

const show = (s: string) => s.replace(/\n/g, '⏎');

export function EditReport({ report }: { report: TextEditReport }) {
  const c = report.counts;
  const listed = report.codings.filter((k) => k.fate !== 'moved');
  return (
    <div className="te-report">
      <p className="te-summary">
        {report.applied ? 'Saved' : 'Will change'} <strong>{report.changes.length}</strong> place{report.changes.length === 1 ? '' : 's'} in {report.document}{' '}
        <span className="te-muted">
          (length {report.oldLength} → {report.newLength})
        </span>
      </p>
      <dl className="te-counts" aria-label="What happens to the codings">
        <div>
          <dt>Unchanged</dt>
          <dd>{c.unchanged}</dd>
        </div>
        <div>
          <dt>Moved</dt>
          <dd>{c.moved}</dd>
        </div>
        <div>
          <dt>Words changed</dt>
          <dd>{c.edited}</dd>
        </div>
        <div>
          <dt>Trimmed</dt>
          <dd>{c.trimmed}</dd>
        </div>
        <div className={c.orphaned ? 'te-warn' : undefined}>
          <dt>Orphaned</dt>
          <dd>{c.orphaned}</dd>
        </div>
      </dl>
      {c.orphaned > 0 && (
        <p className="te-warn-text">
          {c.orphaned === 1
            ? 'One coding loses all of its words. It is kept as an orphan with its quote'
            : `${c.orphaned} codings lose all of their words. They are kept as orphans with their quotes`}{' '}
          (listed under the reader&apos;s head), not deleted.
        </p>
      )}
      <h3>Changes in the text</h3>
      <ol className="te-changes">
        {report.changes.map((ch) => (
          <li key={ch.start}>
            <span className="te-line">line {ch.line}</span>
            <span className="te-ctx">{show(ch.before)}</span>
            {ch.removed && <del>{show(ch.removed)}</del>}
            {ch.inserted && <ins>{show(ch.inserted)}</ins>}
            <span className="te-ctx">{show(ch.after)}</span>
          </li>
        ))}
      </ol>
      {listed.length > 0 && (
        <>
          <h3>Codings whose words change</h3>
          <table className="te-codings">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Coder</th>
                <th scope="col">What happens</th>
                <th scope="col">Quote</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((k) => (
                <tr key={k.guid} className={k.fate === 'orphaned' ? 'te-warn' : undefined}>
                  <td>{k.code}</td>
                  <td>{k.coder}</td>
                  <td>{FATE[k.fate]}</td>
                  <td>
                    {k.after ? (
                      <>
                        <del>{k.before.quote}</del> <ins>{k.after.quote}</ins>
                      </>
                    ) : (
                      <q>{k.before.quote}</q>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.speakers.renamed.map((s) => (
        <p key={s.from} className="te-muted">
          Speaker “{s.from}” becomes “{s.to}”; its case assignment follows.
        </p>
      ))}
      {report.speakers.dropped.map((s) => (
        <p key={s} className="te-warn-text">
          Speaker “{s}” no longer occurs; its case assignment is removed.
        </p>
      ))}
    </div>
  );
}
