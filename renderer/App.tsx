/**
 * The coding workspace: documents on the left, the transcript in the middle, the code book and
 * the tabs (codings, retrieval, search, memos) on the right. Panels share one Workspace
 * (context.tsx) and re-read when it says something changed.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodeWithCounts } from '../shared/api/types.js';
import type { Span } from '../shared/types.js';
import { ApiCallError, createApiClient, pickTransport } from './api/client.js';
import { CodeBookPanel as CodeBookPanelAll } from './codebook/CodeBookPanel.js';
import { CodePicker } from './coding/CodePicker.js';
import { CodingsList } from './coding/CodingsList.js';
import { useCoding } from './coding/useCoding.js';
import { DocumentsPanel as DocumentsPanelAll } from './documents/DocumentsPanel.js';
import { MemosPanel as MemosPanelAll } from './memo/MemosPanel.js';
import { RetrievalPanel as RetrievalPanelAll } from './retrieval/RetrievalPanel.js';
import { SearchPanel as SearchPanelAll } from './search/SearchPanel.js';
import { FindBar } from './transcript/FindBar.js';
import type { OffsetSpan } from './transcript/selection.js';
import { TranscriptView, type TranscriptFocus } from './transcript/TranscriptView.js';
import { CoderBar as CoderBarAll, type Show } from './workspace/CoderBar.js';
import { CoderPrompt } from './workspace/CoderPrompt.js';
import { WorkspaceContext, type Workspace } from './workspace/context.js';
import { ShortcutsSheet } from './workspace/ShortcutsSheet.js';
import { Tabs, type TabId } from './workspace/Tabs.js';
import { useShortcuts } from './workspace/useShortcuts.js';
import { useOpenDocument, useProjectLists } from './workspace/useProjectData.js';

const api = createApiClient(pickTransport());
// Panels re-render only when their own props change, not on every coding (a long transcript
// repaints in one frame only if the rest of the page stays still).
const CodeBookPanel = memo(CodeBookPanelAll);
const DocumentsPanel = memo(DocumentsPanelAll);
const MemosPanel = memo(MemosPanelAll);
const RetrievalPanel = memo(RetrievalPanelAll);
const SearchPanel = memo(SearchPanelAll);
const CoderBar = memo(CoderBarAll);
const CODER_KEY = 'marginalia.activeCoder';
const PINS = 9;

export function App() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [coder, setCoder] = useState(() => localStorage.getItem(CODER_KEY) ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const [show, setShow] = useState<Show>({ kind: 'mine' });
  const [selection, setSelection] = useState<{ span: OffsetSpan; exact: boolean } | null>(null);
  // The same selection, current at once: a key pressed right after the mouse is released acts on
  // what was selected even if React has not rendered the new state yet.
  const selectionNow = useRef(selection);
  const currentSelection = useCallback(() => selectionNow.current, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [focus, setFocus] = useState<TranscriptFocus | null>(null);
  const [marks, setMarks] = useState<{ marks: Span[]; current: Span | null }>({ marks: [], current: null });
  const [code, setCode] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('codings');
  const [dialog, setDialog] = useState<'picker' | 'shortcuts' | null>(null);
  const [finding, setFinding] = useState(false);
  const findInput = useRef<HTMLInputElement>(null);

  const run = useCallback(async <T,>(call: Promise<T>): Promise<T | undefined> => {
    // A success does not clear the banner: a problem stays until it is dismissed or replaced.
    try {
      return await call;
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : `Something went wrong: ${String(e)}`);
      return undefined;
    }
  }, []);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const openDocument = useCallback((name: string, span?: Span, found?: Span[]) => {
    setOpen(name);
    setChosen(null);
    setMarks({ marks: found ?? [], current: null });
    setFocus(span ? { ...span, nonce: Date.now() } : null);
  }, []);
  const ws: Workspace = useMemo(
    () => ({ api, coder, viewer: coder || undefined, run, report: setError, notify: setNotice, changed, version, openDocument }),
    [coder, run, changed, version, openDocument],
  );

  const { info, docs, codes, coders } = useProjectLists(ws);
  const { content, codings, setCodings, reload } = useOpenDocument(ws, open, show);
  useEffect(() => {
    if (docs.length && (!open || !docs.some((d) => d.name === open))) setOpen(docs[0]!.name);
  }, [docs, open]);
  const text = content?.name === open ? content.text : '';
  const refresh = useCallback(async () => {
    await reload();
    changed();
  }, [reload, changed]);
  const coding = useCoding(ws, { document: open, text, selection: currentSelection, setCodings, refresh });
  const pinned = useMemo(() => codes.filter((c) => c.parentId !== null).slice(0, PINS), [codes]);

  const chooseCoder = useCallback(async (name: string) => {
    if (!coders.some((c) => c.name.toLowerCase() === name.toLowerCase()) && !(await run(api['coders.add']({ name })))) return;
    const known = coders.find((c) => c.name.toLowerCase() === name.toLowerCase())?.name ?? name;
    setCoder(known);
    localStorage.setItem(CODER_KEY, known);
    setNotice(`Coding as ${known}`);
    changed();
  }, [coders, run, changed]);
  const onChooseCoder = useCallback((n: string) => void chooseCoder(n), [chooseCoder]);
  const onOpen = useCallback((n: string) => openDocument(n), [openDocument]);
  const coderNames = useMemo(() => coders.map((c) => c.name), [coders]);
  const docNames = useMemo(() => docs.map((d) => d.name), [docs]);
  const history = useCallback(
    async (which: 'history.undo' | 'history.redo') => {
      const step = await run(api[which]());
      setNotice(step?.label ? `${which === 'history.undo' ? 'Undid' : 'Redid'}: ${step.label}` : `Nothing to ${which === 'history.undo' ? 'undo' : 'redo'}`);
      if (step?.label) {
        setChosen(null);
        await refresh();
      }
    },
    [run, refresh],
  );
  const onSelect = useCallback((span: OffsetSpan | null, exact: boolean) => {
    selectionNow.current = span ? { span, exact } : null;
    setSelection(selectionNow.current);
  }, []);
  const onMatches = useCallback((m: Span[], current: Span | null) => setMarks({ marks: m, current }), []);
  const resize = async (guid: string, span: OffsetSpan, exact: boolean) => {
    const g = await coding.resize(guid, span, exact);
    if (g) setChosen(g);
  };

  useShortcuts({
    dialogOpen: dialog !== null,
    hasSelection: () => !!selectionNow.current,
    chosen,
    pinned,
    toggleSheet: () => setDialog((d) => (d === 'shortcuts' ? null : 'shortcuts')),
    openPicker: () => (selectionNow.current ? setDialog('picker') : setError('Select some text in the transcript first, then choose a code.')),
    applyPinned: (i) => void coding.apply(pinned[i]!),
    inVivo: () => void coding.inVivo(),
    removeChosen: () => chosen && void coding.remove(chosen).then(() => setChosen(null)),
    memoChosen: () => {
      setTab('codings');
      // After the tab has rendered; the editor becomes editable once its memo is loaded.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-label="Chosen coding"] [data-lexical-editor="true"]')?.focus(), 0);
    },
    letGo: () => setChosen(null),
    undo: () => void history('history.undo'),
    redo: () => void history('history.redo'),
    find: () => {
      setFinding(true);
      setTimeout(() => findInput.current?.focus(), 0);
    },
    tab: setTab,
  });

  const removeCoding = useCallback((g: string) => void coding.remove(g), [coding.remove]);
  const applyCode = useCallback((c: CodeWithCounts) => void coding.apply(c).then((g) => g && setTab('codings')), [coding.apply]);
  const blindHidden = !!info?.blind && !info.revealed.includes(coder);
  return (
    <WorkspaceContext.Provider value={ws}>
      <div className="app">
        <header className="toolbar">
          <span className="project" title={info?.path}>
            {info?.name ?? 'Marginalia'}
          </span>
          <CoderBar info={info} coders={coders} show={show} onShow={setShow} onChooseCoder={onChooseCoder} />
          <div className="history" role="group" aria-label="History">
            <button type="button" onClick={() => void history('history.undo')}>
              Undo
            </button>
            <button type="button" onClick={() => void history('history.redo')}>
              Redo
            </button>
          </div>
          <button type="button" aria-label="Keyboard shortcuts" onClick={() => setDialog('shortcuts')}>
            ?
          </button>
        </header>
        {error && (
          <div role="alert" className="error">
            {error}{' '}
            <button type="button" aria-label="Dismiss the message" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        )}
        <DocumentsPanel docs={docs} open={open} onOpen={onOpen} />
        <main className="reader" aria-label="Transcript">
          <div className="reader-head">
            <h1>{open ?? 'No document'}</h1>
            {blindHidden && <span className="badge">Blind: only your codings are shown</span>}
            <span className="meta">{selection ? `${selection.span.end - selection.span.start} characters selected` : 'Select text, then press C, 1–9 or V'}</span>
          </div>
          {!coder && info && <CoderPrompt coders={coders} onChoose={onChooseCoder} />}
          {finding && (
            <FindBar
              ref={findInput}
              text={text}
              onMatches={onMatches}
              onClose={() => {
                setFinding(false);
                setMarks({ marks: [], current: null });
              }}
            />
          )}
          <TranscriptView
            text={text}
            turns={content?.turns}
            codings={codings}
            showCoder={show.kind === 'all'}
            selectedCoding={chosen}
            onSelectCoding={setChosen}
            onSelect={onSelect}
            onResize={(g, s, e) => void resize(g, s, e)}
            focus={focus}
            marks={marks.marks}
            current={marks.current}
          />
        </main>
        <aside className="side" aria-label="Code book and panels">
          <section className="codebook" aria-label="Code book panel">
            <CodeBookPanel codes={codes} pinned={pinned} onApply={applyCode} selected={code} onSelect={setCode} canApply={!!selection} />
          </section>
          <Tabs
            tab={tab}
            onTab={setTab}
            panels={{
              codings: <CodingsList text={text} codings={codings} selected={chosen} onSelect={setChosen} onRemove={removeCoding} />,
              retrieval: <RetrievalPanel codes={codes} coders={coderNames} documents={docNames} code={code} />,
              search: <SearchPanel />,
              memos: <MemosPanel document={open} code={code} />,
            }}
          />
        </aside>
        <p role="status" className="notice">
          {notice}
        </p>
        {dialog === 'shortcuts' && <ShortcutsSheet onClose={() => setDialog(null)} />}
        {dialog === 'picker' && selection && (
          <CodePicker
            codes={codes}
            quote={text.slice(selection.span.start, selection.span.end)}
            onPick={(c) => {
              setDialog(null);
              applyCode(c);
            }}
            onCreate={(n) => {
              setDialog(null);
              void coding.createAndApply(n);
            }}
            onClose={() => setDialog(null)}
          />
        )}
      </div>
    </WorkspaceContext.Provider>
  );
}
