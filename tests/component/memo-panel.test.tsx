// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemosPanel } from '../../renderer/memo/MemosPanel.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

afterEach(cleanup);

describe('MemosPanel', () => {
  it('has project, document and code tabs, moved between with the arrow keys, each loading its own memo', async () => {
    const get = vi.fn(async (args?: unknown) => `The ${(args as { kind: string }).kind} memo`);
    renderIn(fakeWorkspace({ 'memos.get': get }), <MemosPanel document={{ guid: 'd-ip-01', name: 'ip-01.txt' }} code={null} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Project', 'Document · ip-01.txt', 'Code']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Project memo' }).textContent).toBe('The project memo'));
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Memo on document ip-01.txt' }).textContent).toBe('The document memo'));
    expect(get).toHaveBeenCalledWith({ kind: 'document', target: 'd-ip-01' });
    fireEvent.keyDown(tabs[1]!, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toContain('Select a code in the code book');
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.keyDown(tabs[2]!, { key: 'ArrowRight' }); // wraps round
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
  });
});
