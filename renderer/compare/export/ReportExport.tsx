/**
 * The Report part of Compare coders: the shared choice (coders, unit, codes, documents), what the
 * report will hold and any reason it is thin, and one button per format. Every file comes from
 * `agreement.export`, the same call the CLI's --xlsx / --html use, so its numbers are the CLI's.
 */
import { useEffect, useState } from 'react';
import type { AgreementReport } from '../../../shared/agreement/reports.js';
import type { ReportFormat } from '../../../shared/agreement/export.js';
import { ApiCallError } from '../../api/client.js';
import { useWorkspace } from '../../workspace/context.js';
import { ChoiceBar } from '../ChoiceBar.js';
import { pairScope, type ComparePartProps } from '../choice.js';
import { downloadBase64 } from './download.js';
import { explainReportError, reportNotices } from './edge-cases.js';
import '../merge/merge.css';

const FORMATS: { id: ReportFormat; label: string; about: string }[] = [
  { id: 'xlsx', label: 'Excel (.xlsx)', about: 'one sheet per table, frozen headers, full-precision numbers' },
  { id: 'csv', label: 'CSV', about: 'UTF-8 with BOM, every table in one file, full precision' },
  { id: 'md', label: 'Markdown', about: 'rounded tables for notes and papers' },
  { id: 'html', label: 'HTML', about: 'one self-contained page with the chart, for sharing' },
];
const RESAMPLES = 1000;

export function ReportExport(props: ComparePartProps) {
  const { choice, coders } = props;
  const { api, version } = useWorkspace();
  const scope = pairScope(choice);
  const [preview, setPreview] = useState<{ report: AgreementReport } | { error: string } | null>(null);
  const [ci, setCi] = useState(false);
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const withCi = ci && choice.unit === 'character';
  const args = scope && {
    ...scope,
    unit: choice.unit,
    ...(choice.unit === 'segment' && { overlap: choice.overlap }),
    ...(withCi && { ci: { resamples: RESAMPLES, seed: 1 } }),
  };
  const key = JSON.stringify(args && { ...args, ci: undefined });

  useEffect(() => {
    if (!key || key === 'null') return setPreview(null);
    let live = true;
    const { ci: _ci, ...req } = JSON.parse(key) as NonNullable<typeof args>;
    api['agreement.report'](req).then(
      (report) => live && setPreview({ report }),
      (e: unknown) => live && setPreview({ error: explainReportError(e instanceof ApiCallError ? e.message : String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [api, key, version]);

  const run = async (format: ReportFormat) => {
    if (!args) return;
    setBusy(format);
    setError(null);
    setSaved(null);
    try {
      const file = await api['agreement.export']({ ...args, format });
      downloadBase64(file.name, file.mime, file.base64);
      setSaved(file.name);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  if (coders.length < 2) return <OneCoder coders={coders.map((c) => c.name)} />;
  const name = (g: string | null) => coders.find((c) => c.guid === g)?.name ?? '?';
  const report = preview && 'report' in preview ? preview.report : null;
  const scopePaths = props.codes.filter((c) => choice.codes.length === 0 || choice.codes.includes(c.guid)).map((c) => c.path);
  const notices = report ? reportNotices(report, props.docs, [name(choice.a), name(choice.b)], scopePaths) : [];
  const codes = report ? (report.unit === 'unitized' ? report.perCategory.length : report.codes.length) : 0;

  return (
    <div className="report-export">
      <ChoiceBar {...props} />
      <header className="compare-part-head">
        <h2>Agreement report</h2>
        <p className="meta">
          Coders, unit{choice.unit === 'segment' ? ' and overlap threshold' : ''}, every statistic by name with its band (α ≥ .800 reliable, ≥ .667 tentative;
          Krippendorff 2004), per code and per document, the disagreements, and every undefined value with its reason.
        </p>
      </header>
      {!scope && <p className="merge-error">Choose two different coders above.</p>}
      {preview && 'error' in preview && (
        <p className="merge-error" role="alert">
          {preview.error}
        </p>
      )}
      {report && (
        <p className="report-summary" data-testid="report-summary">
          <strong>{name(choice.a)}</strong> (A) and <strong>{name(choice.b)}</strong> (B) · {report.documentsCompared.length} documents compared · {codes} codes
        </p>
      )}
      {notices.length > 0 && (
        <ul className="report-notices" aria-label="About this report">
          {notices.map((n) => (
            <li key={n.kind} data-kind={n.kind}>
              {n.text}
            </li>
          ))}
        </ul>
      )}
      {choice.unit === 'character' && (
        <label className="report-ci">
          <input type="checkbox" checked={ci} onChange={(e) => setCi(e.target.checked)} /> Add 95% bootstrap intervals ({RESAMPLES} resamples of documents, seed
          1; slower)
        </label>
      )}
      <h3 className="report-export-title" id="report-export-as">
        Export as
      </h3>
      <div className="report-formats" role="group" aria-labelledby="report-export-as">
        {FORMATS.map((f) => (
          <button key={f.id} type="button" className="primary" disabled={!report || !!busy} title={f.about} onClick={() => void run(f.id)}>
            {f.label}
          </button>
        ))}
      </div>
      <ul className="report-format-notes meta">
        {FORMATS.map((f) => (
          <li key={f.id}>
            <strong>{f.label}</strong>: {f.about}
          </li>
        ))}
      </ul>
      {busy && (
        <div className="merge-progress" role="status">
          <progress aria-label={`Exporting ${busy}`} />
          <span>Computing and writing the {FORMATS.find((f) => f.id === busy)!.label} report…</span>
        </div>
      )}
      {saved && !busy && (
        <p className="meta" role="status">
          Saved as <span className="mono">{saved}</span> (your downloads folder).
        </p>
      )}
      {error && (
        <p className="merge-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function OneCoder({ coders }: { coders: string[] }) {
  return (
    <div className="report-export compare-empty" data-testid="one-coder">
      <h2>An agreement report needs two coders</h2>
      <p>
        {coders.length === 1 ? (
          <>
            This project has one coder, <strong>{coders[0]}</strong>.
          </>
        ) : (
          'This project has no coders yet.'
        )}{' '}
        Agreement compares two people who coded the same transcripts independently.
      </p>
      <ol>
        <li>Give the second coder a copy of this project file (or the same transcripts in a project of their own).</li>
        <li>They code it under their own name.</li>
        <li>
          Bring their file in under{' '}
          <button type="button" className="link" onClick={() => document.getElementById('compare-merge')?.click()}>
            Merge a coder’s project
          </button>{' '}
          (or File → Merge a Coder’s Project, or <code>marginalia merge</code>).
        </li>
      </ol>
    </div>
  );
}
