/**
 * Mapping a source tool's positions onto our stored text (electron/services/refi/import/positions.ts):
 * REFI's code points over LF text, NVivo's UTF-16 units over CRLF text, with emoji, accents and
 * Norwegian; each counting read back to the same words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseCounting, preferredCountings, type Counting } from '../../electron/services/refi/import/positions.js';
import { normaliseText } from '../../shared/text/normalise.js';

/** Where `words` is under each way of counting over `raw`. */
function positions(raw: string, words: string, counting: Counting): { start: number; end: number } {
  const base = counting.endsWith('crlf') ? raw : raw.replace(/\r\n/g, '\n');
  const i = base.indexOf(words);
  const count = (s: string) => (counting.startsWith('cp') ? [...s].length : s.length);
  return { start: count(base.slice(0, i)), end: count(base.slice(0, i + words.length)) };
}

function quotes(raw: string, words: string[], counting: Counting, preferred: Counting[]) {
  const stored = normaliseText(raw);
  const spans = words.map((w) => positions(raw, w, counting));
  const choice = chooseCounting(raw, stored, spans, preferred)!;
  return {
    counting: choice.table.counting,
    adjusted: choice.adjusted,
    quotes: spans.map((s) => stored.slice(choice.table.toStored[s.start], choice.table.toStored[s.end])),
  };
}

const RAW = 'I: Hei 🙂 how are you?\r\nR: Innsatte må være trygge 👍🏽, la sécurité first.\r\nI: And respect?\r\nR: Respect is earned 💯 every day.';
const WORDS = ['Innsatte må være trygge', 'la sécurité first', 'Respect is earned', 'every day'];

describe('chooseCounting', () => {
  it('reads REFI code points over LF text without adjusting', () => {
    const raw = RAW.replace(/\r\n/g, '\n');
    expect(quotes(raw, WORDS, 'cp-lf', preferredCountings('QualCoder'))).toEqual({ counting: 'cp-lf', adjusted: false, quotes: WORDS });
  });

  it("recognises NVivo's UTF-16 over CRLF from the words alone, whatever the origin says", () => {
    for (const origin of ['NVivo 14', 'Unknown tool']) {
      const r = quotes(RAW, WORDS, 'utf16-crlf', preferredCountings(origin));
      expect(r).toEqual({ counting: 'utf16-crlf', adjusted: true, quotes: WORDS });
    }
  });

  it('recognises code points over CRLF text, and UTF-16 over LF text', () => {
    expect(quotes(RAW, WORDS, 'cp-crlf', preferredCountings(undefined)).quotes).toEqual(WORDS);
    expect(quotes(RAW.replace(/\r\n/g, '\n'), WORDS, 'utf16-lf', preferredCountings(undefined)).quotes).toEqual(WORDS);
  });

  it('maps a selection that ends on a CR before its LF to the end of the line', () => {
    const raw = 'First line\r\nSecond line';
    const stored = normaliseText(raw);
    const c = chooseCounting(
      raw,
      stored,
      [
        { start: 0, end: 10 },
        { start: 12, end: 23 },
      ],
      preferredCountings('NVivo'),
    )!;
    expect(stored.slice(c.table.toStored[12], c.table.toStored[23])).toBe('Second line');
  });

  it('returns null when a selection is past the end under every counting', () => {
    expect(chooseCounting('short text', 'short text', [{ start: 0, end: 11 }], preferredCountings(undefined))).toBeNull();
  });

  it('any counting, with the true one preferred, gives back the words (property)', () => {
    const word = fc.constantFrom('trust', 'være', 'på', 'sécurité', '👍🏽', '😀', 'ok', 'Innsatte');
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<Counting>('cp-lf', 'cp-crlf', 'utf16-crlf', 'utf16-lf'),
        fc.nat(),
        (lines, counting, pick) => {
          const raw = lines.join('\r\n');
          const target = lines[pick % lines.length]!;
          const r = quotes(raw, [target], counting, [counting]);
          expect(r.quotes).toEqual([target]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
