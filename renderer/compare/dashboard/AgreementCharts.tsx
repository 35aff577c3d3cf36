/**
 * The dashboard's charts: the chosen coefficient per code (dots, bootstrap whiskers when
 * computed, the band thresholds as rules) and the code × document heatmap whose cells open the
 * disagreements of that code in that document.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { ChartFigure } from './ChartFigure.js';
import { STAT_NAME, codeAxis, dotData, heatCells } from './chart-data.js';
import { dotChart, heatmap } from './charts.js';
import type { AgreementModel, StatId } from './model.js';

interface Props {
  model: AgreementModel;
  describedBy: string;
  fileParts: readonly string[];
  /** Both charts of this model are drawn. */
  onPainted(): void;
  onCell(codeGuid: string | null, document: string): void;
}

export function AgreementCharts({ model, describedBy, fileParts, onPainted, onCell }: Props) {
  const [wanted, setWanted] = useState<StatId | null>(null);
  const stat = wanted && model.chartStats.includes(wanted) ? wanted : model.chartStats[0]!;
  const axis = useMemo(() => codeAxis(model.rows), [model.rows]);
  const dots = useMemo(() => dotData(model, stat), [model, stat]);
  const cells = useMemo(() => heatCells(model, stat), [model, stat]);
  const hasHeatmap = model.unit !== 'unitized';

  // Report "painted" once every chart has been drawn for this model and statistic.
  const drawn = useRef(new Map<string, unknown>());
  const token = useMemo(() => ({ model, stat }), [model, stat]);
  const painted = useCallback(
    (which: string) => {
      drawn.current.set(which, token);
      if (drawn.current.get('dots') === token && (!hasHeatmap || drawn.current.get('heat') === token)) onPainted();
    },
    [token, hasHeatmap, onPainted],
  );
  const dotsPainted = useCallback(() => painted('dots'), [painted]);
  const heatPainted = useCallback(() => painted('heat'), [painted]);

  const buildDots = useCallback((w: number) => dotChart(axis, dots.dots, stat, w), [axis, dots, stat]);
  const buildHeat = useCallback((w: number) => heatmap(axis, model.documents, cells, w), [axis, model.documents, cells]);
  const onLink = useCallback(
    (href: string) => {
      const m = /^#cell:(\d+):(\d+)$/.exec(href);
      const row = m ? model.rows[Number(m[1])] : undefined;
      const doc = m ? model.documents[Number(m[2])] : undefined;
      if (row && doc !== undefined) onCell(row.guid, doc);
    },
    [model, onCell],
  );

  const statPicker =
    model.chartStats.length > 1 ? (
      <select aria-label="Statistic in the charts" value={stat} onChange={(e) => setWanted(e.target.value as StatId)}>
        {model.chartStats.map((s) => (
          <option key={s} value={s}>
            {STAT_NAME[s]}
          </option>
        ))}
      </select>
    ) : null;
  const leftOut = dots.undefinedCodes.length ? `; ${dots.undefinedCodes.length} undefined, not drawn (see the table)` : '';
  const heatSummary =
    model.unit === 'document'
      ? 'who used each code in each document (A+B: both, A or B: one of them, empty: neither); choose a cell to review its disagreements'
      : `${STAT_NAME[stat]} per code in each document, coloured by band; choose a cell to review its disagreements`;

  return (
    <div className="agreement-charts">
      <ChartFigure
        testId="agreement-chart"
        title={`${STAT_NAME[stat]} per code`}
        summary={`pooled over documents${model.ci ? ', with 95% bootstrap intervals' : ''}; dashed rules at 0.667 and 0.800${leftOut}`}
        describedBy={describedBy}
        fileParts={[...fileParts, stat, 'per-code']}
        build={buildDots}
        onPainted={dotsPainted}
        controls={statPicker}
      />
      {hasHeatmap && (
        <ChartFigure
          testId="agreement-heatmap"
          title="Code × document"
          summary={heatSummary}
          describedBy={describedBy}
          fileParts={[...fileParts, stat, 'heatmap']}
          build={buildHeat}
          onPainted={heatPainted}
          onLink={onLink}
        />
      )}
    </div>
  );
}
