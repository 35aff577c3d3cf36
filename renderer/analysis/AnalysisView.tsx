/**
 * The Analysis view: frequencies and prevalence, co-occurrence and cross-tabs by case attribute,
 * each as a chart (saved as SVG or PNG) over its table, and the passages behind any bar or cell.
 * `data-ready` turns true once the chart of the current report is painted (tests and the bench wait for it).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisOptions, CooccurrenceMode, CooccurrenceReport, CrosstabReport, FrequencyReport, PassageList } from '../../shared/analysis/types.js';
import { ChartFigure } from '../compare/dashboard/ChartFigure.js';
import { useWorkspace } from '../workspace/context.js';
import { CooccurrenceTable, CrosstabTable, FrequencyTable } from './AnalysisTables.js';
import { matrixChart, prevalenceBars } from './charts.js';
import { cooccurrenceCells, crosstabCells, frequencyBars, type CellRef, type Tab } from './model.js';
import { PassagePanel } from './PassagePanel.js';
import './analysis.css';

type Report = { tab: 'frequencies'; r: FrequencyReport } | { tab: 'cooccurrence'; r: CooccurrenceReport } | { tab: 'crosstab'; r: CrosstabReport };
type Loaded = { key: string; report?: Report; error?: string };

const TABS: { id: Tab; label: string }[] = [
  { id: 'frequencies', label: 'Prevalence' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
  { id: 'crosstab', label: 'Cross-tab' },
];

export function AnalysisView({ onShowTranscript }: { onShowTranscript?: () => void }) {
  const { api, version, openDocument, viewer } = useWorkspace();
  const [options, setOptions] = useState<AnalysisOptions | null>(null);
  const [tab, setTab] = useState<Tab>('frequencies');
  const [who, setWho] = useState('all');
  const [subcodes, setSubcodes] = useState(true);
  const [mode, setMode] = useState<CooccurrenceMode>('overlap');
  const [distance, setDistance] = useState(200);
  const [jaccard, setJaccard] = useState(false);
  // A 100 × 100 matrix is neither readable nor quick to draw: the most used codes first.
  const [top, setTop] = useState(20);
  const [attribute, setAttribute] = useState('');
  const [counts, setCounts] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [painted, setPainted] = useState('');
  const [picked, setPicked] = useState<CellRef | null>(null);
  const [passages, setPassages] = useState<{ list: PassageList | null; error: string | null }>({ list: null, error: null });

  useEffect(() => {
    api['analysis.options']({}).then(setOptions, () => setOptions({ coders: [], attributes: [], unit: 'document' }));
  }, [api, version]);
  const attr = attribute || options?.attributes[0]?.guid || '';

  const scope = useMemo(() => {
    const base = { subcodes, ...(viewer && { viewer }) };
    if (who === 'all') return base;
    if (who.startsWith('consensus:')) return { ...base, consensus: who.slice('consensus:'.length) };
    return { ...base, coders: [who] };
  }, [who, subcodes, viewer]);
  const key = JSON.stringify([tab, scope, mode, distance, attr, version]);
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    if (!options) return;
    const done = (report: Report) => latest.current === key && setLoaded({ key, report });
    const failed = (e: unknown) => latest.current === key && setLoaded({ key, error: e instanceof Error ? e.message : String(e) });
    if (tab === 'frequencies') api['analysis.frequencies'](scope).then((r) => done({ tab, r }), failed);
    else if (tab === 'cooccurrence')
      api['analysis.cooccurrence']({ ...scope, mode, ...(mode === 'near' && { distance }) }).then((r) => done({ tab, r }), failed);
    else if (!attr)
      setLoaded({ key, error: 'This project has no case attributes yet: import them (File → Import case attributes, or marginalia attributes import).' });
    else api['analysis.crosstab']({ ...scope, attribute: attr }).then((r) => done({ tab, r }), failed);
    // `key` stands for the arguments.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, options]);

  const pick = useCallback(
    (ref: CellRef) => {
      setPicked(ref);
      setPassages({ list: null, error: null });
      api['analysis.passages']({ ...scope, cell: ref.cell }).then(
        (list) => setPassages({ list, error: null }),
        (e: unknown) => setPassages({ list: null, error: e instanceof Error ? e.message : String(e) }),
      );
    },
    [api, scope],
  );

  const report = loaded?.key === key ? loaded.report : undefined;
  const error = loaded?.key === key ? loaded.error : undefined;
  const onPainted = useCallback(() => setPainted(key), [key]);

  const chart = useMemo(() => {
    if (!report) return null;
    if (report.tab === 'frequencies') {
      const { bars, cells } = frequencyBars(report.r);
      return {
        empty: bars.length === 0,
        refs: cells,
        title: 'Prevalence',
        summary: `Share of ${report.r.unit.label} with at least one coding, of ${report.r.unit.total}`,
        build: (w: number) => prevalenceBars(bars, `share of ${report.r.unit.label}`, w),
        file: ['prevalence', report.r.unit.label],
      };
    }
    if (report.tab === 'cooccurrence') {
      const m = cooccurrenceCells(report.r, jaccard, top);
      const how =
        report.r.mode === 'overlap' ? 'overlapping' : report.r.mode === 'turn' ? 'in the same speaker turn' : `within ${report.r.distance} characters`;
      return {
        empty: m.axis.length === 0,
        refs: m.refs,
        title: 'Co-occurrence',
        summary: `${jaccard ? 'Jaccard share' : 'Pairs of codings'} ${how}, same coder and document`,
        build: (w: number) => matrixChart(m.axis, m.axis, m.cells, w),
        file: ['cooccurrence', report.r.mode, jaccard ? 'jaccard' : 'counts'],
      };
    }
    const m = crosstabCells(report.r, counts);
    return {
      empty: m.axis.length === 0,
      refs: m.refs,
      title: `Cross-tab by ${report.r.attribute.name}`,
      summary: counts ? 'Codings per value' : `Share of the cases with each value that have a coding`,
      build: (w: number) => matrixChart(m.axis, m.columns, m.cells, w),
      file: ['crosstab', report.r.attribute.name, counts ? 'codings' : 'cases'],
    };
  }, [report, jaccard, counts, top]);

  const onLink = useCallback(
    (href: string) => {
      const ref = chart?.refs.get(href.replace(/^#p:/, ''));
      if (ref) pick(ref);
    },
    [chart, pick],
  );

  const ready = (error !== undefined && loaded?.key === key) || (chart !== null && (chart.empty || painted === key));
  const tableId = `analysis-table-${tab}`;
  const coders = options?.coders ?? [];
  // Co-occurrence counts pairs of codings: no unit to state.
  const unitNote =
    report && report.tab !== 'cooccurrence'
      ? report.r.unit.kind === 'case'
        ? `Prevalence counts ${report.r.unit.total} cases${report.r.unit.documentsWithoutCase ? ` (${report.r.unit.documentsWithoutCase} document${report.r.unit.documentsWithoutCase === 1 ? '' : 's'} without a case count in codings and documents only)` : ''}`
        : `No document has a case: prevalence counts ${report.r.unit.total} documents`
      : '';

  return (
    <section className="analysis" aria-label="Analysis" data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      <div className="analysis-bar">
        <div className="analysis-tabs" role="group" aria-label="Report">
          {TABS.map((t) => (
            <button key={t.id} type="button" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <label>
          Coders{' '}
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="all">All coders</option>
            {coders
              .filter((c) => !c.consensus)
              .map((c) => (
                <option key={c.guid} value={c.guid}>
                  {c.name}
                </option>
              ))}
            {coders
              .filter((c) => c.consensus)
              .map((c) => (
                <option key={c.guid} value={`consensus:${c.guid}`}>
                  {c.name} (consensus)
                </option>
              ))}
          </select>
        </label>
        {tab !== 'cooccurrence' && (
          <label className="check">
            <input type="checkbox" checked={subcodes} onChange={(e) => setSubcodes(e.target.checked)} /> Count sub-codes under parents
          </label>
        )}
        {tab === 'cooccurrence' && (
          <>
            <label>
              Co-occur when{' '}
              <select value={mode} onChange={(e) => setMode(e.target.value as CooccurrenceMode)}>
                <option value="overlap">codings overlap</option>
                <option value="turn">in the same speaker turn</option>
                <option value="near">within N characters</option>
              </select>
            </label>
            {mode === 'near' && (
              <label>
                N <input type="number" min={0} step={50} value={distance} onChange={(e) => setDistance(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
              </label>
            )}
            <label>
              Codes{' '}
              <select value={top} onChange={(e) => setTop(Number(e.target.value))}>
                <option value={20}>20 most used</option>
                <option value={40}>40 most used</option>
                <option value={0}>all used</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={jaccard} onChange={(e) => setJaccard(e.target.checked)} /> Jaccard
            </label>
          </>
        )}
        {tab === 'crosstab' && (
          <>
            <label>
              Attribute{' '}
              <select value={attr} onChange={(e) => setAttribute(e.target.value)} disabled={!options?.attributes.length}>
                {options?.attributes.map((a) => (
                  <option key={a.guid} value={a.guid}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={counts} onChange={(e) => setCounts(e.target.checked)} /> Codings instead of cases
            </label>
          </>
        )}
        <span className="meta analysis-unit">{unitNote}</span>
      </div>
      <div className="analysis-body">
        <div className="analysis-main">
          {error && <p role="alert">{error}</p>}
          {!report && !error && <p className="meta">Counting…</p>}
          {chart?.empty && <p className="meta">Nothing is coded in this scope yet.</p>}
          {chart && !chart.empty && (
            <ChartFigure
              key={tab}
              testId={`analysis-chart-${tab}`}
              title={chart.title}
              summary={chart.summary}
              describedBy={tableId}
              fileParts={chart.file}
              build={chart.build}
              onPainted={onPainted}
              onLink={onLink}
            />
          )}
          {report?.tab === 'frequencies' && <FrequencyTable report={report.r} id={tableId} onPick={pick} />}
          {report?.tab === 'cooccurrence' && <CooccurrenceTable report={report.r} jaccard={jaccard} top={top} id={tableId} onPick={pick} />}
          {report?.tab === 'crosstab' && <CrosstabTable report={report.r} counts={counts} id={tableId} onPick={pick} />}
        </div>
        <PassagePanel
          title={picked?.title ?? null}
          list={passages.list}
          error={passages.error}
          onClose={() => setPicked(null)}
          onOpen={(guid, span) => {
            openDocument(guid, span);
            onShowTranscript?.();
          }}
        />
      </div>
    </section>
  );
}
