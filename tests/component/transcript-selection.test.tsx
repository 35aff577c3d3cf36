// @vitest-environment jsdom
/**
 * Selection → offsets: a DOM Range set on the rendered text nodes maps back to the same UTF-16
 * offsets into the stored text, for emoji, Norwegian and accented text, CRLF/BOM sources and
 * overlapping codings. jsdom has no layout, so these test offsets, not geometry.
 */
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normaliseText } from '../../shared/text/normalise.js';
import { selectionToOffsets } from '../../renderer/transcript/selection.js';
import { coding, elementPointsFor, pieces, pointsFor, renderTranscript, selectOffsets } from './transcript-dom.js';

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  cleanup();
});

const span = (text: string, phrase: string, from = 0) => {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length };
};

const EMOJI = 'Interviewer: And then?\nOfficer Berg: He gave me 👍 and said 🙂 thanks.\nInterviewer: Good.';
const NORSK = 'Betjent: «Vi må være på, ikke på vakt» — sa hun.\nInnsatt: Ærlig talt, én gang på kjøkkenet.';
const CRLF_SOURCE = '\uFEFFInterviewer: Hello?\r\nParticipant: Café, naïve — 👍 fine.\r\n\r\nInterviewer: OK\r\n';

describe('selectionToOffsets: round trips', () => {
  const cases: [string, string, { start: number; end: number }[]][] = [
    ['emoji (surrogate pairs)', EMOJI, [span(EMOJI, 'gave me 👍'), span(EMOJI, '👍'), span(EMOJI, '🙂 thanks.'), span(EMOJI, 'said 🙂')]],
    ['Norwegian and accents', NORSK, [span(NORSK, '«Vi må være på'), span(NORSK, 'Ærlig talt, én gang'), span(NORSK, 'kjøkkenet.')]],
    [
      'a CRLF/BOM source normalised as import does',
      normaliseText(CRLF_SOURCE),
      [
        span(normaliseText(CRLF_SOURCE), 'Café, naïve — 👍'),
        span(normaliseText(CRLF_SOURCE), 'Participant'),
        span(normaliseText(CRLF_SOURCE), 'fine.\n\nInterviewer'),
      ],
    ],
    ['a span over several lines', EMOJI, [span(EMOJI, 'then?\nOfficer Berg: He'), span(EMOJI, 'thanks.\nInterviewer: Good.')]],
  ];
  for (const [what, text, spans] of cases) {
    it(what, () => {
      expect(text).not.toMatch(/[\r\uFEFF]/);
      const { host } = renderTranscript(text, []);
      for (const s of spans) expect(selectionToOffsets(selectOffsets(host, s.start, s.end), host)).toEqual(s);
    });
  }

  it('over overlapping codings, from either side of every piece boundary', () => {
    const a = span(EMOJI, 'He gave me 👍');
    const b = span(EMOJI, 'me 👍 and said');
    const { host } = renderTranscript(EMOJI, [coding('A', a.start, a.end), coding('B', b.start, b.end)]);
    expect(
      pieces(host)
        .filter((p) => p.codings.length)
        .map((p) => p.codings),
    ).toEqual([['A'], ['A', 'B'], ['B']]);
    for (const s of [a, b, { start: a.start, end: b.end }, { start: b.start, end: a.end }]) {
      // A boundary offset is both the end of one piece and the start of the next: each must give the same offset.
      const starts = pointsFor(host, s.start).length;
      const ends = pointsFor(host, s.end).length;
      expect(starts * ends).toBeGreaterThan(1);
      for (let sp = 0; sp < starts; sp += 1)
        for (let ep = 0; ep < ends; ep += 1) {
          const choice = [sp, ep];
          expect(
            selectionToOffsets(
              selectOffsets(host, s.start, s.end, () => choice.shift()!),
              host,
            ),
          ).toEqual(s);
        }
    }
  });

  it('a collapsed selection or one outside the transcript gives null', () => {
    const { host } = renderTranscript(EMOJI, []);
    const at = span(EMOJI, 'Berg').start;
    expect(selectionToOffsets(selectOffsets(host, at, at), host)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    const r = document.createRange();
    r.setStart(outside.firstChild!, 0);
    r.setEnd(outside.firstChild!, 4);
    sel.addRange(r);
    expect(selectionToOffsets(sel, host)).toBeNull();
  });

  it('the view reports a selection through onSelect on selectionchange', () => {
    const onSelect = vi.fn();
    const { host } = renderTranscript(NORSK, [], onSelect);
    const s = span(NORSK, 'være på, ikke');
    selectOffsets(host, s.start, s.end);
    document.dispatchEvent(new Event('selectionchange'));
    expect(onSelect).toHaveBeenLastCalledWith(s, false);
  });
});

/** Selects from point `a` to point `b` (node and offset each) and reads the selection back as offsets. */
function selectBetween(host: HTMLElement, a: [Node, number], b: [Node, number]) {
  const sel = document.getSelection()!;
  const r = document.createRange();
  r.setStart(...a);
  r.setEnd(...b);
  sel.removeAllRanges();
  sel.addRange(r);
  return selectionToOffsets(sel, host);
}

describe('selectionToOffsets: element points (triple-click, select all)', () => {
  const text = 'Interviewer: first line here\nOfficer: second line here';
  const codings = [coding('A', span(text, 'first').start, span(text, 'line here').end), coding('B', span(text, 'second').start, span(text, 'second').end)];

  it('a range from the start of one paragraph element to the end of it covers that whole line', () => {
    const { host } = renderTranscript(text, codings);
    const line = pieces(host)[0]!.el.closest('p')!;
    const r = document.createRange();
    r.setStart(line, 0);
    r.setEnd(line, line.childNodes.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    expect(selectionToOffsets(sel, host)).toEqual({ start: 0, end: text.indexOf('\n') });
  });

  it('a range over whole lines of a chunk, or over the chunks of the editor root, covers those lines', () => {
    const { host } = renderTranscript(text, codings);
    const root = host.querySelector<HTMLElement>('.transcript-text')!;
    const chunk = root.querySelector<HTMLElement>('.chunk')!;
    const select = (a: [Node, number], b: [Node, number]) => selectBetween(host, a, b);
    expect(select([chunk, 1], [chunk, 2])).toEqual({ start: text.indexOf('\n') + 1, end: text.length });
    expect(select([root, 0], [root, 1])).toEqual({ start: 0, end: text.length });
  });
});

describe('selectionToOffsets: blank lines', () => {
  // Lexical draws an empty line as <p><br></p>: its offset is where the line starts in the text.
  const text = 'Interviewer: Hm?\n\n\nOfficer: Yes.\n';
  const blank = [text.indexOf('\n') + 1, text.indexOf('\n') + 2];

  it('a selection from a blank line to text, or across two blank lines, keeps the blank lines’ offsets', () => {
    const { host } = renderTranscript(text, []);
    const paras = [...host.querySelectorAll('.transcript-text .line')];
    const select = (a: [Node, number], b: [Node, number]) => selectBetween(host, a, b);
    const officer = pieces(host).find((p) => p.text.startsWith('Officer'))!;
    expect(select([paras[1]!, 0], [officer.el.firstChild!, 8])).toEqual({ start: blank[0], end: officer.start + 8 });
    expect(select([paras[2]!, 0], [officer.el.firstChild!, 8])).toEqual({ start: blank[1], end: officer.start + 8 });
    expect(select([paras[1]!, 0], [paras[2]!, 0])).toEqual({ start: blank[0], end: blank[1] });
    expect(select([paras[4]!, 0], [paras[4]!, 0])).toBeNull();
  });
});

describe('selectionToOffsets: property', () => {
  // Text fragments that stress UTF-16 offsets and normalisation: emoji, accents (precomposed and
  // combining), Norwegian letters, guillemets, CRLF/CR/BOM as a source may carry them.
  const fragment = fc.constantFrom('a', 'b', 'ord', ' ', '👍', '🙂', 'å', 'Æ', 'ø', 'é', 'e\u0301', '«', '»', '\n', '\r\n', '\r', '\uFEFF', 'Officer Berg: ');
  const isLow = (text: string, i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) && /[\uD800-\uDBFF]/.test(text[i - 1]!);

  it('any span round-trips, whatever the codings and whichever equivalent point (text or element) is chosen', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { minLength: 2, maxLength: 30 }).map((f) => normaliseText(f.join(''))),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        fc.tuple(fc.nat(), fc.nat()),
        fc.infiniteStream(fc.nat()),
        (text, rawCodings, [x, y], picks) => {
          const n = text.length + 1;
          const codings = rawCodings
            .map(([p, q], i) => coding(`c${i}`, Math.min(p % n, q % n), Math.max(p % n, q % n)))
            .filter((c) => c.start < c.end && !isLow(text, c.start) && !isLow(text, c.end));
          const { host } = renderTranscript(text, codings);
          try {
            // Offsets a person can select at: in a text node, never inside a surrogate pair.
            const selectable = [...Array(n).keys()].filter((i) => !isLow(text, i) && pointsFor(host, i).length + elementPointsFor(host, text, i).length > 0);
            fc.pre(selectable.length >= 2);
            const a = selectable[x % selectable.length]!;
            const b = selectable[y % selectable.length]!;
            fc.pre(a !== b);
            const s = { start: Math.min(a, b), end: Math.max(a, b) };
            const it = picks[Symbol.iterator]();
            const sel = selectOffsets(host, s.start, s.end, () => it.next().value as number, text);
            expect(selectionToOffsets(sel, host)).toEqual(s);
          } finally {
            document.getSelection()?.removeAllRanges();
            cleanup();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('selectionToOffsets: lines in several chunks', () => {
  // 95 lines: three chunks of lines, with blank lines at and around the chunk boundaries.
  const text = Array.from({ length: 95 }, (_, i) => (i % 13 === 0 || i === 40 ? '' : `Line ${i + 1}: words ${'å'.repeat(i % 5)}`)).join('\n');
  const lineStart = (n: number) => text.split('\n').slice(0, n).join('\n').length + (n > 0 ? 1 : 0);

  it('every equivalent point at a chunk boundary (root, chunk, line, text) maps to the same offset', () => {
    const { host } = renderTranscript(text, [coding('A', lineStart(38), lineStart(42) + 3)]);
    expect(host.querySelectorAll('.transcript-text > .chunk').length).toBe(3);
    for (const [a, b] of [
      [lineStart(39), lineStart(41)],
      [lineStart(40), lineStart(80)],
      [lineStart(0), text.length],
      [lineStart(79), lineStart(81) + 2],
    ] as const) {
      const count = Math.max(...[a, b].map((x) => pointsFor(host, x).length + elementPointsFor(host, text, x).length));
      for (let pick = 0; pick < count; pick += 1) {
        const sel = selectOffsets(host, a, b, () => pick, text);
        expect(selectionToOffsets(sel, host)).toEqual({ start: a, end: b });
      }
    }
  });
});
