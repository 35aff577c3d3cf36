/**
 * File → Export themed excerpts…: choose the themes (a subtree or a list of codes), whose
 * codings, which documents or cases, the template and the format, the attributes named in each
 * attribution, and pseudonymisation; the dialog says what the file will hold before it is made,
 * shows a progress bar while a large export is written, and the browser downloads the file.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CasesView, CodeWithCounts, CoderWithCounts, DocumentListItem } from '../../shared/api/types.js';
import { EXCERPT_FORMATS, EXCERPT_TEMPLATES, FORMAT_LABELS, TEMPLATE_LABELS, type ExcerptPreview } from '../../shared/excerpts/types.js';
import { ApiCallError } from '../api/client.js';
import { downloadBase64 } from '../compare/export/download.js';
import { useWorkspace } from '../workspace/context.js';
import { Dialog } from '../workspace/Dialog.js';
import type { FileDialogProps } from '../workspace/file-dialog.js';
import { exportArgs, initialChoice, type ExcerptChoice, type ExcerptPreset } from './choice.js';
import './excerpts.css';

const TEMPLATE_ABOUT = {
  snippet: 'each theme: definition, prevalence, its quotes attributed',
  glance: 'one page: key words, what we found, what we did (sections from the project memo)',
  table: 'one row per coded segment with offsets, coder and memo',
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function toggle(list: string[], item: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

interface Data {
  codes: CodeWithCounts[];
  coders: CoderWithCounts[];
  documents: DocumentListItem[];
  cases: CasesView;
}

export function ExcerptDialog({ onClose, preset }: FileDialogProps & { preset?: ExcerptPreset }) {
  const { api, viewer, notify } = useWorkspace();
  const [data, setData] = useState<Data | null>(null);
  const [choice, setChoice] = useState<ExcerptChoice | null>(null);
  const [preview, setPreview] = useState<ExcerptPreview | { error: string } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; stage: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ExcerptChoice>) => setChoice((c) => (c ? { ...c, ...patch } : c));

  useEffect(() => {
    let live = true;
    Promise.all([api['codebook.list']({}), api['coders.list'](), api['documents.list'](), api['cases.list']()]).then(
      ([codes, coders, documents, cases]) => {
        if (!live) return;
        setData({ codes, coders, documents, cases });
        setChoice(
          initialChoice(
            codes.find((c) => !c.path.includes('/'))?.guid ?? '',
            cases.attributes.map((a) => a.name),
          ),
        );
      },
      (e: unknown) => live && setError(e instanceof ApiCallError ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const args = choice ? exportArgs(choice, preset, viewer) : null;
  const key = args && !('problem' in args) ? JSON.stringify(args) : '';
  useEffect(() => {
    if (!key) return setPreview(null);
    let live = true;
    const t = setTimeout(() => {
      api['excerpts.preview'](JSON.parse(key)).then(
        (p) => live && setPreview(p),
        (e: unknown) => live && setPreview({ error: e instanceof ApiCallError ? e.message : String(e) }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, key]);

  const values = useMemo(() => {
    if (!data || !choice?.attribute) return [];
    return [...new Set(data.cases.cases.map((c) => c.attributes[choice.attribute] ?? '').filter(Boolean))].sort();
  }, [data, choice?.attribute]);

  const start = async () => {
    if (!choice || !key) return;
    const job = `excerpts-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setError(null);
    setProgress({ done: 0, total: 0, stage: 'collecting' });
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, 200));
        if (!polling) break;
        const p = await api['excerpts.progress']({ job }).catch(() => null);
        if (polling && p && p.stage !== 'unknown') setProgress(p);
      }
    };
    void poll();
    try {
      const file = await api['excerpts.export']({ ...JSON.parse(key), format: choice.format, job });
      downloadBase64(file.name, file.mime, file.base64);
      notify(`Exported ${plural(file.quotes, 'quote')} in ${plural(file.themes, 'theme')} to ${file.name}`);
      onClose();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      polling = false;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const problem = args && 'problem' in args ? args.problem : null;
  const ready = !!key && preview !== null && !('error' in preview) && preview.quotes > 0;

  return (
    <Dialog
      title="Export themed excerpts"
      onCancel={onClose}
      className="excerpt-dialog"
      actions={
        <>
          <div className="excerpt-foot">
            <p className="excerpt-summary" role="status" data-testid="excerpt-summary">
              {problem ??
                (preview === null
                  ? 'Counting…'
                  : 'error' in preview
                    ? preview.error
                    : preview.quotes === 0
                      ? 'Nothing to export: no coded segments match these choices.'
                      : `${plural(preview.themes, 'theme')}, ${plural(preview.quotes, 'quote')}${preview.codings > preview.quotes ? ` (${preview.codings} codings)` : ''} from ${plural(preview.documents, 'document')} and ${plural(preview.cases, 'case')}.`)}
            </p>
            {progress && (
              <div className="excerpt-progress">
                <progress
                  aria-label="Export progress"
                  {...(progress.total > 0 && { max: progress.total, value: progress.stage === 'writing' ? progress.done : 0 })}
                />
                <span className="meta">
                  {progress.stage === 'collecting' ? 'Collecting the quotes…' : `Writing themes: ${progress.done} of ${progress.total}`}
                </span>
              </div>
            )}
            {error && (
              <p className="excerpt-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="button" className="primary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="primary excerpt-go" onClick={() => void start()} disabled={!ready || busy}>
            Export {choice ? FORMAT_LABELS[choice.format].replace(/ \(.*/, '') : ''}
          </button>
        </>
      }
    >
      {!data || !choice ? (
        <p className="meta">{error ?? 'Loading the code book…'}</p>
      ) : (
        <div className="excerpt-form">
          {preset ? (
            <p className="excerpt-preset">{preset.label}</p>
          ) : (
            <>
              <fieldset>
                <legend>Themes</legend>
                <div className="excerpt-row" role="radiogroup" aria-label="How to choose the codes">
                  <label>
                    <input type="radio" name="code-mode" checked={choice.codeMode === 'subtree'} onChange={() => set({ codeMode: 'subtree' })} /> A code and
                    everything under it
                  </label>
                  <label>
                    <input type="radio" name="code-mode" checked={choice.codeMode === 'list'} onChange={() => set({ codeMode: 'list' })} /> A list of codes
                  </label>
                </div>
                {choice.codeMode === 'subtree' ? (
                  <label className="excerpt-field">
                    <span>Code</span>
                    <select aria-label="Code" value={choice.subtree} onChange={(e) => set({ subtree: e.target.value })}>
                      {data.codes.map((c) => (
                        <option key={c.guid} value={c.guid}>
                          {'\u00A0\u00A0'.repeat(c.path.split('/').length - 1)}
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <ul className="excerpt-checks" aria-label="Codes">
                    {data.codes.map((c) => (
                      <li key={c.guid} style={{ paddingLeft: `${(c.path.split('/').length - 1) * 1.1}rem` }}>
                        <label>
                          <input
                            type="checkbox"
                            checked={choice.list.includes(c.guid)}
                            onChange={(e) => set({ list: toggle(choice.list, c.guid, e.target.checked) })}
                          />{' '}
                          {c.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </fieldset>
              <fieldset>
                <legend>Whose codings and which data</legend>
                <div className="excerpt-pair">
                  <label className="excerpt-field">
                    <span>Coder</span>
                    <select aria-label="Coder" value={choice.whose} onChange={(e) => set({ whose: e.target.value })}>
                      <option value="all">All coders</option>
                      {data.coders.map((c) => (
                        <option key={c.guid} value={c.guid}>
                          {c.name}
                        </option>
                      ))}
                      <option value="consensus">The consensus coder</option>
                    </select>
                  </label>
                  <label className="excerpt-field">
                    <span>From</span>
                    <select aria-label="From" value={choice.scope} onChange={(e) => set({ scope: e.target.value as ExcerptChoice['scope'] })}>
                      <option value="all">Every document</option>
                      <option value="documents">Some documents</option>
                      <option value="cases">Some cases</option>
                      <option value="attribute" disabled={data.cases.attributes.length === 0}>
                        Cases with an attribute value
                      </option>
                    </select>
                  </label>
                </div>
                {choice.scope === 'documents' && (
                  <ul className="excerpt-checks" aria-label="Documents">
                    {data.documents.map((d) => (
                      <li key={d.guid}>
                        <label>
                          <input
                            type="checkbox"
                            checked={choice.documents.includes(d.guid)}
                            onChange={(e) => set({ documents: toggle(choice.documents, d.guid, e.target.checked) })}
                          />{' '}
                          {d.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
                {choice.scope === 'cases' && (
                  <ul className="excerpt-checks" aria-label="Cases">
                    {data.cases.cases.map((c) => (
                      <li key={c.guid}>
                        <label>
                          <input
                            type="checkbox"
                            checked={choice.cases.includes(c.guid)}
                            onChange={(e) => set({ cases: toggle(choice.cases, c.guid, e.target.checked) })}
                          />{' '}
                          {c.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
                {choice.scope === 'attribute' && (
                  <div className="excerpt-row">
                    <label className="excerpt-field">
                      <span>Attribute</span>
                      <select aria-label="Attribute" value={choice.attribute} onChange={(e) => set({ attribute: e.target.value, value: '' })}>
                        <option value="">Choose…</option>
                        {data.cases.attributes.map((a) => (
                          <option key={a.name}>{a.name}</option>
                        ))}
                      </select>
                    </label>
                    <label className="excerpt-field">
                      <span>is</span>
                      <select aria-label="Attribute value" value={choice.value} onChange={(e) => set({ value: e.target.value })} disabled={!choice.attribute}>
                        <option value="">Choose…</option>
                        {values.map((v) => (
                          <option key={v}>{v}</option>
                        ))}
                      </select>
                    </label>
                  </div>
                )}
              </fieldset>
            </>
          )}
          <fieldset>
            <legend>Report</legend>
            <div className="excerpt-pair">
              <label className="excerpt-field">
                <span>Template</span>
                <select
                  aria-label="Template"
                  value={choice.template}
                  onChange={(e) => set({ template: e.target.value as ExcerptChoice['template'] })}
                  aria-describedby="excerpt-template-about"
                >
                  {EXCERPT_TEMPLATES.map((t) => (
                    <option key={t} value={t}>
                      {TEMPLATE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="excerpt-field">
                <span>Format</span>
                <select aria-label="Format" value={choice.format} onChange={(e) => set({ format: e.target.value as ExcerptChoice['format'] })}>
                  {EXCERPT_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {FORMAT_LABELS[f]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="meta excerpt-about" id="excerpt-template-about">
              {TEMPLATE_LABELS[choice.template]}: {TEMPLATE_ABOUT[choice.template]}.
            </p>
            {data.cases.attributes.length > 0 && (
              <div className="excerpt-attrs" role="group" aria-label="Attributes named in each attribution">
                <span className="excerpt-label">Attributions</span>
                <div className="excerpt-row">
                  {data.cases.attributes.map((a) => (
                    <label key={a.name}>
                      <input
                        type="checkbox"
                        checked={choice.attributes.includes(a.name)}
                        onChange={(e) => set({ attributes: toggle(choice.attributes, a.name, e.target.checked) })}
                      />{' '}
                      {a.name}
                    </label>
                  ))}
                </div>
              </div>
            )}
            <div className="excerpt-row">
              <label>
                <input type="checkbox" checked={choice.speakers} onChange={(e) => set({ speakers: e.target.checked })} /> Keep speaker labels in quotes
              </label>
              <label>
                <input type="checkbox" checked={choice.memos} onChange={(e) => set({ memos: e.target.checked })} /> Include coding memos
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Pseudonymise</legend>
            <label>
              <input type="checkbox" checked={choice.pseudonymise} onChange={(e) => set({ pseudonymise: e.target.checked })} /> Replace names in this export
              (the project is not changed)
            </label>
            {choice.pseudonymise && (
              <label className="excerpt-field excerpt-pseudonyms">
                <span>One per line: find,replace. A case name relabels that case; other cases become “Participant N”.</span>
                <textarea
                  rows={3}
                  value={choice.pseudonyms}
                  placeholder={'CO-01,Officer A\nÉmilie,[officer]'}
                  onChange={(e) => set({ pseudonyms: e.target.value })}
                />
              </label>
            )}
          </fieldset>
        </div>
      )}
    </Dialog>
  );
}
