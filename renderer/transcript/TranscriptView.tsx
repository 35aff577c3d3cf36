/**
 * The transcript: a read-only Lexical view of the stored text (one paragraph per line, line
 * numbers, speaker labels, highlights in code colours), with coding stripes in the margin and
 * handles to resize the chosen coding. Hover, flash, search marks and the chosen coding are
 * painted with CSS highlights, so they never touch the Lexical tree.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import type { Span, Turn } from '../../shared/types.js';
import { $renderTranscript } from './build.js';
import { bandOf, indexPieces, paint, rangeOf, scrollToRange, type PieceIndex } from './geometry.js';
import { assignLanes, type Placed } from './lanes.js';
import { transcriptModel, type LineModel } from './model.js';
import { LineNode } from './line-node.js';
import { SegmentNode } from './segment-node.js';
import { moveSelection } from './keyboard.js';
import { selectionToOffsets, type OffsetSpan } from './selection.js';
import { ResizeHandles } from './ResizeHandles.js';
import { Stripes } from './Stripes.js';

export interface TranscriptFocus extends Span {
  /** A new value scrolls and flashes again even for the same span. */
  nonce: number;
}

export interface TranscriptViewProps {
  text: string;
  codings: readonly CodingView[];
  turns?: readonly Turn[];
  /** Label stripes with the coder too (when several coders are shown). */
  showCoder?: boolean;
  selectedCoding?: string | null;
  onSelectCoding?(guid: string | null): void;
  /** The selection as offsets; `exact` when Alt was held (no snapping to words). */
  onSelect(span: OffsetSpan | null, exact: boolean): void;
  onResize?(guid: string, span: OffsetSpan, exact: boolean): void;
  focus?: TranscriptFocus | null;
  /** Search or find matches, painted until they change; `current` is the one being visited. */
  marks?: readonly Span[];
  current?: Span | null;
  /** Called after every repaint (highlights and stripes are on screen). */
  onPainted?(): void;
}

interface Layout {
  placed: Placed<CodingView>[];
  lanes: number;
  height: number;
}

function ViewSync({ text, lines, onIndexed }: { text: string; lines: LineModel[]; onIndexed(index: PieceIndex): void }) {
  const [editor] = useLexicalComposerContext();
  const previous = useRef<{ text: string; lines: LineModel[] } | null>(null);
  useLayoutEffect(() => {
    const prev = previous.current?.text === text ? previous.current.lines : null;
    // discrete: committed to the DOM now, so stripes are measured and painted in this same frame.
    editor.update(() => $renderTranscript(text, lines, prev), { discrete: true });
    previous.current = { text, lines };
    const root = editor.getRootElement();
    if (root) onIndexed(indexPieces(root));
  }, [editor, text, lines, onIndexed]);
  return null;
}

export function TranscriptView(props: TranscriptViewProps) {
  const { text, codings, turns, showCoder = false, selectedCoding = null, onSelectCoding, onSelect, onResize, focus, marks, current, onPainted } = props;
  const host = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const exact = useRef(false);
  const [index, setIndex] = useState<PieceIndex | null>(null);
  const [layout, setLayout] = useState<Layout>({ placed: [], lanes: 0, height: 0 });
  const [hover, setHover] = useState<string | null>(null);
  const lines = useMemo(() => transcriptModel(text, codings, turns), [text, codings, turns]);
  const byGuid = useMemo(() => new Map(codings.map((c) => [c.guid, c])), [codings]);

  // Stripes: measured after the view is painted, set before the browser paints the frame, and
  // again whenever the text re-wraps (window or margin width, fonts arriving).
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!index || !body.current) return;
    const bands = codings.flatMap((c) => {
      const b = bandOf(index, body.current!, c.start, c.end);
      return b ? [{ item: c, ...b }] : [];
    });
    setLayout({ ...assignLanes(bands), height: body.current.scrollHeight });
  }, [index, codings, width]);
  useEffect(() => {
    if (!body.current || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver((entries) => setWidth(Math.round(entries[0]?.contentRect.width ?? 0)));
    watch.observe(body.current);
    return () => watch.disconnect();
  }, []);

  useEffect(() => {
    if (layout.placed.length || codings.length === 0) onPainted?.();
  }, [layout, codings.length, onPainted]);

  useEffect(() => {
    const update = () => {
      const sel = document.getSelection();
      // Focus moved to a field or button elsewhere: keep the last selection for the code to apply.
      if (!host.current || (sel && sel.rangeCount > 0 && !host.current.contains(sel.anchorNode))) return;
      onSelect(selectionToOffsets(sel, host.current), exact.current);
    };
    const alt = (e: KeyboardEvent | MouseEvent) => (exact.current = e.altKey);
    // On mouseup the selection is final: report it at once rather than a task later.
    const released = (e: MouseEvent) => {
      alt(e);
      update();
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('mouseup', released, true);
    document.addEventListener('keyup', alt, true);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('mouseup', released, true);
      document.removeEventListener('keyup', alt, true);
    };
  }, [onSelect]);

  const rangeFor = (guid: string | null) => {
    const c = guid ? byGuid.get(guid) : undefined;
    return c && index ? rangeOf(index, c.start, c.end) : null;
  };
  useEffect(() => paint('coding-hover', [rangeFor(hover)].filter((r): r is Range => !!r)));
  useEffect(() => paint('coding-chosen', [rangeFor(selectedCoding)].filter((r): r is Range => !!r)));
  useEffect(() => {
    if (!index) return;
    paint('search-marks', (marks ?? []).flatMap((m) => rangeOf(index, m.start, m.end) ?? []));
    const r = current ? rangeOf(index, current.start, current.end) : null;
    paint('search-current', r ? [r] : []);
    if (r && host.current) scrollToRange(host.current, r);
  }, [index, marks, current]);
  useEffect(() => {
    if (!index || !focus || !host.current) return;
    const r = rangeOf(index, focus.start, focus.end);
    if (!r) return;
    scrollToRange(host.current, r);
    paint('flash', [r]);
    host.current.querySelector('.transcript-text')?.setAttribute('data-flash', String(focus.nonce));
    const t = setTimeout(() => paint('flash', []), 1600);
    return () => clearTimeout(t);
  }, [index, focus]);

  /** A click (not a drag) on coded text chooses the innermost coding there. */
  const clickCoded = (e: React.MouseEvent) => {
    if (!document.getSelection()?.isCollapsed || !(e.target as HTMLElement).closest('.transcript-text')) return;
    const ids = (e.target as HTMLElement).closest<HTMLElement>('[data-codings]')?.dataset.codings?.split(' ');
    onSelectCoding?.(ids?.at(-1) ?? null);
  };
  const dragSelection = (e: React.DragEvent) => {
    // Dragging the selected words onto a code in the code book applies that code.
    e.dataTransfer.setData('application/x-marginalia-selection', '1');
    e.dataTransfer.effectAllowed = 'copy';
  };

  const keys = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const root = (e.target as HTMLElement).closest<HTMLElement>('.transcript-text');
    if (root && host.current && moveSelection(e, root, host.current)) {
      exact.current = e.altKey;
      e.preventDefault();
      // Report now: selectionchange comes a task later, after a quick next key (1–9, C) is handled.
      onSelect(selectionToOffsets(document.getSelection(), host.current), exact.current);
    }
  };

  const chosen = selectedCoding ? byGuid.get(selectedCoding) : undefined;
  return (
    <div ref={host} className="transcript" data-testid="transcript">
      <div ref={body} className="transcript-body" onClick={clickCoded} onDragStart={dragSelection} onKeyDown={keys}>
        <LexicalComposer initialConfig={{ namespace: 'transcript', editable: false, nodes: [SegmentNode, LineNode], onError: (e) => console.error(e), theme: { paragraph: 'line' } }}>
          <PlainTextPlugin
            contentEditable={<ContentEditable className="transcript-text" aria-label="Transcript text" aria-readonly="true" aria-multiline="true" role="textbox" tabIndex={0} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <ViewSync text={text} lines={lines} onIndexed={setIndex} />
        </LexicalComposer>
        {chosen && index && body.current && onResize && <ResizeHandles text={text} coding={chosen} index={index} container={body.current} onResize={onResize} />}
      </div>
      <Stripes placed={layout.placed} lanes={layout.lanes} height={layout.height} showCoder={showCoder} selected={selectedCoding} onHover={setHover} onPick={(g) => onSelectCoding?.(g)} />
    </div>
  );
}
