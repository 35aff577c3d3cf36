/**
 * The selected code's details: name, colour, definition, inclusion and exclusion criteria and an
 * example, each saved when it loses focus or on Ctrl/Cmd+Enter, and the code's memo.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CodeWithCounts } from '../../shared/api/types.js';
import { LazyMemoEditor as MemoEditor } from '../memo/LazyMemoEditor.js';
import type { CodeActions, CodeFieldsPatch } from './useCodeActions.js';

type TextField = 'definition' | 'inclusion' | 'exclusion' | 'example';
const TEXT_FIELDS: { key: TextField; label: string }[] = [
  { key: 'definition', label: 'Definition' },
  { key: 'inclusion', label: 'Inclusion criteria' },
  { key: 'exclusion', label: 'Exclusion criteria' },
  { key: 'example', label: 'Example' },
];

export interface CodeSheetProps {
  code: CodeWithCounts;
  /** Whose codings the counts cover ("your codings"). Default: all coders'. */
  counting?: string;
  actions: CodeActions;
  onClose(): void;
}

/** #rgb and named colours cannot go into <input type=color>; it needs #rrggbb. */
const asHex = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : /^#[0-9a-f]{3}$/i.test(c) ? `#${[...c.slice(1)].map((x) => x + x).join('')}` : '#888888');

export function CodeSheet({ code, counting = "all coders' codings", actions, onClose }: CodeSheetProps) {
  const [draft, setDraft] = useState(() => fieldsOf(code));
  const titleId = useId();
  // A field changed elsewhere (undo, a rename in the tree) replaces its draft; the others keep what is being typed.
  const seen = useRef(fieldsOf(code));
  useEffect(() => {
    const now = fieldsOf(code);
    const before = seen.current;
    seen.current = now;
    setDraft((d) => {
      const next = { ...d };
      for (const k of Object.keys(now) as (keyof typeof now)[]) if (now[k] !== before[k]) next[k] = now[k];
      return next;
    });
  }, [code]);
  // The colour is saved when the picker closes (the native change event), not on every hue it passes.
  const colorInput = useRef<HTMLInputElement>(null);
  const saveRef = useRef<(p: CodeFieldsPatch) => Promise<void>>(async () => {});
  useEffect(() => {
    const el = colorInput.current!;
    const onChange = () => void saveRef.current({ color: el.value });
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, []);

  const save = async (patch: CodeFieldsPatch) => {
    const changedKeys = (Object.keys(patch) as (keyof CodeFieldsPatch)[]).filter((k) => patch[k] !== code[k]);
    if (changedKeys.length === 0) return;
    const only = Object.fromEntries(changedKeys.map((k) => [k, patch[k]])) as CodeFieldsPatch;
    if (only.name !== undefined && !only.name.trim()) return setDraft((d) => ({ ...d, name: code.name }));
    await actions.update(code, only);
  };
  saveRef.current = save;
  const saveOnCtrlEnter = (key: keyof CodeFieldsPatch) => (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || key === 'name')) {
      e.preventDefault();
      void save({ [key]: e.currentTarget.value });
    }
  };
  const set = (key: keyof CodeFieldsPatch) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <section className="cb-sheet" role="region" aria-labelledby={titleId}>
      <header className="cb-sheet-head">
        <h3 id={titleId}>Code details: {code.path}</h3>
        <button type="button" aria-label="Close code details" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="meta">
        Counting {counting}: {code.own} on this code, {code.total} with its sub-codes. Saved when you leave a field or press Ctrl+Enter.
      </p>
      <label>
        Name
        <input value={draft.name} onChange={set('name')} onBlur={(e) => void save({ name: e.currentTarget.value })} onKeyDown={saveOnCtrlEnter('name')} />
      </label>
      <label>
        Colour
        <input
          ref={colorInput}
          type="color"
          value={asHex(draft.color)}
          onChange={set('color')}
          onBlur={(e) => void save({ color: e.currentTarget.value })}
          onKeyDown={saveOnCtrlEnter('color')}
        />
      </label>
      {TEXT_FIELDS.map(({ key, label }) => (
        <label key={key}>
          {label}
          <textarea
            rows={key === 'definition' ? 3 : 2}
            value={draft[key]}
            onChange={set(key)}
            onBlur={(e) => void save({ [key]: e.currentTarget.value })}
            onKeyDown={saveOnCtrlEnter(key)}
          />
        </label>
      ))}
      <h4>Memo</h4>
      <MemoEditor key={code.guid} target={{ kind: 'code', target: code.guid }} label={`Memo on code ${code.name}`} />
    </section>
  );
}

function fieldsOf(c: CodeWithCounts) {
  return { name: c.name, color: c.color, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example };
}
