// @vitest-environment jsdom
/** Segments → view: the transcript's [data-start] pieces are exactly the stored text, cut flat at every coding boundary. */
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseText } from '../../shared/text/normalise.js';
import { coding, pieces, renderTranscript } from './transcript-dom.js';

afterEach(cleanup);

/** Every character of the text appears once, in order, in the pieces; only the line breaks sit between them. */
function expectTiles(host: HTMLElement, text: string) {
  const ps = pieces(host);
  let at = 0;
  for (const p of ps) {
    expect(text.slice(at, p.start)).toMatch(/^\n*$/);
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.text).toBe(text.slice(p.start, p.start + p.text.length));
    expect(p.text).not.toContain('\n');
    at = p.start + p.text.length;
  }
  expect(text.slice(at)).toMatch(/^\n*$/);
  expect(ps.map((p) => p.text).join('')).toBe(text.replaceAll('\n', ''));
  // One paragraph per stored line, blank lines included (in chunks of lines).
  expect(host.querySelectorAll('.transcript-text > .chunk > .line').length).toBe(text.split('\n').length);
}

const TEXT = 'Interviewer: Do you trust them?\nOfficer Berg: Ja, vi stoler på dem 👍 — mostly.\n\nInterviewer: Why?';

describe('TranscriptView: segments → view', () => {
  it('shows every character of the stored text once, in order, one paragraph per line', () => {
    const { host } = renderTranscript(TEXT, []);
    expectTiles(host, TEXT);
  });

  it('cuts overlapping codings into flat pieces [A][A,B][B] with data-codings', () => {
    const a = TEXT.indexOf('Ja, vi');
    const b = TEXT.indexOf('stoler');
    const aEnd = TEXT.indexOf('👍') + 2;
    const bEnd = TEXT.indexOf('mostly') + 'mostly'.length;
    const { host } = renderTranscript(TEXT, [coding('A', a, aEnd, '#cc3333'), coding('B', b, bEnd, '#3333cc')]);
    expectTiles(host, TEXT);
    const coded = pieces(host).filter((p) => p.codings.length);
    expect(coded.map((p) => [p.text, p.codings])).toEqual([
      ['Ja, vi ', ['A']],
      ['stoler på dem 👍', ['A', 'B']],
      [' — mostly', ['B']],
    ]);
    expect(coded[0]!.start).toBe(a);
    expect(coded[1]!.start).toBe(b);
    expect(coded[2]!.start).toBe(aEnd);
    // Uncoded pieces carry no data-codings at all.
    expect(
      pieces(host)
        .filter((p) => !p.codings.length)
        .every((p) => !p.el.hasAttribute('data-codings')),
    ).toBe(true);
  });

  it('a coding across a line break is cut at the break and keeps its id on both lines', () => {
    const start = TEXT.indexOf('trust');
    const end = TEXT.indexOf('Berg') + 4;
    const { host } = renderTranscript(TEXT, [coding('X', start, end)]);
    expectTiles(host, TEXT);
    expect(
      pieces(host)
        .filter((p) => p.codings.includes('X'))
        .map((p) => p.text),
    ).toEqual(['trust them?', 'Officer Berg']);
  });

  it('a CRLF/BOM source, normalised as import does, is viewed with the same offsets', () => {
    const raw = '\uFEFFInterviewer: Hei!\r\nParticipant: Æ, ø og å 🙂.\r\rEnd\r\n';
    const text = normaliseText(raw);
    const start = text.indexOf('ø');
    const { host } = renderTranscript(text, [coding('C', start, text.indexOf('🙂') + 2)]);
    expectTiles(host, text);
    expect(pieces(host).find((p) => p.codings.includes('C'))).toMatchObject({ start, text: 'ø og å 🙂' });
  });

  it('after codings change, the repainted view equals a fresh view of the same codings', () => {
    const text = 'one two three\nfour five six\nseven';
    const first = [coding('A', 0, 7), coding('B', 14, 18)];
    const second = [coding('A', 0, 7), coding('C', 4, 24), coding('D', 28, 33)];
    const view = renderTranscript(text, first);
    view.rerender(second);
    const repainted = pieces(view.host).map(({ start, text: t, codings }) => ({ start, t, codings }));
    cleanup();
    const fresh = pieces(renderTranscript(text, second).host).map(({ start, text: t, codings }) => ({ start, t, codings }));
    expect(repainted).toEqual(fresh);
  });

  it('property: any text and codings tile the text, and each piece carries exactly the codings covering it', () => {
    const fragment = fc.constantFrom('a', 'b', ' ', '👍', 'å', 'Ø', 'é', 'e\u0301', '\n', '\r\n', '\uFEFF', '«', '»');
    fc.assert(
      fc.property(
        fc.array(fragment, { minLength: 1, maxLength: 40 }).map((f) => normaliseText(f.join(''))),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        (text, raw) => {
          const codings = raw
            .map(([x, y], i) => coding(`c${i}`, Math.min(x, y) % (text.length + 1), Math.max(x, y) % (text.length + 1)))
            .filter((c) => c.start < c.end);
          const { host } = renderTranscript(text, codings);
          try {
            expectTiles(host, text);
            for (const p of pieces(host)) {
              const covering = codings.filter((c) => c.start <= p.start && p.start + p.text.length <= c.end).map((c) => c.guid);
              expect(p.codings).toEqual(covering);
              // Flat: no coding starts or ends inside a piece.
              for (const c of codings) for (const edge of [c.start, c.end]) expect(edge > p.start && edge < p.start + p.text.length).toBe(false);
            }
          } finally {
            cleanup();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
