/**
 * The agreement dashboard (Compare coders → Agreement): the choice bar, the table, and the two
 * charts, all from one `agreement.report` call per choice — the call `marginalia agreement
 * --json` makes, so every number here is the CLI's. data-ready="true" on the root once the
 * table and both charts for the current choice are on screen (the benchmark waits for it).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { AgreementReport } from '../../../shared/agreement/reports.js';
import { useWorkspace } from '../../workspace/context.js';
import { ChoiceBar, UNIT_LABEL } from '../ChoiceBar.js';
import { pairScope, type ComparePartProps } from '../choice.js';
import { AgreementTable } from './AgreementTable.js';
import { AgreementCharts } from './AgreementCharts.js';
import { Legend } from './Legend.js';
import { shapeReport } from './model.js';
import './dashboard.css';

/** Bootstrap settings, the CLI's `--ci 1000 --seed 1`. */
export const CI = { resamples: 1000, seed: 1 } as const;

type Loaded = { key: string; report: AgreementReport; error?: undefined } | { key: string; report?: undefined; error: string };

export function AgreementDashboard(props: ComparePartProps & { onReview(): void }) {
  const { choice, onChoice, coders, codes, docs, onReview } = props;
  const { api, version } = useWorkspace();
  const [withCi, setWithCi] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [painted, setPainted] = useState('');
  const scope = pairScope(choice);
  const ci = withCi && choice.unit === 'character';
  const args = scope && { ...scope, unit: choice.unit, ...(choice.unit === 'segment' && { overlap: choice.overlap }), ...(ci && { ci: CI }) };
  // Changes made elsewhere (e.g. consensus decisions in the review) are read when the dashboard is next shown, not while hidden.
  const root = useRef<HTMLDivElement>(null);
  const visible = useShown(root);
  const seen = useRef(version);
  if (visible) seen.current = version;
  const key = JSON.stringify([args, seen.current]);
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    if (!args) return;
    api['agreement.report'](args).then(
      (report) => latest.current === key && setLoaded({ key, report }),
      (e: unknown) => latest.current === key && setLoaded({ key, error: e instanceof Error ? e.message : String(e) }),
    );
    // `key` stands for `args` (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);

  const report = loaded?.report;
  const model = useMemo(() => (report ? shapeReport(report, codes) : null), [report, codes]);
  const loadedKey = loaded?.key ?? '';
  const onPainted = useCallback(() => setPainted(loadedKey), [loadedKey]);
  const name = (guid: string | null) => coders.find((c) => c.guid === guid)?.name ?? '?';
  const fileParts = [name(choice.a), name(choice.b), choice.unit, ...(choice.unit === 'segment' ? [`${choice.overlap}pct`] : [])];
  const busy = scope !== null && loadedKey !== key;
  const ready =
    !busy &&
    loaded !== null &&
    (loaded.error !== undefined || (model !== null && (model.rows.length === 0 || model.documents.length === 0 || painted === key)));

  const openCell = useCallback(
    (code: string | null, document: string) => {
      const doc = docs.find((d) => d.name === document);
      onChoice({ ...choice, codes: code ? [code] : [], documents: doc ? [doc.guid] : [] });
      onReview();
    },
    [choice, docs, onChoice, onReview],
  );

  if (coders.length < 2) return <OneCoder coders={coders.map((c) => c.name)} />;

  const caption = model
    ? `Agreement of ${name(choice.a)} (A) and ${name(choice.b)} (B) per code, unit: ${UNIT_LABEL[model.unit].toLowerCase()}${model.unit === 'segment' ? ` (overlap ≥ ${choice.overlap} %)` : ''}, over ${model.documents.length} document${model.documents.length === 1 ? '' : 's'}`
    : '';

  return (
    <div ref={root} className="agreement-dashboard" data-ready={ready ? 'true' : 'false'} aria-busy={busy}>
      <ChoiceBar choice={choice} onChoice={onChoice} coders={coders} codes={codes} docs={docs} />
      <div className="dash-strip">
        <Legend />
        {choice.unit === 'character' && (
          <label
            className="ci-toggle"
            title={`Bootstrap: ${CI.resamples} resamples of the documents, seed ${CI.seed} (as --ci ${CI.resamples} --seed ${CI.seed})`}
          >
            <input type="checkbox" checked={withCi} onChange={(e) => setWithCi(e.target.checked)} /> 95% intervals
          </label>
        )}
        {busy && (
          <span className="dash-progress" role="status">
            <progress aria-label={ci ? 'Computing 95% bootstrap intervals' : 'Computing agreement'} />
            {ci ? `Computing 95% intervals (${CI.resamples.toLocaleString('en-US')} resamples)…` : 'Computing…'}
          </span>
        )}
      </div>
      {!scope && <p className="hint">Choose two different coders to compare.</p>}
      {loaded?.error && scope && (
        <p className="dash-error" role="alert">
          {loaded.error}
        </p>
      )}
      {model && scope && !loaded?.error && (
        <div className={`dash-body${busy ? ' stale' : ''}`}>
          {model.documents.length === 0 ? (
            <div className="dash-empty">
              <p>
                {model.excluded.length > 0
                  ? `No document can be compared at this unit (${model.excluded.length} left out):`
                  : `${name(choice.a)} and ${name(choice.b)} share no document in this scope, so there is nothing to compare.`}
              </p>
              {model.excluded.length > 0 && (
                <ul>
                  {model.excluded.slice(0, 5).map((x) => (
                    <li key={x.document}>
                      {x.document}: {x.reason}
                    </li>
                  ))}
                  {model.excluded.length > 5 && <li>and {model.excluded.length - 5} more</li>}
                </ul>
              )}
            </div>
          ) : (
            <>
              <AgreementTable model={model} caption={caption} captionId="agreement-caption" onReview={openCell} />
              {model.excluded.length > 0 && (
                <p className="hint">
                  Left out:{' '}
                  {model.excluded
                    .slice(0, 5)
                    .map((x) => `${x.document} (${x.reason})`)
                    .join('; ')}
                  {model.excluded.length > 5 && ` and ${model.excluded.length - 5} more`}
                </p>
              )}
              {model.rows.length > 0 && (
                <AgreementCharts model={model} describedBy="agreement-caption" fileParts={fileParts} onPainted={onPainted} onCell={openCell} />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** Whether the element is laid out (its tab panel is not hidden); a hidden element has no size. */
function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setShown(el.offsetWidth > 0 || el.offsetHeight > 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return shown;
}

function OneCoder({ coders }: { coders: string[] }) {
  return (
    <div className="dash-empty one-coder">
      <h2>Comparing needs two coders</h2>
      <p>
        This project has {coders.length === 0 ? 'no coder yet' : `one coder, ${coders[0]}`}. A second coder codes the same documents independently, in their own
        copy of the project file; then merge their file into this one.
      </p>
      <ol>
        <li>Give the second coder a copy of this project file; they code in it as themselves.</li>
        <li>
          Merge their file: the <strong>Merge a coder’s project</strong> tab above (or File → Merge a Coder’s Project in the desktop app, or{' '}
          <code>marginalia merge</code>). A backup is made first.
        </li>
        <li>Come back here: both coders appear in the choice bar.</li>
      </ol>
      <button type="button" onClick={() => document.getElementById('compare-merge')?.click()}>
        Merge a coder’s project…
      </button>
    </div>
  );
}
