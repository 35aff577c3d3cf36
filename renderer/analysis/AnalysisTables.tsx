/** The tables under the charts: the charts' text alternative, every number a button to its passages. */
import type { CooccurrenceReport, CrosstabReport, FrequencyReport } from '../../shared/analysis/types.js';
import { cooccurrenceCells, crosstabCells, leaf, pct, type CellRef } from './model.js';

interface Pick {
  onPick(ref: CellRef): void;
}

const fmt = (n: number) => n.toLocaleString('en');

export function FrequencyTable({ report, id, onPick }: { report: FrequencyReport; id: string } & Pick) {
  const rows = report.rows.filter((r) => r.codings > 0);
  const hidden = report.rows.length - rows.length;
  return (
    <div className="analysis-table-wrap">
      <table id={id} className="analysis-table" data-testid="frequency-table">
        <caption>
          Frequencies and prevalence per code{report.subcodes ? ', sub-codes counted under their parents' : ''}
          {hidden > 0 ? ` (${hidden} code${hidden === 1 ? '' : 's'} without codings not shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Codings</th>
            <th scope="col">Characters</th>
            <th scope="col">Documents</th>
            <th scope="col">Cases</th>
            <th scope="col">Prevalence ({report.unit.label})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.codeGuid}>
              <th scope="row" style={{ paddingLeft: `${0.5 + r.depth}rem` }} title={r.code}>
                {leaf(r.code)}
              </th>
              <td>{fmt(r.codings)}</td>
              <td>{fmt(r.characters)}</td>
              <td>{fmt(r.documents)}</td>
              <td>{fmt(r.cases)}</td>
              <td>
                <button
                  type="button"
                  className="cell-button"
                  onClick={() => onPick({ cell: { kind: 'code', code: r.codeGuid }, title: `${r.code}: ${r.codings} codings` })}
                >
                  {r.units} of {report.unit.total} <span className="meta">({pct(r.prevalence)})</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CooccurrenceTable({ report, jaccard, top, id, onPick }: { report: CooccurrenceReport; jaccard: boolean; top: number; id: string } & Pick) {
  const { shown, refs } = cooccurrenceCells(report, jaccard, top);
  const used = report.codes.filter((c) => c.codings > 0).length;
  const values = jaccard ? report.jaccard : report.counts;
  return (
    <div className="analysis-table-wrap">
      <table id={id} className="analysis-table matrix" data-testid="cooccurrence-table">
        <caption>
          {jaccard ? 'Jaccard: share of the two codes’ codings that co-occur with the other' : 'Co-occurring pairs of codings (diagonal: the code’s codings)'}
          {shown.length < used ? `; the ${shown.length} most used of ${used} coded codes` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {shown.map((c) => (
              <th scope="col" key={c.codeGuid} title={c.code}>
                {leaf(c.code)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.codeGuid}>
              <th scope="row" title={a.code}>
                {leaf(a.code)}
              </th>
              {shown.map((b) => {
                const v = values[a.i]![b.i]!;
                const ref = refs.get(`${a.codeGuid}|${b.codeGuid}`)!;
                return (
                  <td key={b.codeGuid} className={a.i === b.i ? 'diagonal' : undefined}>
                    {v === 0 ? (
                      <span className="meta">0</span>
                    ) : (
                      <button type="button" className="cell-button" aria-label={ref.title} onClick={() => onPick(ref)}>
                        {jaccard ? v.toFixed(2) : fmt(v)}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CrosstabTable({ report, counts, id, onPick }: { report: CrosstabReport; counts: boolean; id: string } & Pick) {
  const { rows, refs } = crosstabCells(report, counts);
  return (
    <div className="analysis-table-wrap">
      <table id={id} className="analysis-table" data-testid="crosstab-table">
        <caption>
          {counts ? 'Codings' : 'Cases with a coding, of the cases'} per value of {report.attribute.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {report.columns.map((c, j) => (
              <th scope="col" key={j}>
                {c.label} <span className="meta">({c.cases})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.codeGuid}>
              <th scope="row" style={{ paddingLeft: `${0.5 + r.depth}rem` }} title={r.code}>
                {leaf(r.code)}
              </th>
              {r.cells.map((c, j) => {
                const ref = refs.get(`${r.codeGuid}|${j}`)!;
                const text = counts ? fmt(c.codings) : `${c.cases} of ${report.columns[j]!.cases}`;
                return (
                  <td key={j}>
                    {c.codings === 0 ? (
                      <span className="meta">{text}</span>
                    ) : (
                      <button type="button" className="cell-button" aria-label={ref.title} onClick={() => onPick(ref)}>
                        {text}
                        {!counts && <span className="meta"> ({pct(c.share)})</span>}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
