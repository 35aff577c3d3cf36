/**
 * The agreement table: one row per code in code-book order (indented by the hierarchy), sortable
 * by any column, each code expandable to its documents, totals labelled by how they combine.
 * Each number carries its full-precision value in data-value and a tooltip naming unit, formula
 * and source; an undefined value says so, with the report's reason as a numbered note.
 */
import { Fragment, memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Interval } from '../../../shared/agreement/reports.js';
import type { AgreementModel, Cell, CodeRow, Column, CountId, StatId } from './model.js';
import { BANDED, BANDS, bandOf, explainCount, explainStat, formatCount, formatStat, sortRows, type Sort, type SortKey } from './numbers.js';
import { BandGlyph } from './Legend.js';

interface Props {
  model: AgreementModel;
  /** Opens the disagreements of a code in a document. */
  onReview(codeGuid: string | null, document: string): void;
  caption: string;
  captionId: string;
}

const COLUMN_TITLE: Record<string, string> = {
  percent: 'Percent agreement (not corrected for chance)',
  kappa: 'Cohen’s kappa',
  alpha: 'Krippendorff’s alpha (nominal, binary)',
  kappaBP: 'Brennan–Prediger kappa',
  alphaCu: 'Krippendorff’s Cu-alpha',
  onlyA: 'Units coded by A only',
  onlyB: 'Units coded by B only',
  both: 'Units coded by both',
  neither: 'Units coded by neither',
  n: 'Units compared',
};

const N_LABEL: Record<AgreementModel['unit'], string> = { character: 'Characters', turn: 'Turns', document: 'Documents', segment: 'Units', unitized: 'Units' };

export function AgreementTable({ model, caption, captionId, onReview }: Props) {
  const [sort, setSort] = useState<Sort>({ key: 'code', dir: 'ascending' });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => sortRows(model.rows, sort), [model.rows, sort]);
  const notes = useMemo(() => reasonNotes(model, open), [model, open]);
  const groupOf = useMemo(() => groups(model.rows), [model.rows]);
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: key === 'code' ? 'ascending' : 'descending' },
    );
  const toggle = useCallback(
    (code: string) =>
      setOpen((o) => {
        const next = new Set(o);
        if (!next.delete(code)) next.add(code);
        return next;
      }),
    [],
  );
  const header = (key: SortKey, label: ReactNode, title: string, className?: string) => (
    <th key={key} scope="col" className={className} aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button type="button" title={`${title}. Sort by this column.`} onClick={() => sortBy(key)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sort.key === key ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
  const width = model.columns.length + 1;

  return (
    <div className="agreement-table-wrap">
      <table className="agreement-table" data-testid="agreement-table" data-unit={model.unit}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {header('code', 'Code', 'Code, in code-book order', 'code-col')}
            {model.columns.map((c) =>
              header(c.id, c.id === 'n' ? N_LABEL[model.unit] : c.label, COLUMN_TITLE[c.id] ?? c.label, c.kind === 'count' ? 'num count-col' : 'num'),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={width} className="hint">
                No code in scope: neither coder applied any of the chosen codes to these documents.
              </td>
            </tr>
          )}
          {rows.map((r, i) => {
            // In code-book order, ancestors that are not rows of their own head their group once.
            const group = groupOf.get(r.code) ?? '';
            const grouped = sort.key === 'code' && group !== '';
            const head = grouped && (i === 0 || groupOf.get(rows[i - 1]!.code) !== group);
            return (
              <Fragment key={r.code}>
                {head && (
                  <tr className="group-row">
                    <th colSpan={width} scope="rowgroup">
                      {group}
                    </th>
                  </tr>
                )}
                <CodeRows row={r} grouped={grouped} model={model} notes={notes} open={open.has(r.code)} onToggle={toggle} onReview={onReview} />
              </Fragment>
            );
          })}
        </tbody>
        <tbody className="totals">
          {model.totals.map((t) => (
            <tr key={t.id} data-total={t.id}>
              <th scope="row" title={t.description}>
                {t.label}
                <span className="total-what">{t.description.replace(/^[^:]*:\s*/, '')}</span>
              </th>
              <Cells columns={model.columns} model={model} stats={t.stats} counts={t.counts} ci={t.ci} notes={notes} scope={`${t.label} over every code`} />
            </tr>
          ))}
        </tbody>
      </table>
      {notes.size > 0 && (
        <ol className="reason-notes" aria-label="Why some values are undefined">
          {[...notes.keys()].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

const CodeRows = memo(function CodeRows(p: {
  row: CodeRow;
  /** Under a group heading naming its ancestors (code-book order): indented instead of repeating them. */
  grouped: boolean;
  model: AgreementModel;
  notes: Map<string, number>;
  open: boolean;
  onToggle(code: string): void;
  onReview: Props['onReview'];
}) {
  const { row, grouped, model, notes, open, onToggle, onReview } = p;
  const depth = row.depth + (grouped ? 1 : 0);
  const canOpen = row.documents.length > 0;
  return (
    <>
      <tr data-code={row.code} className={open ? 'open' : undefined}>
        <th scope="row" className="code-cell" style={{ paddingInlineStart: `${0.4 + depth * 1.1}rem` }} title={row.code}>
          {canOpen ? (
            <button
              type="button"
              className="expander"
              aria-expanded={open}
              aria-label={`${row.name}: ${open ? 'hide' : 'show'} per document`}
              onClick={() => onToggle(row.code)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="expander-space" />
          )}
          {row.context && !grouped && <span className="code-context">{row.context} › </span>}
          {row.name}
        </th>
        <Cells columns={model.columns} model={model} stats={row.stats} counts={row.counts} ci={row.ci} notes={notes} scope={`${row.code}, all documents`} />
      </tr>
      {open &&
        row.documents.map((d) => (
          <tr key={d.document} className="doc-row" data-code={row.code} data-document={d.document}>
            <th scope="row" style={{ paddingInlineStart: `${2 + depth * 1.1}rem` }} title={d.note}>
              {d.document}
              <button
                type="button"
                className="review-link"
                aria-label={`Review the disagreements of ${row.name} in ${d.document}`}
                onClick={() => onReview(row.guid, d.document)}
              >
                Review
              </button>
            </th>
            <Cells columns={model.columns} model={model} stats={d.stats} counts={d.counts} ci={{}} notes={notes} scope={`${row.code} in ${d.document}`} />
          </tr>
        ))}
    </>
  );
});

function Cells(p: {
  columns: Column[];
  model: AgreementModel;
  stats: Partial<Record<StatId, Cell>>;
  counts: Partial<Record<CountId, number>>;
  ci: Partial<Record<StatId, Interval>>;
  notes: Map<string, number>;
  scope: string;
}) {
  return (
    <>
      {p.columns.map((c) => {
        if (c.kind === 'count') {
          const n = p.counts[c.id as CountId];
          return n === undefined ? (
            <td key={c.id} className="num count-col" />
          ) : (
            <td key={c.id} className="num count-col" data-count={c.id} data-value={n} title={explainCount(p.model.unit, c.id as CountId, n, p.scope)}>
              {formatCount(n)}
            </td>
          );
        }
        const cell = p.stats[c.id as StatId];
        if (!cell) return <td key={c.id} className="num" />;
        return <StatCell key={c.id} stat={c.id as StatId} cell={cell} ci={p.ci[c.id as StatId]} notes={p.notes} model={p.model} scope={p.scope} />;
      })}
    </>
  );
}

function StatCell({
  stat,
  cell,
  ci,
  notes,
  model,
  scope,
}: {
  stat: StatId;
  cell: Cell;
  ci: Interval | undefined;
  notes: Map<string, number>;
  model: AgreementModel;
  scope: string;
}) {
  const band = BANDED.has(stat) ? bandOf(cell.value) : null;
  const title = explainStat(model.unit, stat, cell, scope) + (ci ? `\n${intervalText(stat, ci)}` : '');
  if (cell.value === null)
    return (
      <td className="num undefined" data-stat={stat} data-value="null" title={title}>
        undefined<sup>{notes.get(cell.reason ?? '') ?? ''}</sup>
      </td>
    );
  return (
    <td className={`num${band ? ` band-${band}` : ''}`} data-stat={stat} data-value={String(cell.value)} title={title}>
      {formatStat(stat, cell.value)}
      {band && <BandGlyph band={band} />}
      {band && <span className="sr-only"> {BANDS.find((b) => b.band === band)!.label}</span>}
      {ci && (
        <span className="ci" data-lower={String(ci.lower)} data-upper={String(ci.upper)}>
          {ci.lower === null || ci.upper === null ? 'interval undefined' : `${formatStat(stat, ci.lower)} – ${formatStat(stat, ci.upper)}`}
        </span>
      )}
    </td>
  );
}

function intervalText(stat: StatId, ci: Interval): string {
  return ci.lower === null || ci.upper === null
    ? `95% interval undefined: ${ci.reason ?? ''}`
    : `95% bootstrap interval (documents resampled): ${ci.lower} to ${ci.upper}`;
}

/** Every distinct reason for an undefined value on screen, numbered in order of first appearance. */
function reasonNotes(model: AgreementModel, open: ReadonlySet<string>): Map<string, number> {
  const notes = new Map<string, number>();
  const add = (cells: Partial<Record<StatId, Cell>>) => {
    for (const c of Object.values(cells)) if (c && c.value === null && c.reason && !notes.has(c.reason)) notes.set(c.reason, notes.size + 1);
  };
  for (const r of model.rows) {
    add(r.stats);
    if (open.has(r.code)) for (const d of r.documents) add(d.stats);
  }
  for (const t of model.totals) add(t.stats);
  return notes;
}

/** Each row's group: the hidden ancestors of its top-level row ("Dynamic security"), rows in code-book order. */
function groups(rows: readonly CodeRow[]): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const r of rows) {
    if (r.depth === 0) current = r.context;
    out.set(r.code, current);
  }
  return out;
}
