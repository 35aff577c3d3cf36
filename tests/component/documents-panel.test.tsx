// @vitest-environment jsdom
/** The documents panel imports one file per call with a progress bar; a bad file is named, the rest come in. */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentsPanel } from '../../renderer/documents/DocumentsPanel.js';
import { fileToBase64 } from '../../renderer/documents/upload.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

afterEach(cleanup);

/** A promise the test resolves by hand, to hold an import "in flight". */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

const report = (name: string) => ({ imported: [{ file: name, id: 1, guid: `d-${name}`, name, length: 10, turns: 1, warnings: [] }], skipped: [] });

describe('DocumentsPanel import', () => {
  it('shows "n of N: file" progress while each file is imported in its own call, then reports', async () => {
    const calls: { name: string; base64: string }[][] = [];
    const pending = [deferred<unknown>(), deferred<unknown>(), deferred<unknown>()];
    const ws = fakeWorkspace({
      'documents.import': ((args: { files: { name: string; base64: string }[] }) => {
        calls.push(args.files);
        return pending[calls.length - 1]!.promise;
      }) as never,
    });
    const onOpen = vi.fn();
    renderIn(ws, <DocumentsPanel docs={[]} open={null} onOpen={onOpen} />);
    const files = ['a.txt', 'b.docx', 'c.txt'].map((n, i) => new File([`text ${i} é👍`], n));
    fireEvent.change(screen.getByLabelText('Files to import'), { target: { files } });

    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(screen.getByLabelText('Import progress')).toHaveProperty('value', 0);
    expect(screen.getByText('1 of 3: a.txt')).toBeTruthy();
    // The bytes travel as base64 and decode back to the file's UTF-8.
    expect(Buffer.from(calls[0]![0]!.base64, 'base64').toString('utf8')).toBe('text 0 é👍');

    await act(async () => pending[0]!.resolve(report('a.txt')));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(screen.getByText('2 of 3: b.docx')).toBeTruthy();
    expect(screen.getByLabelText('Import progress')).toHaveProperty('value', 1);

    await act(async () => pending[1]!.reject(new Error('b.docx: not a Word document (no zip header)')));
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    await act(async () => pending[2]!.resolve(report('c.txt')));

    await vi.waitFor(() => expect(screen.queryByLabelText('Import progress')).toBeNull());
    expect(ws.notify).toHaveBeenLastCalledWith('Imported 2 of 3 files');
    expect(ws.errors).toEqual(['b.docx: not a Word document (no zip header)']);
    expect(ws.changed).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('d-a.txt');
  });

  it('issue 12, point 11: after an import the new document opens, and what the import changed is said (a reflowed hard wrap)', async () => {
    const note = 'w.txt: hard-wrapped lines joined into paragraphs (40 line breaks removed, leading spaces dropped); check paragraph breaks';
    const ws = fakeWorkspace({
      'documents.import': async () => ({ imported: [{ ...report('w.txt').imported[0]!, warnings: [note] }], skipped: [] }),
    });
    const onOpen = vi.fn();
    renderIn(ws, <DocumentsPanel docs={[]} open={null} onOpen={onOpen} />);
    fireEvent.change(screen.getByLabelText('Files to import'), { target: { files: [new File(['x'], 'w.txt')] } });
    await vi.waitFor(() => expect(onOpen).toHaveBeenCalledWith('d-w.txt'));
    expect(ws.notify).toHaveBeenLastCalledWith(`Imported 1 of 1 file · ${note}`);
  });

  it('encodes large files in chunks (no call-stack overflow) and keeps every byte', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);
    const b64 = await fileToBase64(new Blob([bytes]));
    expect(Buffer.from(b64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
