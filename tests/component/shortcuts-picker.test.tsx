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
    compare: vi.fn(),
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
    for (const detail of ['undo', 'redo', 'find', 'compare', 'format-disk']) window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail }));
    expect([a.undo, a.redo, a.find, a.compare].map((f) => (f as ReturnType<typeof vi.fn>).mock.calls.length)).toEqual([1, 1, 1, 1]);
  });

  it('Shift+A opens Compare coders without a selection, but not while typing in a field', () => {
    const a = actions({ hasSelection: () => false });
    const { getByLabelText } = render(<Keys a={a} />);
    key('A', { shiftKey: true });
    key('A', { shiftKey: true }, getByLabelText('a field'));
    key('a');
    expect(a.compare).toHaveBeenCalledTimes(1);
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
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['+ Create code “xyzzy quux” and apply it']);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCreate).toHaveBeenCalledWith('xyzzy quux');
  });

  // Issue 12, point 1: after a mouse selection the pointer rests where the picker opens; the row
  // under it became active on hover, so typing "rapport" + Enter applied another code.
  it('regression: the row under a resting pointer does not take the active row from typing ("rapport" + Enter applied "Communication")', () => {
    const more = [code('Communication', 'Dynamic security/Communication'), ...codes];
    const onPick = vi.fn();
    render(<CodePicker codes={more} quote="q" onPick={onPick} onCreate={vi.fn()} onClose={vi.fn()} />);
    const box = screen.getByRole('combobox', { name: 'Find a code' });
    const under = screen.getAllByRole('option')[0]!; // Communication, under the still pointer
    fireEvent.mouseMove(under, { clientX: 40, clientY: 90 });
    fireEvent.change(box, { target: { value: 'rapport' } });
    // The list changed under the pointer: the browser sends mouse events at the same place.
    fireEvent.mouseMove(screen.getAllByRole('option')[1] ?? under, { clientX: 40, clientY: 90 });
    expect(screen.getAllByRole('option')[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(more[1]);
    // A real move of the mouse does choose the row under it.
    onPick.mockClear();
    fireEvent.change(box, { target: { value: '' } });
    const rows = screen.getAllByRole('option');
    fireEvent.mouseMove(rows[2]!, { clientX: 40, clientY: 120 });
    expect(rows[2]!.getAttribute('aria-selected')).toBe('true');
  });

  // Issue 12, point 2: fuzzy matching finds a weak match for anything, so Enter almost never
  // created the code; a weak match must never be applied without being chosen.
  it('regression: a weak fuzzy match is not applied on Enter; "Create code" is the first row ("loneliness" → Bonding)', () => {
    const onPick = vi.fn();
    const onCreate = vi.fn();
    const withBonding = [code('Bonding', 'Prisoner code/Bonding', 'ties between people on the unit'), ...codes];
    render(<CodePicker codes={withBonding} quote="q" onPick={onPick} onCreate={onCreate} onClose={vi.fn()} />);
    const box = screen.getByRole('combobox', { name: 'Find a code' });
    fireEvent.change(box, { target: { value: 'loneliness' } });
    const options = screen.getAllByRole('option');
    expect(options[0]!.textContent).toContain('Create code “loneliness”');
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onCreate).toHaveBeenCalledWith('loneliness');
    expect(onPick).not.toHaveBeenCalled();
    // An exact name is applied, and offers no Create row.
    fireEvent.change(box, { target: { value: 'bonding' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).not.toContain('+ Create code “bonding” and apply it');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(withBonding[0]);
  });
});
