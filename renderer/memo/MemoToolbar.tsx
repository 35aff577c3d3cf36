/** Bold, italic and bullet list for a memo, showing what applies at the caret (aria-pressed). */
import { $isListNode, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND } from 'lexical';
import { ListNode } from '@lexical/list';
import { useEffect, useState } from 'react';

interface Marks {
  bold: boolean;
  italic: boolean;
  bullet: boolean;
}

export function MemoToolbar({ label }: { label: string }) {
  const [editor] = useLexicalComposerContext();
  const [marks, setMarks] = useState<Marks>({ bold: false, italic: false, bullet: false });

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const sel = $getSelection();
          if (!$isRangeSelection(sel)) return;
          const list = $getNearestNodeOfType(sel.anchor.getNode(), ListNode);
          setMarks({ bold: sel.hasFormat('bold'), italic: sel.hasFormat('italic'), bullet: $isListNode(list) && list.getListType() === 'bullet' });
        }),
      ),
    [editor],
  );

  // mousedown is cancelled so the editor keeps its selection (and focus) while a button is clicked.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="memo-toolbar" role="toolbar" aria-label={`${label}: formatting`}>
      <button
        type="button"
        aria-label="Bold"
        aria-keyshortcuts="Control+B Meta+B"
        aria-pressed={marks.bold}
        onMouseDown={keep}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <b aria-hidden="true">B</b>
      </button>
      <button
        type="button"
        aria-label="Italic"
        aria-keyshortcuts="Control+I Meta+I"
        aria-pressed={marks.italic}
        onMouseDown={keep}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <i aria-hidden="true">I</i>
      </button>
      <button
        type="button"
        aria-label="Bullet list"
        aria-pressed={marks.bullet}
        onMouseDown={keep}
        onClick={() =>
          marks.bullet ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined) : editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)
        }
      >
        <span aria-hidden="true">•≡</span>
      </button>
    </div>
  );
}
