// @vitest-environment jsdom
/** Workspace keys and Electron's menu commands reach the right actions; the code picker finds codes fuzzily. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeWithCounts } from '../../shared/api/types.js';
import { COMMAND_EVENT } from '../../shared/shell.js';
import { CodePicker } from '../../renderer/coding/CodePicker.js';
import { useShortcuts, type ShortcutActions } from '../../renderer/workspace/useShortcuts.js';

afterEach(cleanup);

function actions(over: Partial<ShortcutActions> = {}): ShortcutActions {
  return {
    dialogOpen: false,
    hasSelection: () => true,
    chosen: null,
    pinned: [1, 2, 3],
    toggleSheet: vi.fn(),
    openPicker: vi.fn(),
    applyPinned: vi.fn(),
    inVivo: vi.fn(),
    removeChosen: vi.fn(),
    memoChosen: vi.fn(),
    letGo: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    find: vi.fn(),
    tab: vi.fn(),
    ...over,
  };
}

function Keys({ a }: { a: ShortcutActions }) {
  useShortcuts(a);
  return <input aria-label="a field" />;
}

const key = (k: string, init: KeyboardEventInit = {}, target: EventTarget = window) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));

describe('useShortcuts', () => {
  it('pinned keys, C, V and ? act on a selection; Ctrl+Z / Shift+Ctrl+Z undo and redo', () => {
    const a = actions();
    render(<Keys a={a} />);
    key('2');
    expect(a.applyPinned).toHaveBeenCalledWith(1);
    key('9'); // no ninth pinned code
    expect(a.applyPinned).toHaveBeenCalledTimes(1);
    key('c');
    key('v');
    key('?');
    key('z', { ctrlKey: true });
    key('Z', { ctrlKey: true, shiftKey: true });
    key('2', { altKey: true });
    expect([a.openPicker, a.inVivo, a.toggleSheet, a.undo, a.redo].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1, 1, 1]);
    expect(a.tab).toHaveBeenCalledWith('retrieval');
  });

  it('keys typed into a field are left alone, and nothing codes without a selection', () => {
    const a = actions({ hasSelection: () => false });
    render(<Keys a={a} />);
    key('1');
    key('1', {}, screen.getByLabelText('a field'));
    key('z', { ctrlKey: true }, screen.getByLabelText('a field'));
    expect(a.applyPinned).not.toHaveBeenCalled();
    expect(a.undo).not.toHaveBeenCalled();
  });

  it('Delete and M act on the chosen coding; Escape lets it go', () => {
    const a = actions({ chosen: 'g1', hasSelection: () => false });
    render(<Keys a={a} />);
    key('Delete');
    key('m');
    key('Escape');
    expect([a.removeChosen, a.memoChosen, a.letGo].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
  });

  it("the Electron menu's Undo, Redo and Find arrive as a DOM event; unknown commands are ignored", () => {
    const a = actions();
    render(<Keys a={a} />);
    for (const detail of ['undo', 'redo', 'find', 'format-disk']) window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail }));
    expect([a.undo, a.redo, a.find].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1]);
  });
});

const code = (name: string, path: string, definition = ''): CodeWithCounts => ({
  guid: path,
  id: 1,
  name,
  path,
  parentId: 1,
  color: '#123456',
  definition,
  inclusion: '',
  exclusion: '',
  example: '',
  position: 0,
  own: 0,
  total: 0,
});

describe('CodePicker', () => {
  const codes = [
    code('Rapport', 'Dynamic security/Rapport'),
    code('Boundaries', 'Dynamic security/Boundaries', 'limits on personal disclosure'),
    code('No snitching', 'Prisoner code/No snitching'),
  ];

  it('finds codes by a misspelt name or by words of the definition; Enter applies the first', () => {
    const onPick = vi.fn();
    render(<CodePicker codes={codes} quote="the guys tell you" onPick={onPick} onCreate={vi.fn()} onClose={vi.fn()} />);
    const box = screen.getByRole('combobox', { name: 'Find a code' });
    fireEvent.change(box, { target: { value: 'snitchng' } });
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('No snitching');
    fireEvent.change(box, { target: { value: 'disclosure' } });
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Boundaries');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(codes[1]);
  });

  it('with no match, Enter creates a code of that name', () => {
    const onCreate = vi.fn();
    render(<CodePicker codes={codes} quote="q" onPick={vi.fn()} onCreate={onCreate} onClose={vi.fn()} />);
    const box = screen.getByRole('combobox', { name: 'Find a code' });
    fireEvent.change(box, { target: { value: 'xyzzy quux' } });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCreate).toHaveBeenCalledWith('xyzzy quux');
  });
});
