/**
 * A first slice of the coding workspace: documents, the transcript with highlighted codings,
 * the code book with pinned codes (keys 1–9), and the codings of the open document.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CodeWithCounts, CodingView } from '../shared/api/contract.js';
import type { DocumentSummary } from '../shared/types.js';
import { snapToWords } from '../shared/text/snap.js';
import { ApiCallError, createApiClient, pickTransport } from './api/client.js';
import { TranscriptView } from './transcript/TranscriptView.js';
import type { OffsetSpan } from './transcript/selection.js';

const api = createApiClient(pickTransport());
const CODER_KEY = 'marginalia.activeCoder';

export function App() {
  const [error, setError] = useState<string | null>(null);
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const [codes, setCodes] = useState<CodeWithCounts[]>([]);
  const [coders, setCoders] = useState<string[]>([]);
  const [coder, setCoder] = useState<string>(() => localStorage.getItem(CODER_KEY) ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [codings, setCodings] = useState<CodingView[]>([]);
  const [selection, setSelection] = useState<OffsetSpan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const guard = useCallback(async <T,>(p: Promise<T>): Promise<T | undefined> => {
    try {
      const r = await p;
      setError(null);
      return r;
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : `Something went wrong: ${String(e)}`);
      return undefined;
    }
  }, []);

  useEffect(() => {
    void guard(Promise.all([api['documents.list']({}), api['codebook.list']({}), api['coders.list']({})])).then((r) => {
      if (!r) return;
      setDocs(r[0]);
      setCodes(r[1]);
      setCoders(r[2].map((c) => c.name));
      if (r[0][0]) setOpen((o) => o ?? r[0][0]!.name);
    });
  }, [guard]);

  useEffect(() => {
    if (!open) return;
    void guard(Promise.all([api['documents.content']({ document: open }), api['codings.forDocument']({ document: open })])).then((r) => {
      if (!r) return;
      setText(r[0].text);
      setCodings(r[1]);
    });
  }, [open, guard]);

  const pinned = useMemo(() => codes.filter((c) => c.parentId !== null).slice(0, 9), [codes]);

  const apply = useCallback(
    async (code: CodeWithCounts) => {
      if (!open || !selection) return setError('Select some text first, then choose a code.');
      if (!coder) return setError('Choose who you are (the active coder) first.');
      const span = snapToWords(text, selection);
      if (span.start >= span.end) return;
      // Shown at once; replaced by the stored coding (merged, if it touched another) when it returns.
      const optimistic: CodingView = { guid: `pending-${span.start}`, codeGuid: code.guid, code: code.path, color: code.color, coder, start: span.start, end: span.end, memo: null };
      setCodings((c) => [...c, optimistic]);
      const r = await guard(api['codings.apply']({ document: open, code: code.path, coder, ...span }));
      const fresh = await guard(api['codings.forDocument']({ document: open }));
      if (fresh) setCodings(fresh);
      else if (!r) setCodings((c) => c.filter((x) => x !== optimistic));
      document.getSelection()?.removeAllRanges();
    },
    [open, selection, coder, text, guard],
  );

  const remove = useCallback(
    async (guid: string) => {
      if (!open) return;
      await guard(api['codings.remove']({ guid }));
      const fresh = await guard(api['codings.forDocument']({ document: open }));
      if (fresh) setCodings(fresh);
    },
    [open, guard],
  );

  const reload = useCallback(async () => {
    const r = await guard(Promise.all([api['documents.list']({}), api['codebook.list']({}), open ? api['codings.forDocument']({ document: open }) : Promise.resolve([])]));
    if (!r) return;
    setDocs(r[0]);
    setCodes(r[1]);
    setCodings(r[2]);
  }, [open, guard]);

  const history = useCallback(
    async (which: 'history.undo' | 'history.redo') => {
      const step = await guard(api[which]({}));
      if (step?.label) {
        setNotice(`${which === 'history.undo' ? 'Undid' : 'Redid'}: ${step.label}`);
        await reload();
      }
    },
    [guard, reload],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z redoes: every change made here, through the event log.
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !(e.target instanceof HTMLInputElement)) {
        e.preventDefault();
        void history(e.shiftKey ? 'history.redo' : 'history.undo');
        return;
      }
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
      const n = Number(e.key);
      if (n >= 1 && n <= 9 && pinned[n - 1]) {
        e.preventDefault();
        void apply(pinned[n - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pinned, apply, history]);

  const chooseCoder = async (name: string) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (!coders.some((c) => c.toLowerCase() === trimmed.toLowerCase())) {
      if (!(await guard(api['coders.add']({ name: trimmed })))) return;
      setCoders((c) => [...c, trimmed]);
    }
    setCoder(trimmed);
    localStorage.setItem(CODER_KEY, trimmed);
  };

  return (
    <div className="app">
      {error && (
        <div role="alert" className="error">
          {error}
        </div>
      )}
      <p role="status" className="notice">
        {notice}
      </p>
      <nav className="documents" aria-label="Documents">
        <h2>Documents</h2>
        <ul role="list">
          {docs.map((d) => (
            <li key={d.guid}>
              <button type="button" aria-current={d.name === open} onClick={() => setOpen(d.name)}>
                {d.name} <span className="meta">{d.caseName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
        <label>
          Coding as{' '}
          <input aria-label="Active coder" defaultValue={coder} placeholder="your name" onKeyDown={(e) => e.key === 'Enter' && void chooseCoder(e.currentTarget.value)} onBlur={(e) => void chooseCoder(e.currentTarget.value)} />
        </label>
      </nav>
      <main aria-label="Transcript">
        <h1>{open ?? 'No document'}</h1>
        <TranscriptView text={text} codings={codings} onSelect={setSelection} />
        <h2>Codings in this document</h2>
        <ul className="codings" aria-label="Codings">
          {codings.map((c) => (
            <li key={c.guid}>
              <span className="swatch" style={{ background: c.color }} /> {c.code} · {c.coder} · [{c.start},{c.end}) “{text.slice(c.start, c.end).slice(0, 60)}”{' '}
              <button type="button" aria-label={`Remove coding ${c.code} ${c.start}-${c.end}`} onClick={() => void remove(c.guid)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </main>
      <aside className="codebook" aria-label="Code book">
        <h2>Codes</h2>
        <ul role="tree" aria-label="Code book">
          {codes.map((c) => {
            const pin = pinned.indexOf(c);
            return (
              <li role="treeitem" aria-selected={false} key={c.guid} style={{ paddingLeft: `${(c.path.split('/').length - 1) * 0.8}rem` }}>
                <button type="button" onClick={() => void apply(c)} title={c.definition}>
                  <span className="swatch" style={{ background: c.color }} /> {c.name}
                  {pin >= 0 && <kbd>{pin + 1}</kbd>} <span className="meta">{c.total || ''}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </aside>
    </div>
  );
}
