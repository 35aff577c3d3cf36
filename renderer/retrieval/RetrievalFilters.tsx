/** The retrieval panel's controls: code, sub-codes, coder, document, case attribute and quote text. */
import { useId } from 'react';
import type { CodeWithCounts, Named } from '../../shared/api/types.js';
import type { RetrievalFilter } from './request.js';

export interface RetrievalFiltersProps {
  filter: RetrievalFilter;
  onChange(next: RetrievalFilter): void;
  codes: readonly CodeWithCounts[];
  coders: readonly Named[];
  documents: readonly Named[];
  /** Attribute name → the values cases hold for it. */
  attributes: ReadonlyMap<string, string[]>;
}

interface ChoiceProps {
  label: string;
  value: string;
  /** The first option, meaning "no filter" (value ''). */
  none: string;
  /** `title`: shown on hover (a code's full path). */
  options: readonly { value: string; label: string; title?: string }[];
  disabled?: boolean;
  onChange(value: string): void;
}

/** A labelled select whose empty value means "no filter". */
function Choice({ label, value, none, options, disabled, onChange }: ChoiceProps) {
  const id = useId();
  return (
    <div className="retrieval-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} title={o.title}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const same = (v: string) => ({ value: v, label: v });
/** A coder or document: chosen by GUID, shown by name. */
const named = (n: Named) => ({ value: n.guid, label: n.name });

export function RetrievalFilters({ filter, onChange, codes, coders, documents, attributes }: RetrievalFiltersProps) {
  const findId = useId();
  const set =
    <K extends keyof RetrievalFilter>(key: K) =>
    (value: RetrievalFilter[K]) =>
      onChange({ ...filter, [key]: value });
  // Indented by depth so the tree reads in a flat select.
  const codeOptions = codes.map((c) => ({
    value: c.guid,
    title: c.path,
    label: `${'\u00a0\u00a0'.repeat(c.path.split('/').length - 1)}${c.name} (${c.total})`,
  }));
  return (
    <div className="retrieval-filters" role="group" aria-label="Retrieval filters">
      <div className="retrieval-wide">
        <Choice label="Code" value={filter.code} none="Choose a code…" options={codeOptions} onChange={set('code')} />
      </div>
      <label className="retrieval-check">
        <input type="checkbox" checked={filter.descendants} onChange={(e) => set('descendants')(e.currentTarget.checked)} /> Include sub-codes
      </label>
      <Choice label="Coder" value={filter.coder} none="All coders" options={coders.map(named)} onChange={set('coder')} />
      <Choice label="Document" value={filter.document} none="All documents" options={documents.map(named)} onChange={set('document')} />
      <Choice
        label="Case attribute"
        value={filter.attribute}
        none="Any case"
        options={[...attributes.keys()].map(same)}
        onChange={(attribute) => onChange({ ...filter, attribute, value: '' })}
      />
      <Choice
        label="Value"
        value={filter.value}
        none="Any value"
        options={(attributes.get(filter.attribute) ?? []).map(same)}
        disabled={!filter.attribute}
        onChange={set('value')}
      />
      <div className="retrieval-field retrieval-wide">
        <label htmlFor={findId}>Quotes containing</label>
        <input
          id={findId}
          type="search"
          value={filter.find}
          placeholder="words in the quote or memo (fuzzy)"
          onChange={(e) => set('find')(e.currentTarget.value)}
        />
      </div>
    </div>
  );
}
