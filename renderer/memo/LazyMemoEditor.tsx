/**
 * The memo editor loaded on first use: rich text, lists and Markdown are a large part of the
 * page's code and are not needed to open a transcript.
 */
import { lazy, Suspense } from 'react';
import type { MemoEditorProps } from './MemoEditor.js';

const Editor = lazy(() => import('./MemoEditor.js').then((m) => ({ default: m.MemoEditor })));

export function LazyMemoEditor(props: MemoEditorProps) {
  return (
    <Suspense fallback={<p className="hint">Loading the memo editor…</p>}>
      <Editor {...props} />
    </Suspense>
  );
}
