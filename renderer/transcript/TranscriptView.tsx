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
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CodingView } from '../../shared/api/types.js';
import type { Span, Turn } from '../../shared/types.js';
import { $buildLines, $extendLines, $repaintLines } from './build.js';
import { indexPieces, paint, rangeOf, scrollToRange, type PieceIndex } from './geometry.js';
import { createTranscriptModel, lineAt, type LineModel } from './model.js';
import { ChunkNode } from './chunk-node.js';
import { LineNode } from './line-node.js';
import { SegmentNode } from './segment-node.js';
import { moveSelection } from './keyboard.js';
import { holdSelection, restoreSelection } from './keep-selection.js';
import { selectionToOffsets, type OffsetSpan } from './selection.js';
import { ResizeHandles } from './ResizeHandles.js';
import { Stripes } from './Stripes.js';
import { useStripes } from './useStripes.js';
import { useCharsPerLine } from './chars-per-line.js';

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
}

/** Lines built in the first frame (more when a focus lies further down), then per later task. */
const FIRST_LINES = 150;
const STEP_LINES = 400;

/** The pieces of the view, with the text they were built from (a new document's arrive later). */
interface Indexed {
  text: string;
  index: PieceIndex;
}

interface Built {
  text: string;
  lines: readonly LineModel[];
  count: number;
}

function ViewSync({ text, lines, upTo, onIndexed }: { text: string; lines: LineModel[]; upTo: number; onIndexed(index: Indexed): void }) {
  const [editor] = useLexicalComposerContext();
  const built = useRef<Built | null>(null);
  const latest = useRef(lines);
  latest.current = lines;
  const report = useCallback(() => {
    const root = editor.getRootElement();
    if (!root) return null;
    const b = built.current;
    const index = indexPieces(root, b?.lines ?? [], b?.count ?? 0);
    onIndexed({ text: b?.text ?? '', index });
    return index;
  }, [editor, onIndexed]);

  useLayoutEffect(() => {
    const b = built.current;
    const root = editor.getRootElement();
    // The reader's selection survives a repaint of the lines it lies on.
    const held = root && b?.text === text ? holdSelection(root) : null;
    const keep = (index: PieceIndex | null) => void (root && index && restoreSelection(held, root, index));
    // discrete: committed to the DOM now, so highlights and stripes are painted in this same frame.
    if (b && b.text === text) {
      const count = Math.min(b.count, lines.length);
      let ok = false;
      editor.update(() => void (ok = $repaintLines(text, lines, b.lines, count)), { discrete: true });
      if (ok) {
        built.current = { text, lines, count };
        return keep(report());
      }
    }
    const count = Math.min(lines.length, Math.max(FIRST_LINES, upTo + 40));
    editor.update(() => $buildLines(text, lines, count), { discrete: true });
    built.current = { text, lines, count };
    report();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, text, lines, report]);

  // The rest of a long transcript, a step per task; a focus further down is built at once.
  useEffect(() => {
    let timer = 0;
    const step = () => {
      const b = built.current;
      if (!b || b.count >= b.lines.length) return;
      const now = latest.current;
      const to = Math.min(now.length, Math.max(b.count + STEP_LINES, upTo + 40));
      editor.update(() => $extendLines(b.text, now, b.count, to), { discrete: true });
      built.current = { text: b.text, lines: now, count: to };
      report();
      if (to < now.length) timer = window.setTimeout(step, 0);
    };
    timer = window.setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [editor, text, upTo, report]);
  return null;
}

/** `value` as it was when `hold` became true, until it is false again. */
function useHeldWhile<T>(hold: boolean, value: T): T {
  const [held, setHeld] = useState(value);
  // Adjusting state while rendering (React's documented pattern): no extra commit, no effect.
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}

export function TranscriptView(props: TranscriptViewProps) {
  const { text, turns, showCoder = false, selectedCoding = null, onSelectCoding, onSelect, onResize, focus, marks, current } = props;
  // While the mouse is selecting words, the text under it stays as it is: codings that arrive
  // meanwhile (a write's result, a refresh) are painted on release, not under the drag.
  const [selecting, setSelecting] = useState(false);
  const codings = useHeldWhile(selecting, props.codings);
  const host = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const exact = useRef(false);
  const [indexed, setIndexed] = useState<Indexed | null>(null);
  // Null until the view holds this text: nothing is measured, flashed or marked in the last one.
  const index = indexed && indexed.text === text ? indexed.index : null;
  const [hover, setHover] = useState<string | null>(null);
  const model = useRef(createTranscriptModel());
  const lines = useMemo(() => model.current(text, codings, turns), [text, codings, turns]);
  // The line that must be built before anything else: where a jump or a find match goes.
  const needed = useMemo(() => lineAt(lines, focus?.end ?? current?.end ?? 0), [lines, focus, current]);
  const byGuid = useMemo(() => new Map(codings.map((c) => [c.guid, c])), [codings]);

  const layout = useStripes(host, body, index, codings, text);
  useCharsPerLine(body);

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
      setSelecting(false);
    };
    const lost = () => setSelecting(false);
    document.addEventListener('selectionchange', update);
    document.addEventListener('mouseup', released, true);
    document.addEventListener('keyup', alt, true);
    window.addEventListener('blur', lost);
    return () => {
      window.removeEventListener('blur', lost);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('mouseup', released, true);
      document.removeEventListener('keyup', alt, true);
    };
  }, [onSelect]);

  const rangeFor = (guid: string | null) => {
    const c = guid ? byGuid.get(guid) : undefined;
    return c && index ? rangeOf(index, c.start, c.end) : null;
  };
  useEffect(() =>
    paint(
      'coding-hover',
      [rangeFor(hover)].filter((r): r is Range => !!r),
    ),
  );
  useEffect(() =>
    paint(
      'coding-chosen',
      [rangeFor(selectedCoding)].filter((r): r is Range => !!r),
    ),
  );
  // Scroll to a find match or a focus once, when its line has been built (not on every later step).
  const scrolledTo = useRef<unknown>(null);
  useEffect(() => {
    if (!index) return;
    paint(
      'search-marks',
      (marks ?? []).flatMap((m) => rangeOf(index, m.start, m.end) ?? []),
    );
    const r = current ? rangeOf(index, current.start, current.end) : null;
    paint('search-current', r ? [r] : []);
    if (r && host.current && scrolledTo.current !== current) {
      scrolledTo.current = current;
      scrollToRange(host.current, r);
    }
  }, [index, marks, current]);
  useEffect(() => {
    if (!index || !focus || !host.current || scrolledTo.current === focus) return;
    const r = rangeOf(index, focus.start, focus.end);
    if (!r) return;
    scrolledTo.current = focus;
    scrollToRange(host.current, r);
    paint('flash', [r]);
    setTimeout(() => paint('flash', []), 1600);
  }, [index, focus]);

  /** A click (not a drag) on coded text chooses the innermost coding there. */
  const clickCoded = (e: React.MouseEvent) => {
    if (!document.getSelection()?.isCollapsed || !(e.target as HTMLElement).closest('.transcript-text')) return;
    const ids = (e.target as HTMLElement).closest<HTMLElement>('[data-codings]')?.dataset.codings?.split(' ');
    onSelectCoding?.(ids?.at(-1) ?? null);
  };
  const pressed = (e: React.MouseEvent) => {
    if (e.button === 0 && (e.target as HTMLElement).closest('.transcript-text')) setSelecting(true);
  };
  const dragSelection = (e: React.DragEvent) => {
    // Dragging the selected words onto a code in the code book applies that code.
    e.dataTransfer.setData('application/x-marginalia-selection', '1');
    e.dataTransfer.effectAllowed = 'copy';
  };

  const keys = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const root = (e.target as HTMLElement).closest<HTMLElement>('.transcript-text');
    if (root && host.current && index && moveSelection(e, root, host.current, index)) {
      exact.current = e.altKey;
      e.preventDefault();
      // Report now: selectionchange comes a task later, after a quick next key (1–9, C) is handled.
      onSelect(selectionToOffsets(document.getSelection(), host.current), exact.current);
    }
  };

  const chosen = selectedCoding ? byGuid.get(selectedCoding) : undefined;
  return (
    <div ref={host} className="transcript" data-testid="transcript">
      <div
        ref={body}
        className="transcript-body"
        onMouseDown={pressed}
        onClick={clickCoded}
        onDragStart={dragSelection}
        onDragEnd={() => setSelecting(false)}
        onKeyDown={keys}
      >
        <LexicalComposer
          initialConfig={{
            namespace: 'transcript',
            editable: false,
            nodes: [SegmentNode, LineNode, ChunkNode],
            onError: (e) => console.error(e),
            theme: { paragraph: 'line' },
          }}
        >
          <PlainTextPlugin
            contentEditable={
              <ContentEditable
                className="transcript-text"
                aria-label="Transcript text"
                aria-readonly="true"
                aria-multiline="true"
                role="textbox"
                tabIndex={0}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <ViewSync text={text} lines={lines} upTo={needed} onIndexed={setIndexed} />
        </LexicalComposer>
        {chosen && index && body.current && onResize && (
          <ResizeHandles text={text} coding={chosen} index={index} container={body.current} onResize={onResize} />
        )}
      </div>
      <Stripes
        placed={layout.placed}
        codings={codings}
        lanes={layout.lanes}
        height={layout.height}
        showCoder={showCoder}
        selected={selectedCoding}
        onHover={setHover}
        onPick={(g) => onSelectCoding?.(g)}
      />
    </div>
  );
}
