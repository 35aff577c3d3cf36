/** Shapes the analysis reports into chart bars, matrix cells and the cell behind each click. */
import type { CooccurrenceReport, CrosstabReport, FrequencyReport } from '../../shared/analysis/types.js';
import type { Bar, MatrixCell } from './charts.js';

export type Tab = 'frequencies' | 'cooccurrence' | 'crosstab';

/** What a click asks the passages for (the `cell` of analysis.passages) and how the list is titled. */
export type PassageCell =
  | { kind: 'code'; code: string }
  | { kind: 'pair'; codes: [string, string]; mode?: CooccurrenceReport['mode']; distance?: number }
  | { kind: 'attribute'; code: string; attribute: string; value: string | null };

export interface CellRef {
  cell: PassageCell;
  title: string;
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const leaf = (path: string) => path.split('/').pop() ?? path;

export function frequencyBars(r: FrequencyReport): { bars: Bar[]; cells: Map<string, CellRef> } {
  const rows = r.rows.filter((x) => x.codings > 0);
  const cells = new Map<string, CellRef>();
  const bars = rows.map((x) => {
    const text = `${x.units} of ${r.unit.total} (${pct(x.prevalence)})`;
    cells.set(x.codeGuid, {
      cell: { kind: 'code', code: x.codeGuid },
      title: `${x.code}: ${x.codings} coding${x.codings === 1 ? '' : 's'}, ${text} ${r.unit.label}`,
    });
    return { key: x.codeGuid, label: leaf(x.code), value: x.prevalence, text, title: `${x.code}: ${text} ${r.unit.label}` };
  });
  return { bars, cells };
}

/** The codes a co-occurrence view shows: the `top` most used (0: all used), in code-book order. */
export function shownCodes(r: CooccurrenceReport, top: number) {
  const used = r.codes.map((c, i) => ({ ...c, i })).filter((c) => c.codings > 0);
  if (top <= 0 || used.length <= top) return used;
  const kept = new Set(
    [...used]
      .sort((a, b) => b.codings - a.codings || a.i - b.i)
      .slice(0, top)
      .map((c) => c.i),
  );
  return used.filter((c) => kept.has(c.i));
}

export function cooccurrenceCells(r: CooccurrenceReport, jaccard: boolean, top = 0) {
  const shown = shownCodes(r, top);
  const values = jaccard ? r.jaccard : r.counts;
  let max = 0;
  for (const a of shown) for (const b of shown) if (a.i !== b.i) max = Math.max(max, values[a.i]![b.i]!);
  const refs = new Map<string, CellRef>();
  const cells: MatrixCell[] = [];
  for (const a of shown) {
    for (const b of shown) {
      const v = values[a.i]![b.i]!;
      const key = `${a.codeGuid}|${b.codeGuid}`;
      const text = jaccard ? v.toFixed(2) : String(v);
      const how =
        a.i === b.i
          ? `${a.code}: ${r.counts[a.i]![a.i]} codings`
          : `${a.code} × ${b.code}: ${r.counts[a.i]![b.i]} co-occurring pairs, Jaccard ${r.jaccard[a.i]![b.i]!.toFixed(2)}`;
      refs.set(key, { cell: { kind: 'pair', codes: [a.codeGuid, b.codeGuid], mode: r.mode, distance: r.distance }, title: how });
      cells.push({
        key,
        row: a.codeGuid,
        column: b.codeGuid,
        shade: a.i === b.i ? 0 : max > 0 ? v / max : 0,
        text: a.i === b.i ? `(${text})` : text,
        title: how,
      });
    }
  }
  const axis = shown.map((c) => ({ key: c.codeGuid, label: leaf(c.code) }));
  return { axis, shown, cells, refs };
}

export function crosstabCells(r: CrosstabReport, counts: boolean) {
  const rows = r.rows.filter((x) => x.cells.some((c) => c.codings > 0));
  const refs = new Map<string, CellRef>();
  const cells: MatrixCell[] = [];
  let maxCodings = 0;
  for (const x of rows) for (const c of x.cells) maxCodings = Math.max(maxCodings, c.codings);
  for (const x of rows) {
    x.cells.forEach((c, j) => {
      const col = r.columns[j]!;
      const key = `${x.codeGuid}|${j}`;
      const title = `${x.code}, ${r.attribute.name} = ${col.label}: ${c.cases} of ${col.cases} cases (${pct(c.share)}), ${c.codings} coding${c.codings === 1 ? '' : 's'}`;
      refs.set(key, { cell: { kind: 'attribute', code: x.codeGuid, attribute: r.attribute.guid, value: col.value }, title });
      cells.push({
        key,
        row: x.codeGuid,
        column: String(j),
        shade: counts ? (maxCodings > 0 ? c.codings / maxCodings : 0) : c.share,
        text: counts ? String(c.codings) : pct(c.share),
        title,
      });
    });
  }
  const columns = r.columns.map((c, j) => ({ key: String(j), label: `${c.label} (${c.cases})` }));
  const axis = rows.map((x) => ({ key: x.codeGuid, label: leaf(x.code) }));
  return { rows, axis, columns, cells, refs };
}
