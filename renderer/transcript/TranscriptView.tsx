/** The transcript as a read-only Lexical view, rebuilt from the stored text and its codings. */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useEffect, useRef } from 'react';
import type { CodingView } from '../../shared/api/contract.js';
import { $buildTranscript } from './build.js';
import { SegmentNode } from './segment-node.js';
import { selectionToOffsets, type OffsetSpan } from './selection.js';

function Rebuild({ text, codings }: { text: string; codings: readonly CodingView[] }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // discrete: the new highlight is painted in the same frame as the action that caused it.
    editor.update(() => $buildTranscript(text, codings), { discrete: true });
  }, [editor, text, codings]);
  return null;
}

export interface TranscriptViewProps {
  text: string;
  codings: readonly CodingView[];
  onSelect(span: OffsetSpan | null): void;
}

export function TranscriptView({ text, codings, onSelect }: TranscriptViewProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const update = () => {
      if (host.current) onSelect(selectionToOffsets(document.getSelection(), host.current));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [onSelect]);
  return (
    <div ref={host} className="transcript" data-testid="transcript">
      <LexicalComposer
        initialConfig={{
          namespace: 'transcript',
          editable: false,
          nodes: [SegmentNode],
          onError: (e) => console.error(e),
          theme: { paragraph: 'line' },
        }}
      >
        <PlainTextPlugin
          contentEditable={<ContentEditable className="transcript-text" aria-label="Transcript" aria-readonly="true" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <Rebuild text={text} codings={codings} />
      </LexicalComposer>
    </div>
  );
}
