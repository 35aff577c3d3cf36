// @vitest-environment jsdom
import { act, cleanup, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SELECTION_TYPE } from '../../renderer/codebook/CodeTree.js';
import { api, g, renderPanel } from './codebook-fixture.js';

afterEach(cleanup);

const item = (name: string) => screen.getByRole('treeitem', { name });
const row = item;

/** A DataTransfer as the browser hands it to dragover/drop: types readable, data by type. */
function transfer(data: Record<string, string>) {
  return { types: Object.keys(data), getData: (t: string) => data[t] ?? '', setData: vi.fn(), dropEffect: 'none', effectAllowed: 'all' };
}

/** jsdom has no DragEvent, so the pointer height is set on the event by hand. */
function fireAt(kind: 'dragOver' | 'drop', el: HTMLElement, dataTransfer: unknown, clientY: number) {
  const ev = createEvent[kind](el, { dataTransfer });
  Object.defineProperty(ev, 'clientY', { value: clientY });
  fireEvent(el, ev);
}

/** The row is 20px tall at y=100: the upper quarter is "before", the lower quarter "after". */
function placeRow(el: HTMLElement) {
  el.getBoundingClientRect = () => ({ top: 100, bottom: 120, height: 20, left: 0, right: 200, width: 200, x: 0, y: 100, toJSON: () => ({}) });
}

describe('deleting a code', () => {
  it('shows how many sub-codes and codings go, and deletes only on confirm', async () => {
    const { calls, ws } = renderPanel();
    item('Boundaries').focus();
    fireEvent.keyDown(item('Boundaries'), { key: 'Delete' });
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete code “Dynamic security/Boundaries”?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await waitFor(() => expect(within(dialog).getByTestId('deletion-impact').textContent).toContain('1 sub-code and removes 4 codings'));
    expect(calls['codebook.deletionImpact']).toHaveBeenCalledWith({ code: g('Dynamic security/Boundaries') });
    // Cancel is focused first (the safe choice); Tab stays inside the dialog.
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const del = within(dialog).getByRole('button', { name: 'Delete' });
    expect(document.activeElement).toBe(cancel);
    del.focus();
    fireEvent.keyDown(del, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls['codebook.delete']).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(item('Boundaries')));

    fireEvent.keyDown(item('Boundaries'), { key: 'Delete' });
    const again = await screen.findByRole('alertdialog');
    await waitFor(() => expect(within(again).getByRole('button', { name: 'Delete' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(again).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls['codebook.delete']).toHaveBeenCalledWith({ code: g('Dynamic security/Boundaries') }));
    expect(ws.changed).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('Escape closes the confirmation without deleting', async () => {
    const { calls } = renderPanel();
    fireEvent.keyDown(item('Respect'), { key: 'Delete' });
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls['codebook.delete']).not.toHaveBeenCalled();
  });
});

describe('dragging onto a code', () => {
  it('a transcript selection dropped on a code applies it and moves nothing', () => {
    const { calls, onApply } = renderPanel();
    const dt = transfer({ [SELECTION_TYPE]: '{"start":3,"end":9}' });
    const over = fireEvent.dragOver(row('Respect'), { dataTransfer: dt });
    expect(over).toBe(false); // default prevented: the row accepts the drop
    fireEvent.drop(row('Respect'), { dataTransfer: dt });
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0]![0].path).toBe('Respect');
    expect(calls['codebook.move']).not.toHaveBeenCalled();
  });

  it('a code dropped in the middle of a row becomes its sub-code; in an edge it goes before or after', async () => {
    const { calls } = renderPanel();
    const move = calls['codebook.move'];
    const drag = (from: string, to: string, clientY: number) => {
      const dt = transfer({ 'application/x-marginalia-code': `path-of-${from}` });
      placeRow(row(to));
      fireEvent.dragStart(row(from), { dataTransfer: dt });
      fireAt('dragOver', row(to), dt, clientY);
      fireAt('drop', row(to), dt, clientY);
      fireEvent.dragEnd(row(from), { dataTransfer: dt });
    };
    drag('No snitching', 'Rapport', 110);
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('No snitching'), parent: g('Dynamic security/Rapport') }));
    drag('No snitching', 'Rapport', 101);
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('No snitching'), parent: g('Dynamic security'), position: 0 }));
    drag('Rapport', 'Discretion', 119); // after Discretion, counted without Rapport itself
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('Dynamic security/Rapport'), parent: g('Dynamic security'), position: 2 }));
    drag('Dynamic security', 'Over-familiarity', 110); // into its own sub-code: refused
    expect(move).toHaveBeenCalledTimes(3);
  });
});

describe('merging a code', () => {
  it('offers every code outside its own branch and merges into the chosen one', async () => {
    const { calls, ws } = renderPanel({ selected: g('Dynamic security/Boundaries') });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge “Dynamic security/Boundaries” into another code' });
    const select = within(dialog).getByLabelText('Merge into') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      'Dynamic security',
      'Dynamic security/Rapport',
      'Dynamic security/Discretion',
      'Respect',
      'No snitching',
    ]);
    expect(select.value).toBe(g('Dynamic security'));
    fireEvent.change(select, { target: { value: g('Respect') } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(calls['codebook.merge']).toHaveBeenCalledWith({ source: g('Dynamic security/Boundaries'), target: g('Respect') }));
    expect(ws.changed).toHaveBeenCalledTimes(1);
  });
});

describe('the details sheet', () => {
  it('saves a field on blur and on Ctrl+Enter, only when it changed', async () => {
    const calls = api({ 'memos.get': vi.fn(async () => 'Rapport *memo*') });
    renderPanel({ selected: g('Respect'), calls });
    const sheet = screen.getByRole('region', { name: 'Code details: Respect' });
    const definition = within(sheet).getByLabelText('Definition') as HTMLTextAreaElement;
    expect(definition.value).toBe('Mutual regard between staff and prisoners');
    fireEvent.blur(definition);
    expect(calls['codebook.update']).not.toHaveBeenCalled();
    fireEvent.change(definition, { target: { value: 'Being treated as a person' } });
    fireEvent.blur(definition);
    await waitFor(() => expect(calls['codebook.update']).toHaveBeenCalledWith({ code: g('Respect'), definition: 'Being treated as a person' }));
    const example = within(sheet).getByLabelText('Example');
    fireEvent.change(example, { target: { value: '“He calls me by my name.”' } });
    fireEvent.keyDown(example, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(calls['codebook.update']).toHaveBeenLastCalledWith({ code: g('Respect'), example: '“He calls me by my name.”' }));
    // The code's memo is loaded into its editor.
    await waitFor(() => expect(calls['memos.get']).toHaveBeenCalledWith({ kind: 'code', target: g('Respect') }));
    expect(within(sheet).getByRole('textbox', { name: 'Memo on code Respect' })).toBeTruthy();
  });

  it('New code creates a top-level code; New sub-code one under the focused code', async () => {
    const { calls, onSelect } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'New code' }));
    await waitFor(() => expect(calls['codebook.create']).toHaveBeenCalledWith({ parent: null, name: 'New code' }));
    await waitFor(() => expect(onSelect).toHaveBeenCalledWith(g('New code')));
    act(() => item('Rapport').focus());
    fireEvent.click(screen.getByRole('button', { name: 'New sub-code' }));
    await waitFor(() => expect(calls['codebook.create']).toHaveBeenLastCalledWith({ parent: g('Dynamic security/Rapport'), name: 'New code' }));
  });
});
