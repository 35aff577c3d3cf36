// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoEditor } from '../../renderer/memo/MemoEditor.js';
import { $getMemoMarkdown, $setMemoMarkdown, MEMO_NODES } from '../../renderer/memo/markdown.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

afterEach(cleanup);

const MEMO = [
  '# Rapport in the unit',
  '',
  'Officers **know names** and *ask about family*.',
  '',
  '- first contact',
  '- daily rounds',
  '',
  '> They talk to us like people.',
].join('\n');

/** The editor behind a rendered memo (Lexical keeps it on its root element). */
const editorOf = (label: string): LexicalEditor => {
  const root: HTMLElement & { __lexicalEditor?: LexicalEditor } = screen.getByRole('textbox', { name: label });
  if (!root.__lexicalEditor) throw new Error(`no Lexical editor on the ${label} textbox`);
  return root.__lexicalEditor;
};

const appendLine = (editor: LexicalEditor, text: string) =>
  act(() => {
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  });

describe('memo markdown', () => {
  it('round-trips headings, bold, italic, lists and quotes through the editor unchanged', () => {
    const editor = createEditor({
      nodes: MEMO_NODES,
      onError: (e) => {
        throw e;
      },
    });
    editor.update(() => $setMemoMarkdown(MEMO), { discrete: true });
    expect(editor.getEditorState().read($getMemoMarkdown)).toBe(MEMO);
    const kinds = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((n) => n.getType()),
    );
    expect(kinds).toEqual(['heading', 'paragraph', 'list', 'quote']);
  });
});

describe('MemoEditor', () => {
  it('shows the stored markdown as rich text', async () => {
    const ws = fakeWorkspace({ 'memos.get': vi.fn(async () => MEMO) });
    renderIn(ws, <MemoEditor target={{ kind: 'code', target: 'g-rapport' }} label="Memo on code Rapport" />);
    const box = screen.getByRole('textbox', { name: 'Memo on code Rapport' });
    await waitFor(() => expect(box.querySelector('h1')?.textContent).toBe('Rapport in the unit'));
    expect(box.querySelector('strong, .memo-bold')?.textContent).toBe('know names');
    expect(box.querySelector('em, .memo-italic')?.textContent).toBe('ask about family');
    expect(Array.from(box.querySelectorAll('ul li')).map((li) => li.textContent)).toEqual(['first contact', 'daily rounds']);
    expect(box.getAttribute('contenteditable')).toBe('true');
    expect(ws.api['memos.get']).toHaveBeenCalledWith({ kind: 'code', target: 'g-rapport' });
  });

  it('saves once after a burst of changes, as markdown, and says so', async () => {
    const set = vi.fn(async () => null);
    const ws = fakeWorkspace({ 'memos.get': vi.fn(async () => MEMO), 'memos.set': set });
    renderIn(ws, <MemoEditor target={{ kind: 'project' }} label="Project memo" delay={80} />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Project memo' }).getAttribute('contenteditable')).toBe('true'));
    const editor = editorOf('Project memo');
    // Keystrokes closer together than the delay, spanning more than it in all: still one write.
    const pause = () => act(() => new Promise((r) => setTimeout(r, 50)));
    appendLine(editor, 'One');
    await pause();
    appendLine(editor, 'Two');
    await pause();
    appendLine(editor, 'Three');
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    expect(set).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith({ kind: 'project', body: `${MEMO}\n\nOne\n\nTwo\n\nThree` });
    await new Promise((r) => setTimeout(r, 150));
    expect(set).toHaveBeenCalledTimes(1);
    // Saving does not make the whole workspace re-read; leaving the editor does, once.
    expect(ws.changed).not.toHaveBeenCalled();
  });

  it('loading the memo is not a change: nothing is written', async () => {
    const set = vi.fn(async () => null);
    const ws = fakeWorkspace({ 'memos.get': vi.fn(async () => MEMO), 'memos.set': set });
    const r = renderIn(ws, <MemoEditor target={{ kind: 'document', target: 'd-ip-01' }} label="Memo on document ip-01.txt" delay={20} />);
    await waitFor(() => expect(screen.getByRole('textbox').getAttribute('contenteditable')).toBe('true'));
    await new Promise((r) => setTimeout(r, 80));
    r.unmount();
    await new Promise((r) => setTimeout(r, 20));
    expect(set).not.toHaveBeenCalled();
  });

  it('flushes on blur before the delay, then calls changed() once', async () => {
    const set = vi.fn(async () => null);
    const ws = fakeWorkspace({ 'memos.get': vi.fn(async () => null), 'memos.set': set });
    renderIn(ws, <MemoEditor target={{ kind: 'document', target: 'd-ip-01' }} label="Memo on document ip-01.txt" delay={10_000} />);
    const box = screen.getByRole('textbox', { name: 'Memo on document ip-01.txt' });
    await waitFor(() => expect(box.getAttribute('contenteditable')).toBe('true'));
    appendLine(editorOf('Memo on document ip-01.txt'), 'Officer knows the wing');
    fireEvent.blur(box, { relatedTarget: document.body });
    await waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    expect(set.mock.calls[0]).toEqual([{ kind: 'document', target: 'd-ip-01', body: expect.stringContaining('Officer knows the wing') }]);
    await waitFor(() => expect(ws.changed).toHaveBeenCalledTimes(1));
  });

  it('flushes on unmount, and writes a coding memo through codings.setMemo', async () => {
    const setMemo = vi.fn(async () => null);
    const ws = fakeWorkspace({ 'codings.setMemo': setMemo });
    const r = renderIn(ws, <MemoEditor target={{ kind: 'coding', guid: 'c-1', body: '*tentative*' }} label="Memo on coding" delay={10_000} />);
    const box = screen.getByRole('textbox', { name: 'Memo on coding' });
    await waitFor(() => expect(box.querySelector('em, .memo-italic')?.textContent).toBe('tentative'));
    appendLine(editorOf('Memo on coding'), 'check with second coder');
    r.unmount();
    await waitFor(() => expect(setMemo).toHaveBeenCalledWith({ guid: 'c-1', body: '*tentative*\n\ncheck with second coder' }));
  });

  it('shows why a save failed', async () => {
    const set = vi.fn(async () => {
      throw new Error('the project file is read-only');
    });
    const ws = fakeWorkspace({ 'memos.get': vi.fn(async () => ''), 'memos.set': set });
    renderIn(ws, <MemoEditor target={{ kind: 'project' }} label="Project memo" delay={10} />);
    await waitFor(() => expect(screen.getByRole('textbox').getAttribute('contenteditable')).toBe('true'));
    appendLine(editorOf('Project memo'), 'x');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not saved: the project file is read-only'));
    expect(ws.errors).toEqual(['the project file is read-only']);
  });
});
