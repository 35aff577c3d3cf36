// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { g, renderPanel } from './codebook-fixture.js';

afterEach(cleanup);

const item = (name: string) => screen.getByRole('treeitem', { name });
const focused = () => document.activeElement as HTMLElement;

describe('code book tree: roles and keyboard', () => {
  it('nests treeitems in groups with levels, expansion, selection and one tab stop', () => {
    renderPanel({ selected: g('Respect') });
    const tree = screen.getByRole('tree', { name: 'Code book' });
    const items = within(tree).getAllByRole('treeitem');
    expect(items.map((i) => [i.dataset.path, i.getAttribute('aria-level')])).toEqual([
      ['Dynamic security', '1'],
      ['Dynamic security/Rapport', '2'],
      ['Dynamic security/Boundaries', '2'],
      ['Dynamic security/Boundaries/Over-familiarity', '3'],
      ['Dynamic security/Discretion', '2'],
      ['Respect', '1'],
      ['No snitching', '1'],
    ]);
    expect(item('Dynamic security').getAttribute('aria-expanded')).toBe('true');
    expect(item('Rapport').hasAttribute('aria-expanded')).toBe(false);
    // The row owns its group of sub-codes.
    const group = document.getElementById(item('Boundaries').getAttribute('aria-owns')!)!;
    expect(group.getAttribute('role')).toBe('group');
    expect(within(group).getAllByRole('treeitem')).toEqual([item('Over-familiarity')]);
    expect(item('Respect').getAttribute('aria-selected')).toBe('true');
    expect(item('Rapport').getAttribute('aria-selected')).toBe('false');
    // Roving tabindex: the selected row is the only tab stop.
    expect(items.filter((i) => i.tabIndex === 0)).toEqual([item('Respect')]);
    // Pinned keys and counts are in the row; the description carries them for screen readers.
    expect(item('Rapport').querySelector('kbd')!.dataset.key).toBe('1');
    expect(item('Rapport').querySelector('.cb-counts')!.getAttribute('data-counts')).toBe('2/4');
    expect(item('Respect').querySelector('kbd')).toBeNull();
    expect(document.getElementById(item('Rapport').getAttribute('aria-describedby')!)!.textContent).toBe('key 1; 2 codings, 4 with sub-codes');
  });

  it('moves, collapses and expands with the arrow keys; Enter applies; Space selects', () => {
    const { onApply, onSelect } = renderPanel();
    item('Dynamic security').focus();
    fireEvent.keyDown(focused(), { key: 'ArrowDown' });
    expect(focused()).toBe(item('Rapport'));
    expect(item('Rapport').tabIndex).toBe(0);
    expect(item('Dynamic security').tabIndex).toBe(-1);
    fireEvent.keyDown(focused(), { key: 'ArrowDown' });
    fireEvent.keyDown(focused(), { key: 'ArrowLeft' }); // Boundaries is open: Left closes it
    expect(item('Boundaries').getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'Over-familiarity' })).toBeNull();
    fireEvent.keyDown(focused(), { key: 'ArrowDown' });
    expect(focused()).toBe(item('Discretion')); // the closed branch is skipped
    fireEvent.keyDown(focused(), { key: 'ArrowUp' });
    fireEvent.keyDown(focused(), { key: 'ArrowRight' }); // opens it again
    expect(item('Boundaries').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(focused(), { key: 'ArrowRight' }); // and enters it
    expect(focused()).toBe(item('Over-familiarity'));
    fireEvent.keyDown(focused(), { key: 'ArrowLeft' }); // a leaf: Left goes to the parent
    expect(focused()).toBe(item('Boundaries'));
    fireEvent.keyDown(focused(), { key: 'End' });
    expect(focused()).toBe(item('No snitching'));
    fireEvent.keyDown(focused(), { key: 'Home' });
    expect(focused()).toBe(item('Dynamic security'));
    fireEvent.keyDown(focused(), { key: 'Enter' });
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0]![0].path).toBe('Dynamic security');
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(focused(), { key: ' ' });
    expect(onSelect).toHaveBeenCalledWith(g('Dynamic security'));
    expect(item('Dynamic security').getAttribute('aria-selected')).toBe('true');
  });

  it('F2 renames inline through codebook.update; Escape cancels', async () => {
    const { calls, ws } = renderPanel();
    item('Rapport').focus();
    fireEvent.keyDown(item('Rapport'), { key: 'F2' });
    const input = screen.getByRole('textbox', { name: 'New name for Dynamic security/Rapport' });
    expect(document.activeElement).toBe(input);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(calls['codebook.update']).not.toHaveBeenCalled();
    fireEvent.keyDown(item('Rapport'), { key: 'F2' });
    const again = screen.getByRole('textbox', { name: 'New name for Dynamic security/Rapport' });
    fireEvent.change(again, { target: { value: 'Trust' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    await waitFor(() => expect(calls['codebook.update']).toHaveBeenCalledWith({ code: g('Dynamic security/Rapport'), name: 'Trust' }));
    await waitFor(() => expect(ws.changed).toHaveBeenCalledTimes(1));
  });

  it('Alt+arrows reorder, indent and outdent through codebook.move', async () => {
    const { calls } = renderPanel();
    const move = calls['codebook.move'];
    fireEvent.keyDown(item('Rapport'), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('Dynamic security/Rapport'), parent: g('Dynamic security'), position: 1 }));
    fireEvent.keyDown(item('Rapport'), { key: 'ArrowUp', altKey: true }); // already first: nothing
    fireEvent.keyDown(item('Boundaries'), { key: 'ArrowRight', altKey: true }); // under Rapport, the sibling above
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('Dynamic security/Boundaries'), parent: g('Dynamic security/Rapport') }));
    fireEvent.keyDown(item('Discretion'), { key: 'ArrowLeft', altKey: true }); // to the top level, just after its parent
    await waitFor(() => expect(move).toHaveBeenLastCalledWith({ code: g('Dynamic security/Discretion'), parent: null, position: 1 }));
    fireEvent.keyDown(item('Respect'), { key: 'ArrowLeft', altKey: true }); // top level: nothing
    expect(move).toHaveBeenCalledTimes(3);
  });
});

describe('code book filter', () => {
  it('shows matches by name with their ancestors, and by definition', () => {
    renderPanel();
    const box = screen.getByRole('searchbox', { name: 'Filter codes' });
    fireEvent.change(box, { target: { value: 'familiarity' } });
    expect(screen.getAllByRole('treeitem').map((i) => i.dataset.path)).toEqual([
      'Dynamic security',
      'Dynamic security/Boundaries',
      'Dynamic security/Boundaries/Over-familiarity',
    ]);
    fireEvent.change(box, { target: { value: 'mutual regard' } });
    expect(screen.getAllByRole('treeitem').map((i) => i.dataset.path)).toEqual(['Respect']);
    fireEvent.change(box, { target: { value: 'zzzzqqq' } });
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.getByText('No code matches the filter.')).toBeTruthy();
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getAllByRole('treeitem')).toHaveLength(7);
  });
});
