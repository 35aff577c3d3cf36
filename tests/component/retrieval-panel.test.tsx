// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CasesView, CodeWithCounts, SegmentView } from '../../shared/api/types.js';
import { RetrievalPanel } from '../../renderer/retrieval/RetrievalPanel.js';
import { fakeWorkspace, renderIn } from './fake-workspace.js';

afterEach(cleanup);

const code = (path: string, total: number): CodeWithCounts => ({
  id: path.length,
  guid: `g-${path}`,
  parentId: path.includes('/') ? 1 : null,
  name: path.split('/').pop()!,
  path,
  color: '#336699',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  position: 0,
  own: total,
  total,
});

const CODES = [code('Dynamic security', 9), code('Dynamic security/Rapport', 5), code('Dynamic security/Boundaries', 4)];

/** Coders and documents as the panel gets them: chosen by GUID, shown by name. */
const CODERS = [
  { guid: 'u-alice', name: 'Alice' },
  { guid: 'u-bob', name: 'Bob' },
];
const DOCS = [
  { guid: 'd-co-01', name: 'co-01.txt' },
  { guid: 'd-ip-01', name: 'ip-01.txt' },
];
const RAPPORT = 'g-Dynamic security/Rapport';
const BOUNDARIES = 'g-Dynamic security/Boundaries';

const seg = (over: Partial<SegmentView>): SegmentView => ({
  guid: `s-${over.document}-${over.start}`,
  document: 'co-01.txt',
  code: 'Dynamic security/Rapport',
  coder: 'Alice',
  ...over,
  documentGuid: DOCS.find((d) => d.name === (over.document ?? 'co-01.txt'))!.guid,
  codeGuid: `g-${over.code ?? 'Dynamic security/Rapport'}`,
  coderGuid: CODERS.find((c) => c.name === (over.coder ?? 'Alice'))!.guid,
  start: 0,
  end: 10,
  lineStart: 1,
  lineEnd: 1,
  speaker: null,
  caseName: null,
  quote: 'quote',
  memo: null,
  ...over,
});

const SEGMENTS: SegmentView[] = [
  seg({
    document: 'co-01.txt',
    start: 572,
    end: 631,
    lineStart: 12,
    lineEnd: 14,
    speaker: 'CO Martin',
    caseName: 'CO-01',
    quote: 'I know their names, their kids’ names',
  }),
  seg({
    document: 'co-01.txt',
    start: 900,
    end: 950,
    lineStart: 20,
    lineEnd: 20,
    speaker: 'CO Martin',
    caseName: 'CO-01',
    coder: 'Bob',
    quote: 'You talk to them 👍 every day',
  }),
  seg({
    document: 'ip-01.txt',
    start: 40,
    end: 90,
    lineStart: 3,
    lineEnd: 4,
    speaker: 'PARTICIPANT',
    caseName: 'IP-01',
    code: 'Dynamic security/Boundaries',
    quote: 'Talking to you like a grown man.',
    memo: 'key',
  }),
];

const CASES: CasesView = {
  attributes: [
    { name: 'role', type: 'text' },
    { name: 'years of service', type: 'number' },
  ],
  cases: [
    { name: 'CO-01', guid: 'c1', attributes: { role: 'officer', 'years of service': '11' } },
    { name: 'IP-01', guid: 'c2', attributes: { role: 'incarcerated', 'years of service': '' } },
    { name: 'CO-02', guid: 'c3', attributes: { role: 'officer', 'years of service': '6' } },
  ],
};

function setup(extra: Parameters<typeof fakeWorkspace>[1] = {}, segments = SEGMENTS) {
  const segmentsCall = vi.fn(async (_args?: unknown) => segments);
  const ws = fakeWorkspace({ 'retrieval.segments': segmentsCall, 'cases.list': async () => CASES }, extra);
  const ui = <RetrievalPanel codes={CODES} coders={CODERS} documents={DOCS} code={RAPPORT} findDelay={0} />;
  const r = renderIn(ws, ui);
  return { ws, segmentsCall, ui, ...r };
}

const lastArgs = (fn: { mock: { calls: unknown[][] } }) => fn.mock.calls.at(-1)![0];

describe('RetrievalPanel', () => {
  it('asks for the code chosen in the code book, with sub-codes, and shows the counts', async () => {
    const { segmentsCall } = setup();
    expect(await screen.findByText("3 segments in 2 documents, counting all coders' codings")).toBeTruthy();
    expect(segmentsCall).toHaveBeenCalledTimes(1);
    expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: true });
  });

  it('lists segments per document with case, speaker, line numbers, coder and quote', async () => {
    setup();
    const lists = await screen.findAllByRole('list');
    expect(lists.map((l) => l.getAttribute('aria-label'))).toEqual(['Segments in co-01.txt', 'Segments in ip-01.txt']);
    expect(screen.getByRole('heading', { name: /co-01\.txt\s*· CO-01 · 2 segments/ })).toBeTruthy();
    const items = within(lists[0]!).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0]!).getByRole('button');
    expect(first.textContent).toContain('CO Martin');
    expect(first.textContent).toContain('lines 12–14');
    expect(first.textContent).toContain('Alice');
    expect(first.textContent).toContain('I know their names, their kids’ names');
    expect(within(items[1]!).getByRole('button').textContent).toContain('line 20');
    expect(within(lists[1]!).getByRole('button').textContent).toContain('Memo: key');
  });

  it('sends each filter as the API expects it', async () => {
    const { segmentsCall } = setup();
    await screen.findByText("3 segments in 2 documents, counting all coders' codings");
    fireEvent.click(screen.getByLabelText('Include sub-codes'));
    await waitFor(() => expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: false }));
    // Options show names and paths; what is sent is GUIDs.
    expect(
      within(screen.getByLabelText('Coder'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All coders', 'Alice', 'Bob']);
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: 'g-Dynamic security' } });
    fireEvent.change(screen.getByLabelText('Coder'), { target: { value: 'u-bob' } });
    fireEvent.change(screen.getByLabelText('Document'), { target: { value: 'd-ip-01' } });
    await waitFor(() => expect(lastArgs(segmentsCall)).toEqual({ code: 'g-Dynamic security', descendants: false, coders: ['u-bob'], documents: ['d-ip-01'] }));

    // Attribute values come from cases.list; blanks are left out; an attribute alone filters nothing.
    fireEvent.change(screen.getByLabelText('Case attribute'), { target: { value: 'role' } });
    const values = within(screen.getByLabelText('Value'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(values).toEqual(['Any value', 'incarcerated', 'officer']);
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'officer' } });
    await waitFor(() => expect(lastArgs(segmentsCall)).toMatchObject({ where: { role: 'officer' } }));
    fireEvent.change(screen.getByLabelText('Case attribute'), { target: { value: 'years of service' } });
    expect(
      within(screen.getByLabelText('Value'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any value', '6', '11']);
    await waitFor(() => expect(lastArgs(segmentsCall)).not.toHaveProperty('where'));

    fireEvent.change(screen.getByLabelText('Quotes containing'), { target: { value: '  grown man  ' } });
    await waitFor(() =>
      expect(lastArgs(segmentsCall)).toEqual({ code: 'g-Dynamic security', descendants: false, coders: ['u-bob'], documents: ['d-ip-01'], find: 'grown man' }),
    );
  });

  it('passes the viewer under blind coding', async () => {
    const { segmentsCall } = setup({ viewer: 'u-alice' });
    await screen.findByText("3 segments in 2 documents, counting all coders' codings");
    expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: true, viewer: 'u-alice' });
  });

  it('clicking a segment opens its document at its offsets', async () => {
    const { ws } = setup();
    const button = (await screen.findAllByRole('button')).find((b) => b.textContent?.includes('grown man'))!;
    fireEvent.click(button);
    expect(ws.openDocument).toHaveBeenCalledWith('d-ip-01', { start: 40, end: 90 });
  });

  it('asks again when the workspace version moves, and follows a new code from the code book', async () => {
    const { ws, segmentsCall, rerenderIn } = setup();
    await screen.findByText("3 segments in 2 documents, counting all coders' codings");
    rerenderIn({ ...ws, version: 1 }, <RetrievalPanel codes={CODES} coders={CODERS} documents={[]} code={RAPPORT} findDelay={0} />);
    await waitFor(() => expect(segmentsCall).toHaveBeenCalledTimes(2));
    rerenderIn({ ...ws, version: 1 }, <RetrievalPanel codes={CODES} coders={CODERS} documents={[]} code={BOUNDARIES} findDelay={0} />);
    await waitFor(() => expect(lastArgs(segmentsCall)).toEqual({ code: BOUNDARIES, descendants: true }));
    expect((screen.getByLabelText('Code') as HTMLSelectElement).value).toBe(BOUNDARIES);
  });

  it('says so when nothing is coded, and shows API errors through run()', async () => {
    const failing = vi.fn(async () => {
      throw new Error('code "Nope" not found');
    });
    const ws = fakeWorkspace({ 'retrieval.segments': failing, 'cases.list': async () => CASES });
    renderIn(ws, <RetrievalPanel codes={CODES} coders={[]} documents={[]} code="Nope" findDelay={0} />);
    await waitFor(() => expect(ws.errors).toEqual(['code "Nope" not found']));
    cleanup();
    setup({}, []);
    expect(await screen.findByText("No segments, counting all coders' codings")).toBeTruthy();
    expect(screen.queryAllByRole('list')).toHaveLength(0);
  });

  it('starts the coder filter from Show, follows a new Show, and names whose codings it counts', async () => {
    const segmentsCall = vi.fn(async (_args?: unknown) => SEGMENTS);
    const ws = fakeWorkspace({ 'retrieval.segments': segmentsCall, 'cases.list': async () => CASES });
    const at = (shown: string) => <RetrievalPanel codes={CODES} coders={CODERS} documents={DOCS} code={RAPPORT} shown={shown} findDelay={0} />;
    const r = renderIn(ws, at('u-alice'));
    expect(await screen.findByText('3 segments in 2 documents, counting your codings')).toBeTruthy();
    expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: true, coders: ['u-alice'] });
    expect((screen.getByLabelText('Coder') as HTMLSelectElement).value).toBe('u-alice');
    r.rerenderIn(ws, at('u-bob'));
    expect(await screen.findByText("3 segments in 2 documents, counting Bob's codings")).toBeTruthy();
    expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: true, coders: ['u-bob'] });
    // The user may still widen it.
    fireEvent.change(screen.getByLabelText('Coder'), { target: { value: '' } });
    expect(await screen.findByText("3 segments in 2 documents, counting all coders' codings")).toBeTruthy();
    expect(lastArgs(segmentsCall)).toEqual({ code: RAPPORT, descendants: true });
  });

  it('asks nothing until a code is chosen', async () => {
    const segmentsCall = vi.fn(async () => SEGMENTS);
    const ws = fakeWorkspace({ 'retrieval.segments': segmentsCall, 'cases.list': async () => CASES });
    renderIn(ws, <RetrievalPanel codes={CODES} coders={[]} documents={[]} code={null} findDelay={0} />);
    expect(await screen.findByText('Choose a code to see its coded segments.')).toBeTruthy();
    expect(segmentsCall).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: BOUNDARIES } });
    await waitFor(() => expect(segmentsCall).toHaveBeenCalledWith({ code: BOUNDARIES, descendants: true }));
  });
});
