/**
 * A memo on the project, a document, a code, a case or one coding: a Lexical rich-text editor
 * whose content is stored as Markdown, saved as you type (debounced), on blur and on unmount,
 * with a saved indicator. The rest of the UI is told (changed()) once, when the editor is left.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useWorkspace } from '../workspace/context.js';
import { $getMemoMarkdown, $setMemoMarkdown, MEMO_NODES, MEMO_TRANSFORMERS } from './markdown.js';
import './memo.css';
import { MemoToolbar } from './MemoToolbar.js';
import { statusText, useMemoSave, type MemoWriter } from './useMemoSave.js';

/** What the memo is on; documents, codes and cases by GUID (`target`), as the API takes them. */
export type MemoTarget = { kind: 'project' } | { kind: 'document' | 'code' | 'case'; target: string } | { kind: 'coding'; guid: string; body: string | null };

export interface MemoEditorProps {
  target: MemoTarget;
  /** Accessible name, e.g. 'Memo on code Rapport'. */
  label: string;
  /** Milliseconds after the last keystroke before saving. */
  delay?: number;
}

/** A new target is a new editor: the old one flushes its pending text as it unmounts. */
const targetKey = (t: MemoTarget) => (t.kind === 'project' ? 'project' : t.kind === 'coding' ? `coding:${t.guid}` : `${t.kind}:${t.target}`);

export function MemoEditor(props: MemoEditorProps) {
  return <MemoEditorFor key={targetKey(props.target)} {...props} />;
}

function MemoEditorFor({ target, label, delay = 400 }: MemoEditorProps) {
  const { api, run, changed } = useWorkspace();
  const write = useCallback<MemoWriter>(
    async (body) => {
      let reason = 'the memo could not be saved';
      const failed = (e: unknown) => {
        if (e instanceof Error) reason = e.message;
        throw e;
      };
      const call =
        target.kind === 'coding'
          ? api['codings.setMemo']({ guid: target.guid, body })
          : api['memos.set']({ kind: target.kind, ...(target.kind === 'project' ? {} : { target: target.target }), body });
      const r = await run(call.catch(failed));
      if (r === undefined) return reason;
      wrote.current = true;
      return null;
    },
    [api, run, target],
  );
  const save = useMemoSave(write, delay);
  const wrote = useRef(false);

  // Told once per visit, not per keystroke: changed() makes the whole workspace re-read.
  const leave = async () => {
    await save.flush();
    if (wrote.current) {
      wrote.current = false;
      changed();
    }
  };

  return (
    <div
      className="memo"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void leave();
      }}
    >
      <LexicalComposer
        initialConfig={{ namespace: `memo-${targetKey(target)}`, nodes: MEMO_NODES, editable: false, onError: (e) => console.error(e), theme: MEMO_THEME }}
      >
        <MemoToolbar label={label} />
        <div className="memo-surface">
          <RichTextPlugin
            contentEditable={<ContentEditable className="memo-text" aria-label={label} aria-multiline="true" role="textbox" />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <MarkdownShortcutPlugin transformers={MEMO_TRANSFORMERS} />
        <LoadMemo target={target} onLoaded={save.setBaseline} />
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state, editor) => {
            if (!editor.isEditable()) return;
            save.schedule(state.read($getMemoMarkdown));
          }}
        />
      </LexicalComposer>
      <p role="status" className="memo-status" data-state={save.status.kind}>
        {statusText(save.status)}
      </p>
    </div>
  );
}

const MEMO_THEME = {
  paragraph: 'memo-p',
  quote: 'memo-quote',
  heading: { h1: 'memo-h1', h2: 'memo-h2', h3: 'memo-h3' },
  list: { ul: 'memo-ul', ol: 'memo-ol', listitem: 'memo-li' },
  text: { bold: 'memo-bold', italic: 'memo-italic' },
};

/** Reads the stored memo into the editor, then makes it editable (so nothing typed is overwritten). */
function LoadMemo({ target, onLoaded }: { target: MemoTarget; onLoaded(markdown: string): void }) {
  const [editor] = useLexicalComposerContext();
  const { api, run } = useWorkspace();
  const [failed, setFailed] = useState(false);
  // Read once per editor: the target is fixed for this editor's life (MemoEditor keys on it), and a
  // new api/run/onLoaded must not reload the memo over what has been typed.
  const read = useEffectEvent((): Promise<string | null | undefined> =>
    target.kind === 'coding'
      ? Promise.resolve(target.body)
      : run(api['memos.get']({ kind: target.kind, ...(target.kind === 'project' ? {} : { target: target.target }) })),
  );
  const loaded = useEffectEvent((markdown: string) => onLoaded(markdown));
  useEffect(() => {
    let live = true;
    void read().then((md) => {
      if (!live) return;
      if (md === undefined) return setFailed(true);
      editor.update(() => $setMemoMarkdown(md ?? ''), { tag: HISTORY_MERGE_TAG, discrete: true });
      loaded(editor.getEditorState().read($getMemoMarkdown));
      editor.setEditable(true);
    });
    return () => {
      live = false;
    };
  }, [editor]);
  return failed ? <p className="memo-status">The memo could not be read.</p> : null;
}
