/**
 * The coding workspace: documents on the left, the transcript in the middle, the code book and
 * the tabs (codings, retrieval, search, memos) on the right. Panels share one Workspace
 * (context.tsx) and re-read when it says something changed.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CodeWithCounts, CodingView } from '../shared/api/types.js';
import type { Span } from '../shared/types.js';
import { ApiCallError, createApiClient, pickTransport } from './api/client.js';
import { CodeBookPanel as CodeBookPanelAll } from './codebook/CodeBookPanel.js';
import { CodePicker } from './coding/CodePicker.js';
import { CodingsList } from './coding/CodingsList.js';
import { RemoveOthersCoding } from './coding/RemoveOthersCoding.js';
import { announceCodingWrite } from './coding/coding-events.js';
import { codingsAfter, type CodingWrite } from './coding/coding-writes.js';
import { useCoding } from './coding/useCoding.js';
import { DocumentsPanel as DocumentsPanelAll } from './documents/DocumentsPanel.js';
import { MemosPanel as MemosPanelAll } from './memo/MemosPanel.js';
import { RetrievalPanel as RetrievalPanelAll } from './retrieval/RetrievalPanel.js';
import { SearchPanel as SearchPanelAll } from './search/SearchPanel.js';
import { FindBar } from './transcript/FindBar.js';
import type { OffsetSpan } from './transcript/selection.js';
import { TranscriptView, type TranscriptFocus } from './transcript/TranscriptView.js';
import { TranscriptEditControls } from './transcript-edit/TranscriptEditControls.js';
import type { Show } from './workspace/CoderBar.js';
import { activeCoder, CODER_KEY } from './workspace/active-coder.js';
import { CoderPrompt } from './workspace/CoderPrompt.js';
import { WorkspaceContext, type Workspace } from './workspace/context.js';
import { ShortcutsSheet } from './workspace/ShortcutsSheet.js';
import { Tabs, type TabId } from './workspace/Tabs.js';
import { useShortcuts } from './workspace/useShortcuts.js';
import { PanelRail } from './workspace/PanelRail.js';
import { useClearOnNextAction } from './workspace/useClearOnNextAction.js';
import { Toolbar, type View } from './workspace/Toolbar.js';
import { LIMITS, usePanels } from './workspace/panels.js';
import { Splitter } from './workspace/Splitter.js';
import { codersToShow, useOpenDocument, useProjectLists } from './workspace/useProjectData.js';
import { shownCoder, whoseShown } from './workspace/whose.js';

const api = createApiClient(pickTransport());
// Compare coders (its charts bring a charting library) loads on first use, so the coding
// workspace opens without it.
const CompareView = lazy(() => import('./compare/CompareView.js').then((m) => ({ default: m.CompareView })));
const AnalysisView = lazy(() => import('./analysis/AnalysisView.js').then((m) => ({ default: m.AnalysisView })));
// Panels re-render only when their own props change, not on every coding (a long transcript
// repaints in one frame only if the rest of the page stays still).
const CodeBookPanel = memo(CodeBookPanelAll);
const DocumentsPanel = memo(DocumentsPanelAll);
const MemosPanel = memo(MemosPanelAll);
const RetrievalPanel = memo(RetrievalPanelAll);
const SearchPanel = memo(SearchPanelAll);
const PINS = 9;

export function App() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useClearOnNextAction(notice, setNotice);
  const [version, setVersion] = useState(0);
  // Items are held by GUID (what the API takes): the remembered coder, the open document, the selected code.
  const [storedCoder, setStoredCoder] = useState(() => localStorage.getItem(CODER_KEY) ?? '');
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
  const [view, setView] = useState<View>('code');
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
  const openDocument = useCallback((guid: string, span?: Span, found?: Span[]) => {
    setOpen(guid);
    setChosen(null);
    setMarks({ marks: found ?? [], current: null });
    setFocus(span ? { ...span, nonce: Date.now() } : null);
  }, []);
  const { info, docs, codes, coders, takeWrite } = useProjectLists({ api, run, version }, show, storedCoder);
  const active = useMemo(() => activeCoder(coders, storedCoder), [coders, storedCoder]);
  // A name remembered by an older version becomes the coder's GUID, once.
  useEffect(() => {
    if (active && storedCoder !== active.guid) {
      localStorage.setItem(CODER_KEY, active.guid);
      setStoredCoder(active.guid);
    }
  }, [active, storedCoder]);
  const coder = active?.guid ?? '';
  const coderName = active?.name ?? '';
  const ws: Workspace = useMemo(
    () => ({ api, coder, coderName, viewer: coder || undefined, run, report: setError, notify: setNotice, changed, version, openDocument }),
    [coder, coderName, run, changed, version, openDocument],
  );

  const { content, codings, setCodings } = useOpenDocument(ws, open, show);
  useEffect(() => {
    if (docs.length && (!open || !docs.some((d) => d.guid === open))) setOpen(docs[0]!.guid);
  }, [docs, open]);
  const text = content?.guid === open ? content.text : '';
  const openName = docs.find((d) => d.guid === open)?.name ?? (content?.guid === open ? content.name : null);
  // Undo and redo may change anything: every list and the codings are read again (once: `version`).
  const refresh = useCallback(async () => changed(), [changed]);
  // A coding write changes only codings and counts: folded in from its answer (coding-writes.ts).
  const settle = useCallback(
    (w: CodingWrite) => {
      const wanted = codersToShow(show, coder);
      const inScope = (k: string) => !wanted || wanted.includes(k);
      setCodings((c) => codingsAfter(c, w, inScope));
      takeWrite(w, inScope);
      announceCodingWrite(w);
    },
    [show, coder, setCodings, takeWrite],
  );
  const coding = useCoding(ws, { document: open, text, selection: currentSelection, setCodings, settle });
  const pinned = useMemo(() => codes.filter((c) => c.parentId !== null).slice(0, PINS), [codes]);

  const takeCoder = useCallback(
    (c: { guid: string; name: string }) => {
      setStoredCoder(c.guid);
      localStorage.setItem(CODER_KEY, c.guid);
      setNotice(`Coding as ${c.name}`);
      changed();
    },
    [changed],
  );
  const onChooseCoder = useCallback(
    (guid: string) => {
      const c = coders.find((x) => x.guid === guid);
      if (c) takeCoder(c);
    },
    [coders, takeCoder],
  );
  /** A typed name: the coder of that name, or a new coder. */
  const addCoder = useCallback(
    async (name: string) => {
      const c = activeCoder(coders, name) ?? (await run(api['coders.add']({ name })));
      if (c) takeCoder(c);
    },
    [coders, run, takeCoder],
  );
  const onAddCoder = useCallback((n: string) => void addCoder(n), [addCoder]);
  const onOpen = useCallback((guid: string) => openDocument(guid), [openDocument]);
  const openDoc = useMemo(() => (open && openName ? { guid: open, name: openName } : null), [open, openName]);
  const selectedPath = code ? codes.find((x) => x.guid === code)?.path : undefined;
  const selectedCode = useMemo(() => (code && selectedPath ? { guid: code, path: selectedPath } : null), [code, selectedPath]);
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
    removeChosen: () => chosen && removeCoding(chosen),
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
    compare: () => setView((v) => (v === 'compare' ? 'code' : 'compare')),
  });

  const { remove: removeCodingNow, apply: applyCodeNow } = coding;
  // Another coder's coding is removed only after a confirmation naming whose work it is.
  const [removing, setRemoving] = useState<CodingView | null>(null);
  const removeCoding = useCallback(
    (g: string) => {
      const c = codings.find((x) => x.guid === g);
      if (c && c.coderGuid !== coder) return setRemoving(c);
      if (g === chosen) setChosen(null);
      void removeCodingNow(g);
    },
    [codings, coder, chosen, removeCodingNow],
  );
  const applyCode = useCallback((c: CodeWithCounts) => void applyCodeNow(c).then((g) => g && setTab('codings')), [applyCodeNow]);
  const blindHidden = !!info?.blind && !info.revealed.some((r) => r.guid === coder);
  const { sizes, resize: resizePanel, collapse } = usePanels();
  const codeView = view === 'code';
  const collapsed = useMemo(() => ({ left: sizes.leftCollapsed, right: sizes.rightCollapsed }), [sizes.leftCollapsed, sizes.rightCollapsed]);
  const onHistory = useCallback((which: 'history.undo' | 'history.redo') => void history(which), [history]);
  const onShortcuts = useCallback(() => setDialog('shortcuts'), []);
  const panelVars = {
    '--left-w': sizes.leftCollapsed ? '2.25rem' : `${sizes.left}px`,
    '--right-w': sizes.rightCollapsed ? '2.25rem' : `${sizes.right}px`,
    '--docs-h': `${sizes.docs}px`,
  } as React.CSSProperties;
  return (
    <WorkspaceContext.Provider value={ws}>
      <div className="app" style={panelVars}>
        <Toolbar
          info={info}
          coders={coders}
          show={show}
          onShow={setShow}
          onChooseCoder={onChooseCoder}
          onAddCoder={onAddCoder}
          view={view}
          onView={setView}
          onHistory={onHistory}
          collapsed={collapsed}
          onCollapse={collapse}
          onShortcuts={onShortcuts}
        />
        {error && (
          <div role="alert" className="error">
            {error}{' '}
            <button type="button" aria-label="Dismiss the message" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        )}
        {view === 'compare' && (
          <Suspense fallback={<p className="compare meta">Loading Compare coders…</p>}>
            <CompareView coders={coders} codes={codes} docs={docs} onShowTranscript={() => setView('code')} />
          </Suspense>
        )}
        {view === 'analysis' && (
          <Suspense fallback={<p className="analysis meta">Loading Analysis…</p>}>
            <AnalysisView onShowTranscript={() => setView('code')} />
          </Suspense>
        )}
        <div className="left" hidden={!codeView} data-collapsed={sizes.leftCollapsed || undefined}>
          {sizes.leftCollapsed && <PanelRail side="left" onShow={() => collapse('left', false)} />}
          <DocumentsPanel docs={docs} open={open} onOpen={onOpen} hidden={!codeView || sizes.leftCollapsed} />
          <Splitter
            label="Resize the document list"
            orientation="horizontal"
            value={sizes.docs}
            {...LIMITS.docs}
            direction={1}
            onChange={(px) => resizePanel('docs', px)}
          />
          <section className="codebook" aria-label="Code book panel">
            <CodeBookPanel
              codes={codes}
              counting={whoseShown(show, coder, coders)}
              pinned={pinned}
              onApply={applyCode}
              selected={code}
              onSelect={setCode}
              canApply={!!selection}
            />
          </section>
        </div>
        {codeView && !sizes.leftCollapsed && (
          <Splitter
            label="Resize the documents and code book"
            orientation="vertical"
            className="splitter-left"
            value={sizes.left}
            {...LIMITS.left}
            direction={1}
            onChange={(px) => resizePanel('left', px)}
            onCollapse={() => collapse('left', true)}
          />
        )}
        <main className="reader" aria-label="Transcript" hidden={view !== 'code'}>
          <div className="reader-head">
            <h1>{openName ?? 'No document'}</h1>
            {blindHidden && <span className="badge">Blind: only your codings are shown</span>}
            <span className="meta">
              {selection ? `${selection.span.end - selection.span.start} characters selected` : 'Select text, then press C, 1–9 or V'}
            </span>
            <TranscriptEditControls document={content?.guid === open ? open : null} text={text} />
          </div>
          {!coder && info && <CoderPrompt coders={coders} onChoose={onChooseCoder} onAdd={onAddCoder} />}
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
        {codeView && !sizes.rightCollapsed && (
          <Splitter
            label="Resize the panels"
            orientation="vertical"
            className="splitter-right"
            value={sizes.right}
            {...LIMITS.right}
            direction={-1}
            onChange={(px) => resizePanel('right', px)}
            onCollapse={() => collapse('right', true)}
          />
        )}
        <aside className="side" aria-label="Codings, retrieval, search and memos" hidden={!codeView} data-collapsed={sizes.rightCollapsed || undefined}>
          {sizes.rightCollapsed && <PanelRail side="right" onShow={() => collapse('right', false)} />}
          <Tabs
            tab={tab}
            onTab={setTab}
            panels={{
              codings: <CodingsList text={text} turns={content?.turns} codings={codings} selected={chosen} onSelect={setChosen} onRemove={removeCoding} />,
              retrieval: <RetrievalPanel codes={codes} coders={coders} documents={docs} code={code} shown={shownCoder(show, coder)} />,
              search: <SearchPanel />,
              memos: <MemosPanel document={openDoc} code={selectedCode} />,
            }}
          />
        </aside>
        <p role="status" className="notice">
          {notice}
        </p>
        {dialog === 'shortcuts' && <ShortcutsSheet onClose={() => setDialog(null)} />}
        {removing && (
          <RemoveOthersCoding
            coding={removing}
            me={coderName}
            onCancel={() => setRemoving(null)}
            onRemove={() => {
              if (removing.guid === chosen) setChosen(null);
              setRemoving(null);
              void removeCodingNow(removing.guid);
            }}
          />
        )}
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
