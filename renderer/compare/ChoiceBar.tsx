/**
 * The one bar every part of Compare coders shows: which two coders, at which unit (with the
 * segment overlap threshold), over which codes and documents. It only edits the shared choice;
 * the part below it decides what to do with it.
 */
import { useEffect, useMemo, useState } from 'react';
import { AGREEMENT_UNITS, type AgreementUnit } from '../../shared/agreement/reports.js';
import type { CasesView } from '../../shared/api/types.js';
import { useWorkspace } from '../workspace/context.js';
import type { ComparePartProps } from './choice.js';
import { attributeChoices, defaultPair, docsBothCoded, docsWithAttribute, isConsensus, subtree, subtreeRoot } from './dashboard/scope.js';

export const UNIT_LABEL: Record<AgreementUnit, string> = {
  character: 'Character',
  turn: 'Speaker turn',
  segment: 'Segment',
  document: 'Document presence',
  unitized: 'Unitized',
};
const UNIT_HINT: Record<AgreementUnit, string> = {
  character: 'Every character is one decision per coder',
  turn: 'A speaker turn counts as coded if any character of it is',
  segment: 'Coded segments matched when they overlap by at least the threshold',
  document: 'Did each coder use the code anywhere in the document',
  unitized: 'Krippendorff’s unitized α family over the chosen codes as one variable (they must not overlap)',
};

export function ChoiceBar({ choice, onChoice, coders, codes, docs }: ComparePartProps) {
  const { api } = useWorkspace();
  const [cases, setCases] = useState<CasesView | null>(null);
  const [overlap, setOverlap] = useState(choice.overlap);

  useEffect(() => {
    if (choice.a !== null || choice.b !== null) return;
    const pair = defaultPair(coders);
    if (pair) onChoice({ ...choice, a: pair[0], b: pair[1] });
  }, [choice, coders, onChoice]);
  useEffect(() => {
    api['cases.list']().then(setCases, () => setCases({ attributes: [], cases: [] }));
  }, [api]);
  useEffect(() => setOverlap(choice.overlap), [choice.overlap]);
  useEffect(() => {
    if (overlap === choice.overlap) return;
    const t = setTimeout(() => onChoice({ ...choice, overlap }), 200);
    return () => clearTimeout(t);
  }, [overlap, choice, onChoice]);

  const both = useMemo(() => docsBothCoded(docs, choice.a, choice.b), [docs, choice.a, choice.b]);
  const attributes = useMemo(() => (cases ? attributeChoices(cases) : []), [cases]);
  const codeRoot = subtreeRoot(codes, choice.codes);

  if (coders.length < 2)
    return <p className="choice-bar-note">Comparing needs two coders; this project has {coders.length === 1 ? `one (${coders[0]!.name})` : 'none'}.</p>;

  const coderSelect = (which: 'a' | 'b') => (
    <label className="choice-field">
      <span>Coder {which.toUpperCase()}</span>
      <select
        aria-label={`Coder ${which.toUpperCase()}`}
        value={choice[which] ?? ''}
        onChange={(e) => onChoice({ ...choice, [which]: e.target.value || null })}
      >
        {choice[which] === null && <option value="">Choose…</option>}
        {coders.map((c) => (
          <option key={c.guid} value={c.guid} disabled={c.guid === choice[which === 'a' ? 'b' : 'a']}>
            {c.name}
            {isConsensus(c.name) ? '' : ` · ${c.codings} codings`}
          </option>
        ))}
      </select>
    </label>
  );
  const docSummary = choice.documents.length === 0 ? `All both coded (${both.length})` : `${choice.documents.length} chosen`;
  const toggleDoc = (guid: string, on: boolean) => {
    const current = choice.documents.length === 0 ? both.map((d) => d.guid) : choice.documents;
    const next = on ? [...current, guid] : current.filter((g) => g !== guid);
    onChoice({ ...choice, documents: next.length === both.length && both.every((d) => next.includes(d.guid)) ? [] : next });
  };

  return (
    <div className="choice-bar" role="group" aria-label="What to compare">
      <div className="choice-coders">
        {coderSelect('a')}
        <button
          type="button"
          className="choice-swap"
          title="Swap coders A and B"
          aria-label="Swap coders A and B"
          onClick={() => onChoice({ ...choice, a: choice.b, b: choice.a })}
        >
          ⇄
        </button>
        {coderSelect('b')}
      </div>
      <div className="choice-field">
        <span id="choice-unit-label">Unit</span>
        <div className="views" role="group" aria-labelledby="choice-unit-label">
          {AGREEMENT_UNITS.map((u) => (
            <button key={u} type="button" aria-pressed={choice.unit === u} title={UNIT_HINT[u]} onClick={() => onChoice({ ...choice, unit: u })}>
              {UNIT_LABEL[u]}
            </button>
          ))}
        </div>
      </div>
      {choice.unit === 'segment' && (
        <label className="choice-field choice-overlap">
          <span>Overlap ≥</span>
          <input
            type="range"
            min={5}
            max={100}
            step={5}
            value={overlap}
            onChange={(e) => setOverlap(Number(e.target.value))}
            aria-valuetext={`${overlap} percent`}
          />
          <output>{overlap} %</output>
        </label>
      )}
      <div className="choice-scope">
        <label className="choice-field">
          <span>Codes</span>
          <select
            aria-label="Codes"
            value={choice.codes.length === 0 ? '' : (codeRoot ?? 'custom')}
            onChange={(e) => onChoice({ ...choice, codes: e.target.value === '' ? [] : subtree(codes, e.target.value) })}
          >
            <option value="">All codes</option>
            {choice.codes.length > 0 && codeRoot === null && <option value="custom">{choice.codes.length} chosen codes</option>}
            {codes.map((c) => (
              <option key={c.guid} value={c.guid}>
                {'\u2003'.repeat(c.path.split('/').length - 1)}
                {c.name}
                {codes.some((d) => d.parentId === c.id) ? ' (with sub-codes)' : ''}
              </option>
            ))}
          </select>
        </label>
        <details className="choice-field choice-docs">
          <summary>
            <span>Documents</span> <span className="choice-value">{docSummary}</span>
          </summary>
          <div className="choice-pop">
            <button type="button" onClick={() => onChoice({ ...choice, documents: [] })} aria-pressed={choice.documents.length === 0}>
              All that both coded
            </button>
            {attributes.length > 0 && (
              <label>
                By case attribute{' '}
                <select
                  aria-label="Documents by case attribute"
                  value=""
                  onChange={(e) =>
                    e.target.value && onChoice({ ...choice, documents: docsWithAttribute(docs, cases!, ...(JSON.parse(e.target.value) as [string, string])) })
                  }
                >
                  <option value="">Choose…</option>
                  {attributes.map((a) => (
                    <option key={`${a.attribute}=${a.value}`} value={JSON.stringify([a.attribute, a.value])}>
                      {a.attribute} = {a.value}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <fieldset>
              <legend>Documents both coded</legend>
              {both.length === 0 && <p className="hint">These two coders share no document.</p>}
              {both.map((d) => (
                <label key={d.guid}>
                  <input
                    type="checkbox"
                    checked={choice.documents.length === 0 || choice.documents.includes(d.guid)}
                    onChange={(e) => toggleDoc(d.guid, e.target.checked)}
                  />{' '}
                  {d.name}
                  {d.caseName && <span className="hint"> · {d.caseName}</span>}
                </label>
              ))}
            </fieldset>
          </div>
        </details>
      </div>
    </div>
  );
}
