// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHitView } from '../../shared/api/types.js';
import { SearchPanel } from '../../renderer/search/SearchPanel.js';
import { snippetParts } from '../../renderer/search/snippet.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

afterEach(cleanup);

const HITS: SearchHitView[] = [
  {
    documentGuid: 'd-co-01',
    document: 'co-01.txt',
    documentId: 1,
    start: 120,
    end: 127,
    matches: [
      { start: 120, end: 127 },
      { start: 160, end: 167 },
    ],
    snippet: '…you build [respect] by being the same every day, and respect…',
  },
  {
    documentGuid: 'd-co-01',
    document: 'co-01.txt',
    documentId: 1,
    start: 900,
    end: 907,
    matches: [{ start: 900, end: 907 }],
    snippet: 'Earned [respect] is different…',
  },
  {
    documentGuid: 'd-ip-02',
    document: 'ip-02.txt',
    documentId: 4,
    start: 55,
    end: 62,
    matches: [{ start: 55, end: 62 }],
    snippet: '[Sam] They show [respect] when it’s earned',
  },
];

function setup(hits: SearchHitView[] | Error = HITS) {
  const corpus = vi.fn(async (_args?: unknown) => {
    if (hits instanceof Error) throw hits;
    return hits;
  });
  const ws = fakeWorkspace({ 'search.corpus': corpus });
  const r = renderIn(ws, <SearchPanel />);
  return { ws, corpus, ...r };
}

function searchFor(q: string) {
  fireEvent.change(screen.getByLabelText('Search all transcripts'), { target: { value: q } });
  fireEvent.submit(screen.getByRole('search'));
}

describe('SearchPanel', () => {
  it('explains the query syntax next to the box', () => {
    setup();
    const box = screen.getByLabelText('Search all transcripts');
    const hint = document.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/"quoted phrases"/);
    expect(hint.textContent).toMatch(/\*/);
  });

  it('sends the trimmed query and lists hits under one heading per document with its match count', async () => {
    const { corpus } = setup();
    searchFor('  respect ');
    expect(await screen.findByText('4 matches in 2 documents')).toBeTruthy();
    expect(corpus).toHaveBeenCalledWith({ query: 'respect', limit: 200 });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['co-01.txt · 3 matches', 'ip-02.txt · 1 match']);
    expect(within(screen.getByRole('list', { name: 'Matches in co-01.txt' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('renders the bracketed match as <mark>, leaving the transcript’s own brackets as text', async () => {
    setup();
    searchFor('respect');
    const list = await screen.findByRole('list', { name: 'Matches in ip-02.txt' });
    const button = within(list).getByRole('button');
    expect(button.querySelectorAll('mark')).toHaveLength(1);
    expect(button.querySelector('mark')!.textContent).toBe('respect');
    expect(button.textContent).toBe('[Sam] They show respect when it’s earned');
  });

  it('clicking a hit opens its document at the hit with every match of that document marked', async () => {
    const { ws } = setup();
    searchFor('respect');
    const list = await screen.findByRole('list', { name: 'Matches in co-01.txt' });
    fireEvent.click(within(list).getAllByRole('button')[1]!);
    expect(ws.openDocument).toHaveBeenCalledWith('d-co-01', { start: 900, end: 907 }, [
      { start: 120, end: 127 },
      { start: 160, end: 167 },
      { start: 900, end: 907 },
    ]);
  });

  it('says when nothing is found', async () => {
    setup([]);
    searchFor('"no such phrase"');
    expect(await screen.findByText('Nothing found for “"no such phrase"”.')).toBeTruthy();
    expect(screen.queryAllByRole('list')).toHaveLength(0);
  });

  it('an API error goes through run(), and an empty box asks nothing', async () => {
    const { ws, corpus } = setup(new Error('query: unbalanced quotes'));
    searchFor('   ');
    expect(corpus).not.toHaveBeenCalled();
    searchFor('"open');
    await waitFor(() => expect(ws.errors).toEqual(['query: unbalanced quotes']));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('runs the shown search again when the workspace version moves', async () => {
    const { ws, corpus, rerenderIn } = setup();
    searchFor('respect');
    await screen.findByText('4 matches in 2 documents');
    rerenderIn({ ...ws, version: 5 }, <SearchPanel />);
    await waitFor(() => expect(corpus).toHaveBeenCalledTimes(2));
    expect(corpus.mock.calls[1]![0]).toEqual({ query: 'respect', limit: 200 });
  });
});

describe('snippetParts', () => {
  it('splits around the bracketed match', () => {
    expect(snippetParts('…we build [trust] slowly…', 5)).toEqual([
      { text: '…we build ', mark: false },
      { text: 'trust', mark: true },
      { text: ' slowly…', mark: false },
    ]);
  });
  it('finds the match inside a bracket label when the label itself matched', () => {
    expect(snippetParts('[[Interviewer]] Did you trust him?', 11)).toEqual([
      { text: '[', mark: false },
      { text: 'Interviewer', mark: true },
      { text: '] Did you trust him?', mark: false },
    ]);
  });
  it('keeps a snippet without brackets as plain text', () => {
    expect(snippetParts('no brackets here', 3)).toEqual([{ text: 'no brackets here', mark: false }]);
  });
  it('handles emoji and accents inside the match', () => {
    expect(snippetParts('Hun sa «[tillit 👍]» først', 9)).toEqual([
      { text: 'Hun sa «', mark: false },
      { text: 'tillit 👍', mark: true },
      { text: '» først', mark: false },
    ]);
  });
});
